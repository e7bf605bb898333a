// One action-plan item: what, who, by when, status and the ToR product it serves; saved on "Save" only. A saved
// item opens in its read view, with Edit; leaving the form with unsaved changes asks first.
import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { ACTION_STATUSES, includes } from '../../domain/codes.ts';
import { toMingaError, type MingaError } from '../../domain/errors.ts';
import type { ActionItem } from '../../domain/model.ts';
import { hasErrors, validateAction, type ActionDraft, type FieldErrors } from '../../domain/validation.ts';
import { createRecord, deleteRecord, restoreRecord, updateRecord } from '../../storage/commands.ts';
import type { OpenMission } from '../../storage/docStore.ts';
import { useProfile } from '../appContext.ts';
import { ErrorBanner, ReadOnlyNotice } from '../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../components/fields.tsx';
import { useDraft } from '../hooks/useDraft.ts';
import { useMission } from '../hooks/useMission.ts';
import { readOnlyReason, useMayEditMissionsOnceKnown, type ReadOnlyReason } from '../hooks/useAccountRole.ts';
import { useI18n } from '../i18n/context.tsx';
import { link } from '../routes.ts';
import { NotFound } from './NotFound.tsx';
import { BackLink } from '../components/BackLink.tsx';
import { DeletedNotice } from '../components/DeletedNotice.tsx';
import { ObserverNoNew } from '../components/ObserverNoNew.tsx';
import { FieldNotes, MarksContext } from '../components/marks/FieldNotes.tsx';
import { unit, type FollowPlan } from '../components/marks/follow.ts';
import { useMarks } from '../components/marks/useMarks.ts';
import { useFollow } from '../hooks/useFollow.ts';
import { useLeaveGuard } from '../hooks/useLeaveGuard.ts';
import { DiscardDialog } from '../components/DiscardDialog.tsx';
import { FormActions } from '../components/FormParts.tsx';
import { ViewAction } from '../components/mission/ViewAction.tsx';

const EMPTY: ActionDraft = { activity: '', responsible: '', dueDate: '', status: 'planned', torProduct: '' };

function toDraft(action: ActionItem): ActionDraft {
  const { activity, responsible, dueDate, status, torProduct } = action;
  return { activity, responsible, dueDate, status, torProduct };
}

/** Kept on disk while typing: the values, and for an edit the stored values the form started from (M11). */
interface ActionFormDraft {
  values: ActionDraft;
  base: ActionDraft | null;
}

const FIELDS = ['activity', 'responsible', 'dueDate', 'status', 'torProduct'] as const;

/** How an open action form follows the stored item (marks/follow.ts): field by field. */
const ACTION_FOLLOW: FollowPlan<ActionDraft, ActionDraft> = {
  mine: (values) => values,
  units: () => FIELDS.map((path) => unit.value<ActionDraft, ActionDraft>(path)),
};

/** Only the fields the user changed since the form opened, so a colleague's edit to another one is kept. */
function changedFields(base: ActionDraft, values: ActionDraft): Partial<ActionDraft> {
  return Object.fromEntries(
    FIELDS.filter((key) => values[key] !== base[key]).map((key) => [key, values[key]]),
  );
}

/** A draft left on disk by an earlier version held the values alone: it continues from the item as stored. */
function upgradeDraft(saved: ActionFormDraft | ActionDraft, action: ActionItem | null): ActionFormDraft {
  if ('values' in saved) return saved;
  return { values: saved, base: action ? toDraft(action) : null };
}

interface FormProps {
  mission: OpenMission;
  missionId: string;
  action: ActionItem | null;
  readOnly: ReadOnlyReason | null;
}

