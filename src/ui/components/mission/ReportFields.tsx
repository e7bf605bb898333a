// The mission fields the report and the year's accounts count: who requested the ToR and its focal point, and
// the budget and person-days, typed as the user's language writes numbers.
import { COUNTERPART_KINDS, type CounterpartKind } from '../../../domain/codes.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useI18n } from '../../i18n/context.tsx';
import { SelectField, TextField } from '../fields.tsx';
import type { SectionProps } from './MissionForm.tsx';
import { MISSION_NUMBERS, type MissionNumber } from './missionValues.ts';

export function CounterpartFields({ values, set, errors, disabled }: SectionProps) {
  const { t, code } = useI18n();
  return (
    <>
      <SelectField
        label={t('missions.field.counterpartKind')}
        path="counterpartKind"
        value={values.counterpartKind}
        placeholder={t('missions.counterpartKindNone')}
        options={COUNTERPART_KINDS.map((kind) => ({ value: kind, label: code('counterpartKind', kind) }))}
        error={errors.counterpartKind}
        disabled={disabled}
        onChange={(kind) => set({ counterpartKind: kind as CounterpartKind | '' })}
      />
      <TextField
        label={t('missions.field.requestingCounterpart')}
        hint={t('missions.hint.requestingCounterpart')}
        path="requestingCounterpart"
        value={values.requestingCounterpart}
        error={errors.requestingCounterpart}
        disabled={disabled}
        onInput={(requestingCounterpart) => set({ requestingCounterpart })}
      />
      <TextField
        label={t('missions.field.focalPoint')}
        hint={t('missions.hint.focalPoint')}
        path="focalPoint"
        value={values.focalPoint}
        error={errors.focalPoint}
        disabled={disabled}
        onInput={(focalPoint) => set({ focalPoint })}
      />
    </>
  );
}

const NUMBER_LABELS: Record<MissionNumber, { label: MessageKey; hint: MessageKey }> = {
  plannedPersonDays: { label: 'missions.field.plannedPersonDays', hint: 'missions.hint.personDays' },
  remotePersonDays: { label: 'missions.field.remotePersonDays', hint: 'missions.hint.personDays' },
  budgetPlannedEur: { label: 'missions.field.budgetPlannedEur', hint: 'missions.hint.amount' },
  budgetExecutedEur: { label: 'missions.field.budgetExecutedEur', hint: 'missions.hint.amount' },
};

export function EffortFields({ values, set, errors, disabled }: SectionProps) {
  const { t } = useI18n();
  return (
    <>
      <h2>{t('missions.section.effort')}</h2>
      {MISSION_NUMBERS.map((key) => (
        // Decimals are allowed (12.5 days, cents): a numeric keypad would hide the decimal mark.
        <TextField
          key={key}
          label={t(NUMBER_LABELS[key].label)}
          hint={t(NUMBER_LABELS[key].hint)}
          inputMode="decimal"
          path={key}
          value={values[key]}
          error={errors[key]}
          disabled={disabled}
          onInput={(text) => set({ [key]: text })}
        />
      ))}
    </>
  );
}
