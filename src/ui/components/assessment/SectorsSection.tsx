// One entry per sector assessed: severity on the 1–5 scale, people affected and in need, notes.
import { SECTORS, SEVERITIES, includes } from '../../../domain/codes.ts';
import type { FieldErrors } from '../../../domain/validation.ts';
import { useI18n } from '../../i18n/context.tsx';
import { NumberField, SelectField, TextField } from '../fields.tsx';
import { FieldNotes } from '../marks/FieldNotes.tsx';
import type { SectionProps, SectorValues } from './formValues.ts';

export function SectorsSection({ values, set, errors, disabled }: SectionProps) {
  const { t, code } = useI18n();
  const used = new Set(values.sectors.map((entry) => entry.sector));
  const unused = SECTORS.filter((sector) => !used.has(sector));
  const update = (index: number, patch: Partial<SectorValues>) =>
    set({ sectors: values.sectors.map((entry, i) => (i === index ? { ...entry, ...patch } : entry)) });
  const remove = (index: number) => set({ sectors: values.sectors.filter((_, i) => i !== index) });
  // Choosing from the list adds the entry at once: one tap less on a phone, and the list only offers new sectors.
  const add = (sector: string) => {
    if (!includes(SECTORS, sector) || used.has(sector)) return;
    set({ sectors: [...values.sectors, { sector, severity: '', affected: '', inNeed: '', notes: '' }] });
  };
  return (
    <>
      <h2>{t('assessments.section.sectors')}</h2>
      <FieldNotes paths={['sectors']} />
      {values.sectors.length === 0 && <p class="empty">{t('assessments.noSectors')}</p>}
      {values.sectors.map((entry, index) => (
        <SectorEntryFields
          key={entry.sector}
          entry={entry}
          errors={errors}
          at={`sectors.${index}`}
          disabled={disabled}
          onChange={(patch) => update(index, patch)}
          onRemove={() => remove(index)}
        />
      ))}
      {!disabled && unused.length > 0 && (
        <SelectField
          label={t('assessments.addSector')}
          value=""
          placeholder={t('assessments.chooseSector')}
          options={unused.map((sector) => ({ value: sector, label: code('sector', sector) }))}
          onChange={add}
        />
      )}
    </>
  );
}

function SectorEntryFields(props: {
  entry: SectorValues;
  errors: FieldErrors;
  /** The validator's path prefix for this entry, e.g. "sectors.0". */
  at: string;
  disabled: boolean;
  onChange: (patch: Partial<SectorValues>) => void;
  onRemove: () => void;
}) {
  const { t, code } = useI18n();
  const { entry, errors, at, disabled, onChange } = props;
  const name = code('sector', entry.sector);
  const path = `sectors.${entry.sector}`;
  return (
    <fieldset class="assessment-sector">
      <legend>{name}</legend>
      <FieldNotes paths={[path]} />
      <SelectField
        label={t('assessments.field.severity')}
        path={`${path}.severity`}
        value={entry.severity}
        placeholder={t('assessments.chooseSeverity')}
        options={SEVERITIES.map((s) => ({ value: String(s), label: code('severity', s) }))}
        error={errors[`${at}.severity`]}
        disabled={disabled}
        onChange={(severity) => onChange({ severity })}
      />
      <div class="grid-2">
        <NumberField
          label={t('assessments.field.affected')}
          path={`${path}.affected`}
          value={entry.affected}
          error={errors[`${at}.affected`]}
          disabled={disabled}
          onInput={(affected) => onChange({ affected })}
        />
        <NumberField
          label={t('assessments.field.inNeed')}
          path={`${path}.inNeed`}
          value={entry.inNeed}
          error={errors[`${at}.inNeed`]}
          disabled={disabled}
          onInput={(inNeed) => onChange({ inNeed })}
        />
      </div>
      <TextField
        label={t('assessments.field.sectorNotes')}
        path={`${path}.notes`}
        value={entry.notes}
        error={errors[`${at}.notes`]}
        disabled={disabled}
        onInput={(notes) => onChange({ notes })}
      />
      {errors[`${at}.sector`] && (
        <p class="field__error" role="alert">
          {t(`validation.${errors[`${at}.sector`]!}`)}
        </p>
      )}
      {!disabled && (
        <button type="button" class="button button--danger" onClick={props.onRemove}>
          {t('assessments.removeSector', { sector: name })}
        </button>
      )}
    </fieldset>
  );
}
