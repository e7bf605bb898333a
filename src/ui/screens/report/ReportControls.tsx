// On screen only (never printed): the print button, and what the report includes — the field notes, which photos.
import type { Sha256 } from '../../../domain/ids.ts';
import type { ReportPhoto } from '../../../domain/report.ts';
import { usePhotoUrl } from '../../hooks/usePhotoUrl.ts';
import { useI18n } from '../../i18n/context.tsx';
import { reportScreen } from '../../i18n/messages/reportScreen.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { photoSource } from './photoSource.ts';

export interface ReportControlsProps {
  ready: boolean;
  includeNotes: boolean;
  onIncludeNotes: (include: boolean) => void;
  /** Every photo of the mission, in report order. */
  photos: readonly ReportPhoto[];
  chosen: ReadonlySet<Sha256>;
  onChoose: (chosen: ReadonlySet<Sha256>) => void;
}

export function ReportControls(props: ReportControlsProps) {
  const t = useMessages(reportScreen);
  const toggle = (sha256: Sha256) => {
    const next = new Set(props.chosen);
    if (next.has(sha256)) next.delete(sha256);
    else next.add(sha256);
    props.onChoose(next);
  };
  return (
    <div class="report-controls__panel">
      <div class="form-actions report-controls__print">
        {/* A handler, not an inline attribute: the content security policy allows no inline script. */}
        <button type="button" class="button button--primary" onClick={() => window.print()}>
          {t('report.print')}
        </button>
        <p class="list__meta" role="status">
          {props.ready ? t('report.ready') : t('report.preparing')}
        </p>
      </div>
      <p class="field__hint">{t('report.printHint')}</p>
      <fieldset class="report-controls__options">
        <legend>{t('report.options')}</legend>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={props.includeNotes}
            onChange={(event) => props.onIncludeNotes(event.currentTarget.checked)}
          />
          {t('report.includeNotes')}
        </label>
        {props.photos.length > 0 && (
          <fieldset class="report-controls__photos">
            <legend>{t('report.photos.choose')}</legend>
            {props.photos.map((item, index) => (
              <PhotoChoice
                key={item.photo.sha256}
                item={item}
                n={index + 1}
                checked={props.chosen.has(item.photo.sha256)}
                onToggle={() => toggle(item.photo.sha256)}
              />
            ))}
          </fieldset>
        )}
      </fieldset>
    </div>
  );
}

function PhotoChoice(props: { item: ReportPhoto; n: number; checked: boolean; onToggle: () => void }) {
  const t = useMessages(reportScreen);
  const i18n = useI18n();
  const url = usePhotoUrl(props.item.photo.sha256);
  const { item, n } = props;
  return (
    <label class="checkbox report-choice">
      <input type="checkbox" checked={props.checked} onChange={props.onToggle} />
      {/* The label's words name the photo; the thumbnail only helps the eye. */}
      {url ? <img src={url} alt="" width={56} height={56} /> : <span class="report-choice__blank" />}
      <span>
        {item.caption
          ? t('report.photos.captioned', { n, caption: item.caption })
          : t('report.photos.uncaptioned', { n, source: photoSource(item, i18n, t) })}
      </span>
    </label>
  );
}
