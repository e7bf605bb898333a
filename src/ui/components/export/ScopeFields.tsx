// The export screen's choices: the format, and which missions (this one, a selection, all, or a year).
import { useId } from 'preact/hooks';
import type { ExportFormat } from '../../../domain/export/index.ts';
import type { MissionRow } from '../../../storage/db.ts';
import { useI18n } from '../../i18n/context.tsx';
import type { MessageKey } from '../../i18n/catalog.ts';

export type ScopeKind = 'mission' | 'selection' | 'all' | 'year';

const FORMATS: readonly ExportFormat[] = ['csv', 'hxl', 'geojson'];

function Choice<T extends string>(props: {
  name: string;
  value: T;
  current: T;
  label: string;
  onChange: (value: T) => void;
}) {
  return (
    <label class="checkbox">
      <input
        type="radio"
        name={props.name}
        value={props.value}
        checked={props.current === props.value}
        onChange={() => props.onChange(props.value)}
      />
      {props.label}
    </label>
  );
}

export function FormatField(props: { value: ExportFormat; onChange: (format: ExportFormat) => void }) {
  const { t } = useI18n();
  const name = useId();
  return (
    <fieldset class="field">
      <legend>{t('export.format')}</legend>
      {FORMATS.map((format) => (
        <Choice
          key={format}
          name={name}
          value={format}
          current={props.value}
          label={t(`export.format.${format}` as MessageKey)}
          onChange={props.onChange}
        />
      ))}
    </fieldset>
  );
}

/** Years the device's missions were on site, newest first; this year when none says. */
export function yearsOf(rows: readonly MissionRow[], now = new Date()): number[] {
  const years = new Set<number>();
  for (const row of rows) {
    const start = Number(row.startDate.slice(0, 4));
    const end = Number((row.endDate || row.startDate).slice(0, 4));
    // A bounded range: a mistyped year must not list centuries.
    if (Number.isInteger(start) && start > 1900 && end >= start && end - start < 20)
      for (let year = start; year <= end; year++) years.add(year);
  }
  if (years.size === 0) years.add(now.getFullYear());
  return [...years].sort((a, b) => b - a);
}

export interface ScopeValue {
  kind: ScopeKind;
  selected: ReadonlySet<string>;
  /** Null until the user picks one. */
  year: number | null;
}

export function ScopeField(props: {
  value: ScopeValue;
  onChange: (next: ScopeValue) => void;
  rows: readonly MissionRow[];
  years: readonly number[];
  /** The mission the screen was opened from, if any. */
  mission: MissionRow | null;
}) {
  const { t } = useI18n();
  const name = useId();
  const yearId = useId();
  const { value, onChange, rows } = props;
  const kinds: ScopeKind[] = props.mission
    ? ['mission', 'selection', 'all', 'year']
    : ['selection', 'all', 'year'];
  const toggle = (id: string) => {
    const selected = new Set(value.selected);
    if (selected.has(id)) selected.delete(id);
    else selected.add(id);
    onChange({ ...value, selected });
  };
  return (
    <>
      <fieldset class="field">
        <legend>{t('export.scope')}</legend>
        {kinds.map((kind) => (
          <Choice
            key={kind}
            name={name}
            value={kind}
            current={value.kind}
            label={t(`export.scope.${kind}` as MessageKey, { title: props.mission?.title ?? '' })}
            onChange={(next) => onChange({ ...value, kind: next })}
          />
        ))}
      </fieldset>
      {value.kind === 'selection' && (
        <fieldset class="field">
          <legend>{t('export.choose')}</legend>
          {rows.length === 0 && <p>{t('export.none')}</p>}
          {rows.map((row) => (
            <label key={row.id} class="checkbox">
              <input type="checkbox" checked={value.selected.has(row.id)} onChange={() => toggle(row.id)} />
              {row.title}
            </label>
          ))}
        </fieldset>
      )}
      {value.kind === 'year' && (
        <div class="field">
          <label for={yearId}>{t('export.year')}</label>
          <p class="field__hint" id={`${yearId}-hint`}>
            {t('export.yearHint')}
          </p>
          <select
            id={yearId}
            aria-describedby={`${yearId}-hint`}
            value={String(value.year)}
            onChange={(event) => onChange({ ...value, year: Number(event.currentTarget.value) })}
          >
            {props.years.map((year) => (
              <option key={year} value={String(year)}>
                {year}
              </option>
            ))}
          </select>
        </div>
      )}
    </>
  );
}
