// The mission team: one row per technician (name, home institution, role), rows added and removed in place.
import { TEAM_ROLES, type TeamRole } from '../../domain/codes.ts';
import type { TeamMember } from '../../domain/model.ts';
import { newId } from '../../domain/ids.ts';
import type { FieldErrors } from '../../domain/validation.ts';
import { useI18n } from '../i18n/context.tsx';
import { SelectField, TextField } from './fields.tsx';
import { FieldNotes } from './marks/FieldNotes.tsx';

interface TeamEditorProps {
  members: TeamMember[];
  onChange: (members: TeamMember[]) => void;
  /** The mission's field errors; this editor reads `team.<index>.<field>`. */
  errors: FieldErrors;
  disabled?: boolean;
}

export function TeamEditor({ members, onChange, errors, disabled = false }: TeamEditorProps) {
  const { t, code } = useI18n();
  const roles = TEAM_ROLES.map((value) => ({ value, label: code('teamRole', value) }));
  const change = (index: number, patch: Partial<TeamMember>) =>
    onChange(members.map((member, i) => (i === index ? { ...member, ...patch } : member)));
  const remove = (index: number) => onChange(members.filter((_member, i) => i !== index));
  // Each row gets an id of its own, so two devices editing different rows both keep theirs (docs/merge.md M6).
  const add = () => onChange([...members, { id: newId(), name: '', institution: '', role: 'technician' }]);

  return (
    <fieldset class="field team-editor">
      <legend>{t('missions.field.team')}</legend>
      <FieldNotes paths={['team']} />
      {errors.team && (
        <p class="field__error" role="alert">
          {t(`validation.${errors.team}`)}
        </p>
      )}
      {members.length === 0 && <p class="field__hint">{t('missions.teamEmpty')}</p>}
      {members.map((member, index) => (
        // Rows have no id of their own; the position is what validation errors refer to as well.
        <fieldset key={index} class="team-editor__member">
          <legend>{t('missions.member.legend', { n: index + 1 })}</legend>
          <FieldNotes paths={[`team.${member.id}`]} />
          <TextField
            label={t('missions.member.name')}
            path={`team.${member.id}.name`}
            value={member.name}
            disabled={disabled}
            error={errors[`team.${index}.name`]}
            onInput={(name) => change(index, { name })}
          />
          <TextField
            label={t('missions.member.institution')}
            path={`team.${member.id}.institution`}
            value={member.institution}
            disabled={disabled}
            error={errors[`team.${index}.institution`]}
            onInput={(institution) => change(index, { institution })}
          />
          <SelectField
            label={t('missions.member.role')}
            path={`team.${member.id}.role`}
            value={member.role}
            options={roles}
            disabled={disabled}
            onChange={(role) => change(index, { role: role as TeamRole })}
          />
          {!disabled && (
            <button type="button" class="button button--danger" onClick={() => remove(index)}>
              {t('missions.member.remove', { n: index + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      {!disabled && (
        <button type="button" class="button" onClick={add}>
          {t('missions.member.add')}
        </button>
      )}
    </fieldset>
  );
}
