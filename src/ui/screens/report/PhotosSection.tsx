// The photos the reader chose, full width with their captions, where they come from and where they were taken.
// Each says when its image has loaded, so the report can say it is ready to print.
import { useEffect } from 'preact/hooks';
import type { ReportPhoto } from '../../../domain/report.ts';
import { usePhotoUrl } from '../../hooks/usePhotoUrl.ts';
import { useI18n } from '../../i18n/context.tsx';
import { reportScreen } from '../../i18n/messages/reportScreen.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { photoSource } from './photoSource.ts';
import { ReportSection, type SectionProps } from './section.tsx';

export function PhotosSection({ data, onPhotoSettled }: SectionProps) {
  const { t } = useI18n();
  if (data.photos.length === 0) return null;
  return (
    <ReportSection id="photos" title={t('assessments.section.photos')}>
      <div class="report-photos">
        {data.photos.map((item, index) => (
          <Figure key={item.photo.sha256} item={item} n={index + 1} onSettled={onPhotoSettled} />
        ))}
      </div>
    </ReportSection>
  );
}

function Figure(props: { item: ReportPhoto; n: number; onSettled: SectionProps['onPhotoSettled'] }) {
  const r = useMessages(reportScreen);
  const i18n = useI18n();
  const { t, date, number } = i18n;
  const { item, n, onSettled } = props;
  const { sha256 } = item.photo;
  const url = usePhotoUrl(sha256);
  // Not on this device: nothing to wait for. Leaving the report (or the choice) takes it out of the count.
  useEffect(() => {
    if (url === null) onSettled(sha256, true);
  }, [url, sha256, onSettled]);
  useEffect(() => () => onSettled(sha256, false), [sha256, onSettled]);
  const settle = () => onSettled(sha256, true);
  const { gps } = item;
  const details = [
    photoSource(item, i18n, r),
    item.photo.takenAt ? r('report.photo.taken', { date: date(item.photo.takenAt) }) : '',
    gps
      ? t('assessments.gps.position', {
          lat: gps.lat.toFixed(5),
          lon: gps.lon.toFixed(5),
          accuracy: number(Math.round(gps.accuracy)),
        })
      : '',
  ].filter(Boolean);
  return (
    <figure class="report-photo" data-photo={sha256}>
      {url ? (
        <img
          src={url}
          alt={t('photos.alt', { n })}
          width={item.photo.width || undefined}
          height={item.photo.height || undefined}
          // A cached image may have loaded before the handler was set: its `complete` tells.
          ref={(image) => {
            if (image?.complete && image.naturalWidth > 0) settle();
          }}
          onLoad={settle}
          onError={settle}
        />
      ) : (
        url === null && <p class="report-photo__missing">{t('photos.notHere', { n })}</p>
      )}
      <figcaption>
        <strong>
          {item.caption ? r('report.photos.captioned', { n, caption: item.caption }) : t('photos.alt', { n })}
        </strong>
        <span class="report-photo__details">{details.join(' · ')}</span>
      </figcaption>
    </figure>
  );
}