function Fields(props: {
  draft: ActionDraft;
  errors: FieldErrors;
  disabled: boolean;
  set: (patch: Partial<ActionDraft>) => void;
}) {
  const { t, code } = useI18n();
  const { draft, errors, disabled, set } = props;
  const statuses = ACTION_STATUSES.map((status) => ({ value: status, label: code('actionStatus', status) }));
  return (
    <>
      <TextField
        name="activity"
        label={t('actionItem.activity')}
        path="activity"
        value={draft.activity}
        error={errors.activity}
        disabled={disabled}
        autoFocus
        onInput={(activity) => set({ activity })}
      />
      <TextField
        name="responsible"
        label={t('actionItem.responsible')}
        hint={t('actionItem.responsibleHint')}
        optional
        path="responsible"
        value={draft.responsible}
        error={errors.responsible}
        disabled={disabled}
        onInput={(responsible) => set({ responsible })}
      />
      <div class="action-form__when">
        <TextField
          name="dueDate"
          type="date"
          label={t('actionItem.dueDate')}
          optional
          path="dueDate"
          value={draft.dueDate}
          error={errors.dueDate}
          disabled={disabled}
          onInput={(dueDate) => set({ dueDate })}
        />
        <SelectField
          name="status"
          label={t('actionItem.status')}
          path="status"
          value={draft.status}
          options={statuses}
          error={errors.status}
          disabled={disabled}
          onChange={(status) => includes(ACTION_STATUSES, status) && set({ status })}
        />
      </div>
      <TextField
        name="torProduct"
        label={t('actionItem.torProduct')}
        hint={t('actionItem.torProductHint')}
        optional
        path="torProduct"
        value={draft.torProduct}
        error={errors.torProduct}
        disabled={disabled}
        onInput={(torProduct) => set({ torProduct })}
      />
    </>
  );
}

/** Whether the form holds changes not saved yet: for an edit, what saving would write; for a new item, anything. */
function formChanged(draft: ActionFormDraft | null): boolean {
  if (!draft) return false;
  if (draft.base) return Object.keys(changedFields(draft.base, draft.values)).length > 0;
  return JSON.stringify(draft.values) !== JSON.stringify(EMPTY);
}

/** The writes this form makes; each leaves the typed values on screen if storage refuses it. */
function useActionWrites(
  mission: OpenMission,
  action: ActionItem | null,
  leave: (to: 'record' | 'list') => Promise<void>,
) {
  const profile = useProfile();
  const [failure, setFailure] = useState<MingaError | null>(null);
  const attempt = (write: () => void): boolean => {
    try {
      write();
      setFailure(null);
      return true;
    } catch (error) {
      setFailure(toMingaError(error));
      return false;
    }
  };
  const save = async ({ values, base }: ActionFormDraft) => {
    const written = attempt(() => {
      if (!action) return void createRecord(mission, 'action', { ...values }, profile);
      // Three-way from the values the form started with: only what the user changed is written (M11).
      const patch = base ? changedFields(base, values) : { ...values };
      if (Object.keys(patch).length > 0)
        updateRecord(mission, 'action', action.id, patch, profile, base ?? undefined);
    });
    // After a save the plan shows the item in its place; the technician moves on from there.
    if (written) await leave('list');
  };
  const setDeleted = async (deleted: boolean) => {
    if (!action) return;
    const written = attempt(() =>
      (deleted ? deleteRecord : restoreRecord)(mission, 'action', action.id, profile),
    );
    if (written && deleted) await leave('list');
  };
  return { failure, setFailure, save, setDeleted };
}

function Notices(props: {
  errors: FieldErrors;
  restored: boolean;
  deleted: boolean;
  readOnly: ReadOnlyReason | null;
  onRestore: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      {props.readOnly && <ReadOnlyNotice reason={props.readOnly} />}
      {hasErrors(props.errors) && (
        <div class="banner banner--error" role="alert">
          {t('form.errorSummary')}
        </div>
      )}
      {props.restored && <div class="banner banner--info">{t('actionItem.restoredDraft')}</div>}
      {props.deleted && (
        <DeletedNotice
          message={t('actionItem.deleted')}
          readOnly={props.readOnly !== null}
          onRestore={props.onRestore}
        />
      )}
    </>
  );
}

