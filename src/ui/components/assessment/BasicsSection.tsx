// The assessment's identity: what and when, how the information was gathered, and why this site.
import { METHODS, includes } from '../../../domain/codes.ts';
import { useI18n } from '../../i18n/context.tsx';
import { SelectField, TextField } from '../fields.tsx';
import type { SectionProps } from './formValues.ts';

export function BasicsSection({ values, set, errors, disabled }: SectionProps) {
  const { t, code } = useI18n();
  return (
    <>
      <TextField
        label={t('assessments.field.title')}
        hint={t('assessments.hint.title')}
        path="title"
        value={values.title}
        error={errors.title}
        disabled={disabled}
        onInput={(title) => set({ title })}
      />
      <div class="assessment-form__pair">
        <TextField
          type="date"
          label={t('assessments.field.date')}
          path="date"
          value={values.date}
          error={errors.date}
          disabled={disabled}
          onInput={(date) => set({ date })}
        />
        <SelectField
          label={t('assessments.field.method')}
          path="method"
          value={values.method}
          options={METHODS.map((m) => ({ value: m, label: code('method', m) }))}
          error={errors.method}
          disabled={disabled}
          onChange={(method) => includes(METHODS, method) && set({ method })}
        />
      </div>
      <TextField
        label={t('assessments.field.informantRole')}
        hint={t('assessments.hint.informantRole')}
        path="informantRole"
        value={values.informantRole}
        error={errors.informantRole}
        disabled={disabled}
        onInput={(informantRole) => set({ informantRole })}
      />
      <TextField
        label={t('assessments.field.siteReason')}
        hint={t('assessments.hint.siteReason')}
        path="siteReason"
        value={values.siteReason}
        error={errors.siteReason}
        disabled={disabled}
        onInput={(siteReason) => set({ siteReason })}
      />
    </>
  );
}
