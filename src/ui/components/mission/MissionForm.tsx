// The mission form: terms of reference, host municipality, team, budget and effort, products, people met, dates,
// status and tags.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren, JSX } from 'preact';
import { CANTONS, MISSION_STATUSES, SDGS, SENDAI_PRIORITIES, THEMES } from '../../../domain/codes.ts';
import type { MissionStatus } from '../../../domain/codes.ts';
import { MingaError, toMingaError } from '../../../domain/errors.ts';
import {
  hasErrors,
  validateMission,
  type FieldErrors,
  type MissionDraft,
} from '../../../domain/validation.ts';
import { ChipGroup, SelectField, TextArea, TextField } from '../fields.tsx';
import { TeamEditor } from '../TeamEditor.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { FormActions, FormNotices } from '../FormParts.tsx';
import type { ReadOnlyReason } from '../../hooks/useAccountRole.ts';
import { numberErrors, toSaved, type FormDraft, type MissionValues } from './missionValues.ts';
import { CounterpartFields, EffortFields } from './ReportFields.tsx';
import { ProductsEditor } from './ProductsEditor.tsx';
import { PeopleMetEditor } from './PeopleMetEditor.tsx';
import { SdgTargets } from './SdgTargets.tsx';

export { emptyDraft, type FormDraft } from './missionValues.ts';

export interface SectionProps {
  values: MissionValues;
  set: (patch: Partial<MissionValues>) => void;
  errors: FieldErrors;
  disabled: boolean;
}

type TextKey =
  'title' | 'torReference' | 'torText' | 'objectives' | 'startDate' | 'endDate' | 'remoteSupportEnd';
type ChipKey = 'themes' | 'sdgs' | 'sendai';

/** The props every field of this form shares, bound to one draft field. */
function binders({ values, set, errors, disabled }: SectionProps) {
  return {
    text: (key: TextKey) => ({
      path: key,
      value: values[key],
      error: errors[key],
      disabled,
      onInput: (value: string) => set({ [key]: value }),
    }),
    // The chip options come from the code lists, so the values are known to be codes of the right list.
    chips: (key: ChipKey) => ({
      path: key,
      values: values[key] as string[],
      error: errors[key],
      disabled,
      onChange: (next: string[]) => set({ [key]: next } as Partial<MissionValues>),
    }),
  };
}

function TorFields(props: SectionProps) {
  const { t, code } = useI18n();
  const { text, chips } = binders(props);
  const cantons = CANTONS.map((c) => ({
    value: c.pcode,
    label: t('missions.cantonOption', { name: c.name, pcode: c.pcode }),
  }));
  return (
    <>
      <TextField label={t('missions.field.title')} {...text('title')} />
      <SelectField
        label={t('missions.field.hostCanton')}
        path="hostCanton"
        value={props.values.hostCanton}
        placeholder={t('missions.chooseCanton')}
        options={cantons}
        error={props.errors.hostCanton}
        disabled={props.disabled}
        onChange={(hostCanton) => props.set({ hostCanton })}
      />
      <h2>{t('missions.section.tor')}</h2>
      <TextField label={t('missions.field.torReference')} {...text('torReference')} />
      <CounterpartFields {...props} />
      <TextArea label={t('missions.field.torText')} rows={6} {...text('torText')} />
      <TextArea label={t('missions.field.objectives')} {...text('objectives')} />
      <ChipGroup
        label={t('missions.field.themes')}
        options={THEMES.map((theme) => ({ value: theme, label: code('theme', theme) }))}
        {...chips('themes')}
      />
    </>
  );
}

function PlanFields(props: SectionProps) {
  const { t, code } = useI18n();
  const { text, chips } = binders(props);
  return (
    <>
      <h2>{t('missions.section.dates')}</h2>
      <div class="mission-form__dates">
        <TextField type="date" label={t('missions.field.startDate')} {...text('startDate')} />
        <TextField type="date" label={t('missions.field.endDate')} {...text('endDate')} />
        <TextField type="date" label={t('missions.field.remoteSupportEnd')} {...text('remoteSupportEnd')} />
      </div>
      <SelectField
        label={t('missions.field.status')}
        path="status"
        value={String(props.values.status)}
        options={MISSION_STATUSES.map((s) => ({ value: String(s), label: code('missionStatus', s) }))}
        error={props.errors.status}
        disabled={props.disabled}
        onChange={(status) => props.set({ status: Number(status) as MissionStatus })}
      />
      <h2>{t('missions.section.tags')}</h2>
      <ChipGroup
        label={t('missions.field.sdgs')}
        options={SDGS.map((goal) => ({ value: String(goal), label: code('sdg', goal) }))}
        {...chips('sdgs')}
      />
      <SdgTargets {...props} />
      <ChipGroup
        label={t('missions.field.sendai')}
        options={SENDAI_PRIORITIES.map((p) => ({ value: p, label: code('sendai', p) }))}
        {...chips('sendai')}
      />
    </>
  );
}

export interface MissionFormProps {
  heading: string;
  draft: FormDraft;
  onChange: (draft: FormDraft) => void;
  restored: boolean;
  /** Why the values cannot be changed (an observer, a newer app's record); null when they can. */
  readOnly: ReadOnlyReason | null;
  /** Writes the validated values; throws a MingaError when storage refuses them. */
  onSave: (values: MissionDraft, base: MissionDraft | null) => Promise<void>;
  onCancel: () => void;
  /** Shown above the form (a deleted mission's notice). */
  notice?: ComponentChildren;
  /** Shown below the form's own actions (delete). */
  children?: ComponentChildren;
}

export function MissionForm(props: MissionFormProps) {
  const { t, lang } = useI18n();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<MingaError | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const { values, base } = props.draft;
  const readOnly = props.readOnly !== null;

  // Each refused save moves focus to the summary, so screen readers and keyboards land on what went wrong.
  useEffect(() => {
    if (attempt > 0) summary.current?.focus();
  }, [attempt]);

  const submit = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || readOnly) return;
    const clean = toSaved(values, lang);
    const found = { ...validateMission(clean), ...numberErrors(values, lang) };
    setErrors(found);
    setFailure(null);
    if (hasErrors(found)) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await props.onSave(clean, base);
    } catch (error) {
      setBusy(false);
      setFailure(toMingaError(error));
    }
  };

  const section = {
    values,
    set: (patch: Partial<MissionValues>) => props.onChange({ base, values: { ...values, ...patch } }),
    errors,
    disabled: readOnly,
  };
  return (
    <section class="screen mission-form">
      <h1>{props.heading}</h1>
      <FormNotices
        showSummary={hasErrors(errors)}
        summaryRef={summary}
        failure={failure}
        readOnly={props.readOnly}
        restoredMessage={props.restored ? t('missions.draftRestored') : null}
      >
        {props.notice}
      </FormNotices>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <TorFields {...section} />
        <TeamEditor
          members={values.team}
          errors={errors}
          disabled={readOnly}
          onChange={(team) => section.set({ team })}
        />
        <EffortFields {...section} />
        <ProductsEditor
          products={values.products}
          errors={errors}
          disabled={readOnly}
          onChange={(products) => section.set({ products })}
        />
        <PeopleMetEditor
          people={values.peopleMet}
          errors={errors}
          disabled={readOnly}
          onChange={(peopleMet) => section.set({ peopleMet })}
        />
        <PlanFields {...section} />
        <FormActions readOnly={readOnly} busy={busy} onCancel={props.onCancel} />
      </form>
      {props.children}
    </section>
  );
}
