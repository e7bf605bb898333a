// The optional rapid building inspection: placard colour, EMS-98 damage grade, structure, use and occupancy.
import { useId } from 'preact/hooks';
import { DAMAGE_GRADES, PLACARDS, STRUCTURE_TYPES, includes, type Placard } from '../../../domain/codes.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useI18n } from '../../i18n/context.tsx';
import { NumberField, SelectField, TextField } from '../fields.tsx';
import { FieldNotes } from '../marks/FieldNotes.tsx';
import type { InspectionValues, SectionProps } from './formValues.ts';

const COLOUR: Record<Placard, MessageKey> = {
  green: 'assessments.placardColour.green',
  yellow: 'assessments.placardColour.yellow',
  red: 'assessments.placardColour.red',
};

export function InspectionSection({ values, set, errors, disabled }: SectionProps) {
  const { t, code } = useI18n();
  const inspection = values.inspection;
  const change = (patch: Partial<InspectionValues>) => set({ inspection: { ...inspection, ...patch } });
  return (
    <>
      <h2>{t('assessments.section.inspection')}</h2>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={values.withInspection}
          disabled={disabled}
          onChange={(e) => set({ withInspection: e.currentTarget.checked })}
        />
        {t('assessments.includeInspection')}
      </label>
      <FieldNotes paths={['inspection']} />
      {/* An inspection with an invalid value reads as none: its marks are said here, with a way to clear them. */}
      {!values.withInspection && <FieldNotes prefix="inspection." />}
      {values.withInspection && (
        <div class="assessment-inspection">
          <PlacardChoice
            value={inspection.placard}
            disabled={disabled}
            onChange={(placard) => change({ placard })}
          />
          <SelectField
            label={t('assessments.field.damageGrade')}
            path="inspection.damageGrade"
            value={inspection.damageGrade}
            placeholder={t('assessments.notAssessed')}
            options={DAMAGE_GRADES.map((g) => ({ value: String(g), label: code('damageGrade', g) }))}
            disabled={disabled}
            onChange={(damageGrade) => change({ damageGrade })}
          />
          <SelectField
            label={t('assessments.field.structureType')}
            path="inspection.structureType"
            value={inspection.structureType}
            placeholder={t('assessments.notAssessed')}
            options={STRUCTURE_TYPES.map((s) => ({ value: s, label: code('structure', s) }))}
            disabled={disabled}
            onChange={(s) => change({ structureType: includes(STRUCTURE_TYPES, s) ? s : '' })}
          />
          <TextField
            label={t('assessments.field.use')}
            path="inspection.use"
            value={inspection.use}
            disabled={disabled}
            onInput={(use) => change({ use })}
          />
          <div class="grid-2">
            <NumberField
              label={t('assessments.field.storeys')}
              path="inspection.storeys"
              value={inspection.storeys}
              error={errors['inspection.storeys']}
              disabled={disabled}
              onInput={(storeys) => change({ storeys })}
            />
            <NumberField
              label={t('assessments.field.occupants')}
              path="inspection.occupants"
              value={inspection.occupants}
              error={errors['inspection.occupants']}
              disabled={disabled}
              onInput={(occupants) => change({ occupants })}
            />
          </div>
        </div>
      )}
    </>
  );
}

/** Large radio buttons in the placard's colour, each named in words: colour is never the only signal. */
function PlacardChoice(props: {
  value: Placard | '';
  disabled: boolean;
  onChange: (placard: Placard) => void;
}) {
  const { t, code } = useI18n();
  const name = useId();
  return (
    <fieldset class="field placard-choice">
      <legend>{t('assessments.field.placard')}</legend>
      <div class="placard-choice__options">
        {PLACARDS.map((placard) => (
          <label key={placard} class={`placard-choice__option placard-choice__option--${placard}`}>
            <input
              type="radio"
              name={name}
              value={placard}
              checked={props.value === placard}
              disabled={props.disabled}
              onChange={() => props.onChange(placard)}
            />
            <span class="placard-choice__swatch" aria-hidden="true" />
            <span class="placard-choice__text">
              <strong>{t(COLOUR[placard])}</strong> {code('placard', placard)}
            </span>
          </label>
        ))}
      </div>
      <FieldNotes paths={['inspection.placard']} />
    </fieldset>
  );
}
