// The screen a saved assessment opens in: read first, Edit on purpose.
import type { Assessment } from '../../../domain/model.ts';
import type { OpenMission } from '../../../storage/docStore.ts';
import { useProfile } from '../../appContext.ts';
import { readOnlyReason } from '../../hooks/useAccountRole.ts';
import { useI18n } from '../../i18n/context.tsx';
import { link } from '../../routes.ts';
import { MarksContext } from '../marks/FieldNotes.tsx';
import { useRecordView } from '../marks/useRecordView.ts';
import { RecordScreen } from '../RecordScreen.tsx';
import { RecordComments } from '../review/RecordComments.tsx';
import { AssessmentView } from './AssessmentView.tsx';
import { assessmentCaptionSaver } from './captionSaver.ts';

export function ViewAssessment(props: { open: OpenMission; assessment: Assessment; mayEdit: boolean }) {
  const { open, assessment } = props;
  const { t } = useI18n();
  const profile = useProfile();
  const readOnly = readOnlyReason(props.mayEdit, assessment);
  const { marks, failure, setFailure, restore } = useRecordView(
    'assessment',
    assessment,
    open,
    readOnly !== null,
  );
  return (
    <MarksContext.Provider value={marks}>
      <RecordScreen
        class="assessment-view"
        back={{ href: link.mission(open.id, 'assessments'), label: t('mission.backToMission') }}
        heading={assessment.title || t('assessments.view')}
        readOnly={readOnly}
        failure={failure}
        deleted={assessment.deletedAt !== null ? t('assessments.deletedNotice') : null}
        onRestore={restore}
        edit={{ href: link.assessmentEdit(open.id, assessment.id), label: t('assessments.editThis') }}
      >
        <AssessmentView
          assessment={assessment}
          captionEditing={{
            save: readOnly === null ? assessmentCaptionSaver(open, assessment.id, profile, setFailure) : null,
          }}
        />
        <RecordComments open={open} target={{ kind: 'assessment', id: assessment.id }} />
      </RecordScreen>
    </MarksContext.Provider>
  );
}
