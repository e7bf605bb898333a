// People met during the mission, one row per role and organisation (how many of them, where known); never a
// person's name, which the report does not need and the counterpart did not consent to share.
import { newId } from '../../../domain/ids.ts';
import type { FieldErrors } from '../../../domain/validation.ts';
import { useI18n } from '../../i18n/context.tsx';
import { NumberField, TextField } from '../fields.tsx';
import { FieldNotes } from '../marks/FieldNotes.tsx';
import type { PersonMetValues } from './missionValues.ts';

interface PeopleMetEditorProps {
  people: PersonMetValues[];
  onChange: (people: PersonMetValues[]) => void;
  /** The mission's field errors; this editor reads `peopleMet.<index>.<field>`. */
  errors: FieldErrors;
  disabled?: boolean;
}

export function PeopleMetEditor({ people, onChange, errors, disabled = false }: PeopleMetEditorProps) {
  const { t } = useI18n();
  const change = (index: number, patch: Partial<PersonMetValues>) =>
    onChange(people.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const remove = (index: number) => onChange(people.filter((_row, i) => i !== index));
  // Rows are keyed by an id of their own, so two devices adding people met both keep theirs (docs/merge.md M6).
  const add = () => onChange([...people, { id: newId(), role: '', organisation: '', count: '' }]);

  return (
    <fieldset class="field team-editor">
      <legend>
        <h2>{t('missions.section.peopleMet')}</h2>
      </legend>
      <p class="field__hint">{t('missions.hint.peopleMet')}</p>
      <FieldNotes paths={['peopleMet']} />
      {errors.peopleMet && (
        <p class="field__error" role="alert">
          {t(`validation.${errors.peopleMet}`)}
        </p>
      )}
      {people.length === 0 && <p class="field__hint">{t('missions.peopleMetEmpty')}</p>}
      {people.map((row, index) => (
        <fieldset key={row.id} class="team-editor__member">
          <legend>{t('missions.personMet.legend', { n: index + 1 })}</legend>
          <FieldNotes paths={[`peopleMet.${row.id}`]} />
          <TextField
            label={t('missions.personMet.role')}
            path={`peopleMet.${row.id}.role`}
            value={row.role}
            disabled={disabled}
            error={errors[`peopleMet.${index}.role`]}
            onInput={(role) => change(index, { role })}
          />
          <TextField
            label={t('missions.personMet.organisation')}
            path={`peopleMet.${row.id}.organisation`}
            value={row.organisation}
            disabled={disabled}
            error={errors[`peopleMet.${index}.organisation`]}
            onInput={(organisation) => change(index, { organisation })}
          />
          <NumberField
            label={t('missions.personMet.count')}
            path={`peopleMet.${row.id}.count`}
            value={row.count}
            disabled={disabled}
            error={errors[`peopleMet.${index}.count`]}
            onInput={(count) => change(index, { count })}
          />
          {!disabled && (
            <button type="button" class="button button--danger" onClick={() => remove(index)}>
              {t('missions.personMet.remove', { n: index + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      {!disabled && (
        <button type="button" class="button" onClick={add}>
          {t('missions.personMet.add')}
        </button>
      )}
    </fieldset>
  );
}
