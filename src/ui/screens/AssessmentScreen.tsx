// A needs assessment (MIRA practice): create one for a mission; an existing one opens in its read view, with Edit
// for those who may change it. Leaving a form with unsaved changes asks first.
import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { MingaError, toMingaError } from '../../domain/errors.ts';
import type { Assessment, Mission } from '../../domain/model.ts';
import { todayIso } from '../../domain/rules.ts';
import { createRecord, deleteRecord, restoreRecord, updateRecord } from '../../storage/commands.ts';
import type { OpenMission } from '../../storage/docStore.ts';
import { useProfile } from '../appContext.ts';
import { AssessmentForm } from '../components/assessment/AssessmentForm.tsx';
import {
  assessmentFollow,
  changedFields,
  emptyValues,
  savedFrom,
  valuesFrom,
  type AssessmentFormDraft,
  type SavedAssessment,
} from '../components/assessment/formValues.ts';
import { ErrorBanner } from '../components/ErrorSummary.tsx';
import { useDraft } from '../hooks/useDraft.ts';
import { useMission } from '../hooks/useMission.ts';
import { readOnlyReason, useMayEditMissionsOnceKnown } from '../hooks/useAccountRole.ts';
import { useI18n } from '../i18n/context.tsx';
import { link } from '../routes.ts';
import { DeletedNotice } from '../components/DeletedNotice.tsx';
import { ObserverNoNew } from '../components/ObserverNoNew.tsx';
import { FieldNotes, MarksContext } from '../components/marks/FieldNotes.tsx';
import { useMarks } from '../components/marks/useMarks.ts';
import { useFollow } from '../hooks/useFollow.ts';
import { useLeaveGuard } from '../hooks/useLeaveGuard.ts';
import { DiscardDialog } from '../components/DiscardDialog.tsx';
import { ViewAssessment } from '../components/assessment/ViewAssessment.tsx';
import { editChanged, newAssessmentChanged } from '../components/assessment/changed.ts';
import { assessmentCaptionSaver } from '../components/assessment/captionSaver.ts';

function NewAssessment({ open, mission }: { open: OpenMission; mission: Mission }) {
  const { t, lang } = useI18n();
  const profile = useProfile();
  const { route } = useLocation();
  // Most assessments of a mission are made in its host canton.
  const { draft, setDraft, discard, restored } = useDraft<AssessmentFormDraft>(
    `assessment:${mission.id}:new`,
    () => ({ values: emptyValues(mission.hostCanton, todayIso()), base: null }),
  );
  const guard = useLeaveGuard(
    draft !== null && newAssessmentChanged(draft, mission.hostCanton, lang),
    discard,
  );
  if (!draft) return <p class="loading">{t('loading')}</p>;

  const back = link.mission(mission.id, 'assessments');
  const save = async (saved: SavedAssessment) => {
    createRecord(open, 'assessment', { ...saved }, profile);
    await discard();
    route(back);
  };
  return (
    <>
      <AssessmentForm
        heading={t('assessments.new')}
        back={{ href: back, label: t('mission.backToMission') }}
        draft={draft}
        onChange={setDraft}
        restored={restored}
        readOnly={null}
        onSave={save}
        onCancel={() => guard.leave(back)}
      />
      <DiscardDialog guard={guard} />
    </>
  );
}

interface EditProps {
  open: OpenMission;
  assessment: Assessment;
  mayEdit: boolean;
}

