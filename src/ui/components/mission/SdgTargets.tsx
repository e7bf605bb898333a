// SDG targets beside the goals: the city targets most used here offered first, any other valid target typed in.
// Goals and targets are one stored set (`sdgs`), so toggling a target never touches the goals.
import { useState } from 'preact/hooks';
import * as v from 'valibot';
import { SDG_CITY_TARGETS } from '../../../domain/codes.ts';
import { sdgCode } from '../../../domain/schema/values.ts';
import type { ValidationCode } from '../../../domain/validation.ts';
import { useI18n } from '../../i18n/context.tsx';
import { ChipGroup, TextField } from '../fields.tsx';
import type { SectionProps } from './MissionForm.tsx';
import { isGoal, sdgLabel } from './sdgLabel.ts';

export function SdgTargets({ values, set, errors, disabled }: SectionProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<ValidationCode | undefined>(undefined);
  const others = values.sdgs.filter(
    (sdg) => !isGoal(sdg) && !(SDG_CITY_TARGETS as readonly string[]).includes(sdg),
  );
  const options = [...SDG_CITY_TARGETS, ...others].map((sdg) => ({ value: sdg, label: sdgLabel(i18n, sdg) }));
  const add = () => {
    const target = typed.trim().toLowerCase();
    if (!target.includes('.') || !v.is(sdgCode, target)) {
      setProblem('sdgTarget');
      return;
    }
    setProblem(undefined);
    setTyped('');
    if (!values.sdgs.includes(target)) set({ sdgs: [...values.sdgs, target] });
  };
  return (
    <>
      <ChipGroup
        label={t('missions.field.sdgTargets')}
        values={values.sdgs}
        options={options}
        error={errors.sdgs}
        disabled={disabled}
        onChange={(sdgs) => set({ sdgs })}
      />
      {!disabled && (
        <div class="sdg-target-add">
          <TextField
            label={t('missions.field.otherSdgTarget')}
            hint={t('missions.hint.otherSdgTarget')}
            value={typed}
            error={problem}
            onInput={(text) => {
              setTyped(text);
              setProblem(undefined);
            }}
          />
          <button type="button" class="button" onClick={add}>
            {t('missions.addSdgTarget')}
          </button>
        </div>
      )}
    </>
  );
}
