// The screen a saved action-plan item opens in: read first, Edit on purpose.
import type { ActionItem } from '../../../domain/model.ts';
import type { OpenMission } from '../../../storage/docStore.ts';
import type { ReadOnlyReason } from '../../hooks/useAccountRole.ts';
import { useI18n } from '../../i18n/context.tsx';
import { link } from '../../routes.ts';
import { MarksContext } from '../marks/FieldNotes.tsx';
import { useRecordView } from '../marks/useRecordView.ts';
import { RecordScreen } from '../RecordScreen.tsx';
import { RecordComments } from '../review/RecordComments.tsx';
import { ViewRow } from '../RecordView.tsx';

export function ViewAction(props: {
  mission: OpenMission;
  action: ActionItem;
  readOnly: ReadOnlyReason | null;
}) {
  const { mission, action, readOnly } = props;
  const { t, code, date } = useI18n();
  const { marks, failure, restore } = useRecordView('action', action, mission, readOnly !== null);
  return (
    <MarksContext.Provider value={marks}>
      <RecordScreen
        class="action-view"
        back={{ href: link.mission(mission.id, 'actions'), label: t('mission.backToMission') }}
        heading={action.activity || t('actionItem.view')}
        readOnly={readOnly}
        failure={failure}
        deleted={action.deletedAt !== null ? t('actionItem.deleted') : null}
        onRestore={restore}
        edit={{ href: link.actionEdit(mission.id, action.id), label: t('actionItem.editThis') }}
      >
        <dl class="record-view">
          <ViewRow label={t('actionItem.activity')} paths={['activity']}>
            {action.activity}
          </ViewRow>
          <ViewRow label={t('actionItem.responsible')} paths={['responsible']}>
            {action.responsible}
          </ViewRow>
          <ViewRow label={t('actionItem.dueDate')} paths={['dueDate']}>
            {action.dueDate && date(action.dueDate)}
          </ViewRow>
          <ViewRow label={t('actionItem.status')} paths={['status']}>
            {code('actionStatus', action.status)}
          </ViewRow>
          <ViewRow label={t('actionItem.torProduct')} paths={['torProduct']}>
            {action.torProduct}
          </ViewRow>
        </dl>
        <RecordComments open={mission} target={{ kind: 'action', id: action.id }} />
      </RecordScreen>
    </MarksContext.Provider>
  );
}