function ActionForm({ mission, missionId, action, readOnly }: FormProps) {
  const { t } = useI18n();
  const { route } = useLocation();
  const disk = useDraft<ActionFormDraft | ActionDraft>(
    `action:${missionId}:${action?.id ?? 'new'}`,
    () => (action ? { values: toDraft(action), base: toDraft(action) } : { values: EMPTY, base: null }),
    readOnly === null,
  );
  const { discard, restored } = disk;
  const draft = disk.draft && upgradeDraft(disk.draft, action);
  const setDraft = disk.setDraft as (next: ActionFormDraft) => void;
  // An upgraded draft is kept at once, so its base stays what it was when it was restored.
  useEffect(() => {
    if (disk.draft && !('values' in disk.draft)) setDraft(upgradeDraft(disk.draft, action));
  }, [disk.draft, action, setDraft]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const list = link.mission(missionId, 'actions');
  // Saved or cancelled, an existing item returns to its read view; a new one to the plan.
  const back = action ? link.action(missionId, action.id) : list;
  const leave = async (to: 'record' | 'list') => {
    await discard();
    route(to === 'record' ? back : list);
  };
  const writes = useActionWrites(mission, action, leave);
  const guard = useLeaveGuard(readOnly === null && formChanged(draft), discard);
  // Colleagues' changes arriving while the form is open show at once in fields the user has not changed.
  const colleague = useFollow({
    draft,
    setDraft,
    record: action,
    saved: toDraft,
    fresh: toDraft,
    plan: ACTION_FOLLOW,
    active: readOnly === null,
  });
  const marks = useMarks({
    kind: 'action',
    id: action?.id ?? null,
    marks: action?.marks ?? null,
    mission,
    readOnly: readOnly !== null,
    colleague,
    onError: writes.setFailure,
  });
  if (!draft) return <p class="loading">{t('loading')}</p>;

  const submit = (event: Event) => {
    event.preventDefault();
    const found = validateAction(draft.values);
    setErrors(found);
    // Nothing is written while any field is wrong.
    if (!hasErrors(found)) void writes.save(draft);
  };
  const remove = () => window.confirm(t('actionItem.confirmDelete')) && void writes.setDeleted(true);

  return (
    <MarksContext.Provider value={marks}>
      <form class="action-form" noValidate onSubmit={submit}>
        <ErrorBanner error={writes.failure} />
        <Notices
          errors={errors}
          restored={restored}
          deleted={Boolean(action?.deletedAt)}
          readOnly={readOnly}
          onRestore={() => void writes.setDeleted(false)}
        />
        <FieldNotes paths={['deletedAt']} />
        <Fields
          draft={draft.values}
          errors={errors}
          disabled={readOnly !== null}
          set={(patch) => setDraft({ ...draft, values: { ...draft.values, ...patch } })}
        />
        <FormActions readOnly={readOnly !== null} busy={false} onCancel={() => guard.leave(back)} />
      </form>
      {action && !readOnly && !action.deletedAt && (
        <div class="form-actions action-form__danger">
          <button type="button" class="button button--danger" onClick={remove}>
            {t('action.delete')}
          </button>
        </div>
      )}
      <DiscardDialog guard={guard} />
    </MarksContext.Provider>
  );
}

export function ActionScreen() {
  return <ActionRoute edit={false} />;
}

export function ActionEditScreen() {
  return <ActionRoute edit />;
}

function ActionRoute({ edit }: { edit: boolean }) {
  const { params } = useRoute();
  const { t } = useI18n();
  const missionId = params.id ?? '';
  const recordId = params.recordId ?? 'new';
  const { mission, snapshot, error } = useMission(missionId);
  const mayEdit = useMayEditMissionsOnceKnown();

  if (error?.reason === 'notFound') return <NotFound />;
  if (error) return <ErrorBanner error={error} />;
  if (!mission || !snapshot || mayEdit === undefined) return <p class="loading">{t('loading')}</p>;
  const action = recordId === 'new' ? null : (snapshot.actions.find((a) => a.id === recordId) ?? null);
  if (!snapshot.mission || (recordId !== 'new' && !action)) return <NotFound />;
  const back = link.mission(missionId, 'actions');
  if (!action && !mayEdit) {
    return (
      <ObserverNoNew
        heading={t('actionItem.heading.new')}
        message={t('readOnly.observer')}
        back={back}
        backLabel={t('mission.backToMission')}
      />
    );
  }

  const readOnly = readOnlyReason(mayEdit, action);
  // An edit address opened by someone who may not edit shows the read view: it says why nothing can change.
  if (action && (!edit || readOnly !== null))
    return <ViewAction key={recordId} mission={mission} action={action} readOnly={readOnly} />;

  return (
    <section class="screen action-screen">
      <BackLink href={action ? link.action(missionId, action.id) : back}>
        {action ? t('nav.back') : t('mission.backToMission')}
      </BackLink>
      <h1>{action ? t('actionItem.heading.edit') : t('actionItem.heading.new')}</h1>
      <ActionForm
        key={recordId}
        mission={mission}
        missionId={missionId}
        action={action}
        readOnly={readOnly}
      />
    </section>
  );
}
