// Affected people by sex and age, where known: empty means unknown, not zero.
import { useI18n } from '../../i18n/context.tsx';
import type { MessageKey } from '../../i18n/catalog.ts';
import { NumberField } from '../fields.tsx';
import { BREAKDOWN_KEYS, type BreakdownKey, type SectionProps } from './formValues.ts';

const LABELS: Record<BreakdownKey, MessageKey> = {
  women: 'assessments.field.women',
  men: 'assessments.field.men',
  children: 'assessments.field.children',
  elderly: 'assessments.field.elderly',
};

export function BreakdownSection({ values, set, errors, disabled }: SectionProps) {
  const { t } = useI18n();
  return (
    <>
      <h2>{t('assessments.section.breakdown')}</h2>
      <p class="field__hint">{t('assessments.hint.breakdown')}</p>
      <div class="grid-2">
        {BREAKDOWN_KEYS.map((key) => (
          <NumberField
            key={key}
            label={t(LABELS[key])}
            path={`breakdown.${key}`}
            value={values.breakdown[key]}
            error={errors[`breakdown.${key}`]}
            disabled={disabled}
            onInput={(text) => set({ breakdown: { ...values.breakdown, [key]: text } })}
          />
        ))}
      </div>
    </>
  );
}
