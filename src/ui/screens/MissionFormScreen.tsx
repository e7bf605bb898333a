// Creates or edits a mission: its terms of reference, host municipality, team, dates, status and tags.
import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { MingaError, toMingaError } from '../../domain/errors.ts';
import type { Mission } from '../../domain/model.ts';
import type { MissionDraft } from '../../domain/validation.ts';
import { createMission, setMissionDeleted, updateMission } from '../../storage/commands.ts';
import type { OpenMission } from '../../storage/docStore.ts';
import { useProfile } from '../appContext.ts';
import { ErrorBanner } from '../components/ErrorSummary.tsx';
import { DeletedNotice } from '../components/DeletedNotice.tsx';
import { ObserverNoNew } from '../components/ObserverNoNew.tsx';
import { MissionForm } from '../components/mission/MissionForm.tsx';
import {
  changedFields,
  emptyDraft,
  missionFollow,
  toDraft,
  toValues,
  type FormDraft,
} from '../components/mission/missionValues.ts';
import { useDraft } from '../hooks/useDraft.ts';
import { useMission } from '../hooks/useMission.ts';
import { readOnlyReason, useMayEditMissionsOnceKnown } from '../hooks/useAccountRole.ts';
import { useI18n } from '../i18n/context.tsx';
import { link } from '../routes.ts';
import { FieldNotes, MarksContext } from '../components/marks/FieldNotes.tsx';
import { useMarks } from '../components/marks/useMarks.ts';
import { useFollow } from '../hooks/useFollow.ts';
import { useTeamRowIds } from '../components/mission/teamRows.ts';
import { missionChanged } from '../components/mission/missionChanged.ts';
import { useLeaveGuard } from '../hooks/useLeaveGuard.ts';
import { DiscardDialog } from '../components/DiscardDialog.tsx';

function NewMission() {
  const { t, lang } = useI18n();
  const profile = useProfile();
  const { route } = useLocation();
  const {
    draft: stored,
    setDraft,
    discard,
    restored,
  } = useDraft<FormDraft>('mission:new', () => ({
    values: emptyDraft(profile),
    base: null,
  }));
  const draft = useTeamRowIds(stored, setDraft);
  const guard = useLeaveGuard(missionChanged(draft, profile, lang), discard);
  if (!draft) return <p class="loading">{t('loading')}</p>;

  const save = async (values: MissionDraft) => {
    const id = await createMission(values, profile);
    await discard();
    route(link.mission(id));
  };
  return (
    <>
      <MissionForm
        heading={t('missions.new')}
        draft={draft}
        onChange={setDraft}
        restored={restored}
        readOnly={null}
        onSave={save}
        onCancel={() => guard.leave(link.home())}
      />
      <DiscardDialog guard={guard} />
    </>
  );
}

function EditMissionForm(props: { open: OpenMission; mission: Mission; mayEdit: boolean }) {
  const { open, mission } = props;
  const { t, lang } = useI18n();
  const profile = useProfile();
  const { route } = useLocation();
  const [failure, setFailure] = useState<MingaError | null>(null);
  const readOnly = readOnlyReason(props.mayEdit, mission);
  const {
    draft: stored,
    setDraft,
    discard,
    restored,
  } = useDraft<FormDraft>(
    `mission:${mission.id}`,
    () => ({ values: toValues(mission, lang), base: toDraft(mission) }),
    readOnly === null,
  );
  const draft = useTeamRowIds(stored, setDraft);
  // Colleagues' changes arriving while the form is open show at once in fields the user has not changed.
  const colleague = useFollow({
    draft,
    setDraft,
    record: mission,
    saved: toDraft,
    fresh: (stored: Mission) => toValues(stored, lang),
    plan: missionFollow(lang),
    active: readOnly === null,
  });
  const marks = useMarks({
    kind: 'mission',
    id: mission.id,
    marks: mission.marks,
    mission: open,
    readOnly: readOnly !== null,
    colleague,
    onError: setFailure,
  });
  const guard = useLeaveGuard(readOnly === null && missionChanged(draft, profile, lang), discard);
  if (!draft) return <p class="loading">{t('loading')}</p>;

  const back = link.mission(mission.id);
  const save = async (values: MissionDraft, base: MissionDraft | null) => {
    const patch = changedFields(base, values);
    if (Object.keys(patch).length > 0) updateMission(open, patch, profile, base ?? undefined);
    await discard();
    route(back);
  };
  const setDeleted = async (deleted: boolean) => {
    if (deleted && !window.confirm(t('missions.confirmDelete'))) return;
    try {
      setMissionDeleted(open, deleted, profile);
      setFailure(null);
      if (deleted) {
        await discard();
        route(link.home());
      }
    } catch (error) {
      setFailure(toMingaError(error));
    }
  };
  const deleted = mission.deletedAt !== null;
  const notice = deleted && (
    <DeletedNotice
      message={t('missions.deletedNotice')}
      readOnly={readOnly !== null}
      onRestore={() => void setDeleted(false)}
    />
  );
  return (
    <MarksContext.Provider value={marks}>
      <MissionForm
        heading={t('missions.edit')}
        draft={draft}
        onChange={setDraft}
        restored={restored}
        readOnly={readOnly}
        onSave={save}
        onCancel={() => guard.leave(back)}
        notice={
          <>
            <ErrorBanner error={failure} />
            {notice}
            <FieldNotes paths={['deletedAt']} />
          </>
        }
      >
        {!deleted && !readOnly && (
          <div class="form-actions mission-form__danger">
            <button type="button" class="button button--danger" onClick={() => void setDeleted(true)}>
              {t('missions.delete')}
            </button>
          </div>
        )}
      </MissionForm>
      <DiscardDialog guard={guard} />
    </MarksContext.Provider>
  );
}

function EditMission({ id }: { id: string }) {
  const { t } = useI18n();
  const { mission, snapshot, error } = useMission(id);
  const mayEdit = useMayEditMissionsOnceKnown();
  // An opened document with no mission in it was never created on this device, or is not this app's.
  const missing = error ?? (mission && snapshot && !snapshot.mission ? new MingaError('notFound') : null);
  if (missing) {
    return (
      <section class="screen">
        <ErrorBanner error={missing} />
        <a class="button" href={link.home()}>
          {t('nav.missions')}
        </a>
      </section>
    );
  }
  if (!mission || !snapshot?.mission || mayEdit === undefined) return <p class="loading">{t('loading')}</p>;
  return <EditMissionForm open={mission} mission={snapshot.mission} mayEdit={mayEdit} />;
}

/** An observer is told why there is no form; everyone else gets one once the role is known. */
function NewMissionIfAllowed() {
  const { t } = useI18n();
  const mayEdit = useMayEditMissionsOnceKnown();
  if (mayEdit === undefined) return <p class="loading">{t('loading')}</p>;
  if (!mayEdit) {
    return (
      <ObserverNoNew
        heading={t('missions.new')}
        message={t('readOnly.observerNoNewMission')}
        back={link.home()}
        backLabel={t('nav.missions')}
      />
    );
  }
  return <NewMission />;
}

export function MissionFormScreen() {
  // Outside a matching route preact-iso gives no params at all.
  const id = useRoute().params?.id;
  return id ? <EditMission key={id} id={id} /> : <NewMissionIfAllowed />;
}
