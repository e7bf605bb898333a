// The mission form: terms of reference, host municipality, team, dates, status and tags, with its draft helpers.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren, JSX } from 'preact';
import { CANTONS, MISSION_STATUSES, SDGS, SENDAI_PRIORITIES, THEMES } from '../../../domain/codes.ts';
import type { MissionStatus } from '../../../domain/codes.ts';
import { MingaError, toMingaError } from '../../../domain/errors.ts';
import type { DeviceProfile, Mission } from '../../../domain/model.ts';
import { newId } from '../../../domain/ids.ts';
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
import { unit, type FollowPlan } from '../marks/follow.ts';

/** What is kept on disk while typing: the values, and for an edit the values the form opened with. */
export interface FormDraft {
  values: MissionDraft;
  base: MissionDraft | null;
}

export function emptyDraft(profile: DeviceProfile): MissionDraft {
  return {
    title: '',
    torReference: '',
    torText: '',
    hostCanton: '',
    themes: [],
    // Whoever creates the mission is usually on it.
    team: [{ id: newId(), name: profile.name, institution: profile.institution, role: profile.role }],
    startDate: '',
    endDate: '',
    remoteSupportEnd: '',
    objectives: '',
    status: 1,
    sdgs: [],
    sendai: [],
  };
}

export function toDraft(m: Mission): MissionDraft {
  return {
    title: m.title,
    torReference: m.torReference,
    torText: m.torText,
    hostCanton: m.hostCanton,
    themes: m.themes,
    team: m.team,
    startDate: m.startDate,
    endDate: m.endDate,
    remoteSupportEnd: m.remoteSupportEnd,
    objectives: m.objectives,
    status: m.status,
    sdgs: m.sdgs,
    sendai: m.sendai,
  };
}

/** Short texts lose stray spaces; long texts are kept exactly as typed. */
function cleaned(values: MissionDraft): MissionDraft {
  return {
    ...values,
    title: values.title.trim(),
    torReference: values.torReference.trim(),
    team: values.team.map((m) => ({ ...m, name: m.name.trim(), institution: m.institution.trim() })),
  };
}

/** How an open mission form follows the stored mission (marks/follow.ts): field by field, team row by row. */
export const MISSION_FOLLOW: FollowPlan<MissionDraft, MissionDraft> = {
  mine: cleaned,
  units: (_draft, stored, mine) => [
    ...(
      ['title', 'torReference', 'hostCanton', 'startDate', 'endDate', 'remoteSupportEnd', 'status'] as const
    ).map((path) => unit.value<MissionDraft, MissionDraft>(path)),
    unit.text('torText'),
    unit.text('objectives'),
    unit.set('themes'),
    unit.set('sdgs'),
    unit.set('sendai'),
    unit.members('team', 'id'),
    ...unit.memberFields<MissionDraft, MissionDraft>(
      'team',
      'id',
      ['name', 'institution', 'role'],
      mine,
      stored,
    ),
  ],
};

/** Only the fields this form changed, so a colleague's concurrent edit to another field is kept. */
export function changedFields(base: MissionDraft | null, values: MissionDraft): Partial<MissionDraft> {
  if (!base) return values;
  const keys = Object.keys(values) as (keyof MissionDraft)[];
  const changed = keys.filter((key) => JSON.stringify(values[key]) !== JSON.stringify(base[key]));
  return Object.fromEntries(changed.map((key) => [key, values[key]])) as Partial<MissionDraft>;
}

interface SectionProps {
  values: MissionDraft;
  set: (patch: Partial<MissionDraft>) => void;
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
      onChange: (next: string[]) => set({ [key]: next } as Partial<MissionDraft>),
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
  const { t } = useI18n();
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
    const clean = cleaned(values);
    const found = validateMission(clean);
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
    set: (patch: Partial<MissionDraft>) => props.onChange({ base, values: { ...values, ...patch } }),
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
        <PlanFields {...section} />
        <FormActions readOnly={readOnly} busy={busy} onCancel={props.onCancel} />
      </form>
      {props.children}
    </section>
  );
}
