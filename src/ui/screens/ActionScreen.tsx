// One action-plan item: what, who, by when, status and the ToR product it serves; saved on "Save" only.
import { useState } from 'preact/hooks';
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

const EMPTY: ActionDraft = { activity: '', responsible: '', dueDate: '', status: 'planned', torProduct: '' };

function toDraft(action: ActionItem): ActionDraft {
  const { activity, responsible, dueDate, status, torProduct } = action;
  return { activity, responsible, dueDate, status, torProduct };
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
          value={draft.dueDate}
          error={errors.dueDate}
          disabled={disabled}
          onInput={(dueDate) => set({ dueDate })}
        />
        <SelectField
          name="status"
          label={t('actionItem.status')}
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
        value={draft.torProduct}
        error={errors.torProduct}
        disabled={disabled}
        onInput={(torProduct) => set({ torProduct })}
      />
    </>
  );
}

/** The writes this form makes; each leaves the typed values on screen if storage refuses it. */
function useActionWrites(mission: OpenMission, action: ActionItem | null, leave: () => Promise<void>) {
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
  const save = async (draft: ActionDraft) => {
    const written = attempt(() =>
      action
        ? updateRecord(mission, 'action', action.id, { ...draft }, profile)
        : createRecord(mission, 'action', { ...draft }, profile),
    );
    if (written) await leave();
  };
  const setDeleted = async (deleted: boolean) => {
    if (!action) return;
    const written = attempt(() =>
      (deleted ? deleteRecord : restoreRecord)(mission, 'action', action.id, profile),
    );
    if (written && deleted) await leave();
  };
  return { failure, save, setDeleted };
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
  const { draft, setDraft, discard, restored } = useDraft<ActionDraft>(
    `action:${missionId}:${action?.id ?? 'new'}`,
    () => (action ? toDraft(action) : EMPTY),
    readOnly === null,
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const leave = async () => {
    await discard();
    route(link.mission(missionId, 'actions'));
  };
  const writes = useActionWrites(mission, action, leave);
  if (!draft) return <p class="loading">{t('loading')}</p>;

  const submit = (event: Event) => {
    event.preventDefault();
    const found = validateAction(draft);
    setErrors(found);
    // Nothing is written while any field is wrong.
    if (!hasErrors(found)) void writes.save(draft);
  };
  const remove = () => window.confirm(t('actionItem.confirmDelete')) && void writes.setDeleted(true);

  return (
    <form class="action-form" noValidate onSubmit={submit}>
      <ErrorBanner error={writes.failure} />
      <Notices
        errors={errors}
        restored={restored}
        deleted={Boolean(action?.deletedAt)}
        readOnly={readOnly}
        onRestore={() => void writes.setDeleted(false)}
      />
      <Fields
        draft={draft}
        errors={errors}
        disabled={readOnly !== null}
        set={(patch) => setDraft({ ...draft, ...patch })}
      />
      <div class="form-actions">
        {!readOnly && (
          <button type="submit" class="button button--primary">
            {t('action.save')}
          </button>
        )}
        <button type="button" class="button" onClick={() => void leave()}>
          {readOnly ? t('nav.back') : t('action.cancel')}
        </button>
        {action && !readOnly && !action.deletedAt && (
          <button type="button" class="button button--danger" onClick={remove}>
            {t('action.delete')}
          </button>
        )}
      </div>
    </form>
  );
}

export function ActionScreen() {
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

  return (
    <section class="screen action-screen">
      <BackLink href={back}>{t('mission.backToMission')}</BackLink>
      <h1>{action ? t('actionItem.heading.edit') : t('actionItem.heading.new')}</h1>
      <ActionForm
        key={recordId}
        mission={mission}
        missionId={missionId}
        action={action}
        readOnly={readOnlyReason(mayEdit, action)}
      />
    </section>
  );
}
