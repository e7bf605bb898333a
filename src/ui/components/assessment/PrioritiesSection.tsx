// The three priority needs, ranked: typed in any order, then moved up or down.
import { useI18n } from '../../i18n/context.tsx';
import { TextField } from '../fields.tsx';
import { FieldNotes } from '../marks/FieldNotes.tsx';
import type { SectionProps } from './formValues.ts';

export function PrioritiesSection({ values, set, errors, disabled }: SectionProps) {
  const { t } = useI18n();
  const { priorities } = values;
  const edit = (index: number, text: string) =>
    set({ priorities: priorities.map((p, i) => (i === index ? text : p)) });
  const swap = (a: number, b: number) => {
    const next = [...priorities];
    [next[a], next[b]] = [next[b] ?? '', next[a] ?? ''];
    set({ priorities: next });
  };
  return (
    <>
      <h2>{t('assessments.section.priorities')}</h2>
      <p class="field__hint">{t('assessments.hint.priorities')}</p>
      <FieldNotes paths={['priorities']} />
      {errors.priorities && (
        <p class="field__error" role="alert">
          {t(`validation.${errors.priorities}`)}
        </p>
      )}
      <ol class="assessment-priorities">
        {priorities.map((text, index) => {
          const label = t('assessments.field.priority', { n: index + 1 });
          return (
            // Slots are positions, not items: the index is their identity.
            <li key={index} class="assessment-priorities__item">
              <TextField label={label} value={text} disabled={disabled} onInput={(v) => edit(index, v)} />
              {!disabled && (
                <div class="assessment-priorities__moves">
                  <button
                    type="button"
                    class="button"
                    disabled={index === 0}
                    onClick={() => swap(index, index - 1)}
                  >
                    <span aria-hidden="true">↑</span> {t('assessments.moveUp')}
                    <span class="sr-only"> ({label})</span>
                  </button>
                  <button
                    type="button"
                    class="button"
                    disabled={index === priorities.length - 1}
                    onClick={() => swap(index, index + 1)}
                  >
                    <span aria-hidden="true">↓</span> {t('assessments.moveDown')}
                    <span class="sr-only"> ({label})</span>
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