function EditAssessment({ open, assessment, mayEdit }: EditProps) {
  const { t, lang } = useI18n();
  const profile = useProfile();
  const { route } = useLocation();
  const [failure, setFailure] = useState<MingaError | null>(null);
  const readOnly = readOnlyReason(mayEdit, assessment);
  const { draft, setDraft, discard, restored } = useDraft<AssessmentFormDraft>(
    `assessment:${open.id}:${assessment.id}`,
    () => ({ values: valuesFrom(assessment, lang), base: savedFrom(assessment) }),
    readOnly === null,
  );
  // Colleagues' changes arriving while the form is open show at once in fields the user has not changed.
  const colleague = useFollow({
    draft,
    setDraft,
    record: assessment,
    saved: savedFrom,
    fresh: (record) => valuesFrom(record, lang),
    plan: assessmentFollow(lang),
    active: readOnly === null,
  });
  const marks = useMarks({
    kind: 'assessment',
    id: assessment.id,
    marks: assessment.marks,
    mission: open,
    readOnly: readOnly !== null,
    colleague,
    onError: setFailure,
  });
  const guard = useLeaveGuard(draft !== null && editChanged(draft, lang), discard);
  if (!draft) return <p class="loading">{t('loading')}</p>;

  // Cancel returns to the read view it came from; after a save the list shows the assessment in its place.
  const back = link.assessment(open.id, assessment.id);
  const list = link.mission(open.id, 'assessments');
  const save = async (saved: SavedAssessment, base: SavedAssessment | null) => {
    const patch = changedFields(base, saved);
    if (Object.keys(patch).length > 0)
      updateRecord(open, 'assessment', assessment.id, patch, profile, base ?? undefined);
    await discard();
    route(list);
  };
  const setDeleted = async (deleted: boolean) => {
    if (deleted && !window.confirm(t('assessments.confirmDelete'))) return;
    try {
      if (deleted) deleteRecord(open, 'assessment', assessment.id, profile);
      else restoreRecord(open, 'assessment', assessment.id, profile);
      setFailure(null);
      if (deleted) {
        await discard();
        route(list);
      }
    } catch (error) {
      setFailure(toMingaError(error));
    }
  };
  const saveCaption = assessmentCaptionSaver(open, assessment.id, profile, setFailure);
  const deleted = assessment.deletedAt !== null;
  return (
    <MarksContext.Provider value={marks}>
      <AssessmentForm
        captions={assessment.captions}
        captionEditing={{ save: readOnly === null ? saveCaption : null }}
        heading={t('assessments.edit')}
        back={{ href: back, label: t('nav.back') }}
        draft={draft}
        onChange={setDraft}
        restored={restored}
        readOnly={readOnly}
        onSave={save}
        onCancel={() => guard.leave(back)}
        notice={
          <>
            <ErrorBanner error={failure} />
            {deleted && (
              <DeletedNotice
                message={t('assessments.deletedNotice')}
                readOnly={readOnly !== null}
                onRestore={() => void setDeleted(false)}
              />
            )}
            <FieldNotes paths={['deletedAt']} />
          </>
        }
      >
        {!deleted && !readOnly && (
          <div class="form-actions assessment-form__danger">
            <button type="button" class="button button--danger" onClick={() => void setDeleted(true)}>
              {t('assessments.delete')}
            </button>
          </div>
        )}
      </AssessmentForm>
      <DiscardDialog guard={guard} />
    </MarksContext.Provider>
  );
}

function Missing({ error, missionId }: { error: MingaError; missionId: string }) {
  const { t } = useI18n();
  return (
    <section class="screen">
      <ErrorBanner error={error} />
      <a class="button" href={missionId ? link.mission(missionId, 'assessments') : link.home()}>
        {t('nav.back')}
      </a>
    </section>
  );
}

function AssessmentLoader({ id, recordId, edit }: { id: string; recordId: string; edit: boolean }) {
  const { t } = useI18n();
  const { mission, snapshot, error } = useMission(id);
  const mayEdit = useMayEditMissionsOnceKnown();
  if (error) return <Missing error={error} missionId="" />;
  if (!mission || !snapshot || mayEdit === undefined) return <p class="loading">{t('loading')}</p>;
  // An opened document without a mission was never created on this device.
  if (!snapshot.mission) return <Missing error={new MingaError('notFound')} missionId="" />;
  if (recordId === 'new' && !mayEdit) {
    return (
      <ObserverNoNew
        heading={t('assessments.new')}
        message={t('readOnly.observer')}
        back={link.mission(id, 'assessments')}
        backLabel={t('mission.backToMission')}
      />
    );
  }
  if (recordId === 'new') return <NewAssessment open={mission} mission={snapshot.mission} />;
  const assessment = snapshot.assessments.find((a) => a.id === recordId);
  if (!assessment) return <Missing error={new MingaError('notFound')} missionId={id} />;
  // An edit address opened by someone who may not edit shows the read view: it says why nothing can change.
  if (!edit || readOnlyReason(mayEdit, assessment) !== null)
    return <ViewAssessment open={mission} assessment={assessment} mayEdit={mayEdit} />;
  return <EditAssessment open={mission} assessment={assessment} mayEdit={mayEdit} />;
}

function AssessmentRoute({ edit }: { edit: boolean }) {
  // Outside a matching route preact-iso gives no params at all.
  const params = useRoute().params as Partial<Record<'id' | 'recordId', string>> | undefined;
  const id = params?.id;
  const recordId = params?.recordId;
  if (!id || !recordId) return <Missing error={new MingaError('notFound')} missionId="" />;
  // A new key per record: the draft and form state of one assessment never leak into another.
  return <AssessmentLoader key={`${id}/${recordId}/${edit}`} id={id} recordId={recordId} edit={edit} />;
}

export function AssessmentScreen() {
  return <AssessmentRoute edit={false} />;
}

export function AssessmentEditScreen() {
  return <AssessmentRoute edit />;
}
