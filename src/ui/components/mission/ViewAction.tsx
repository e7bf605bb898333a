// The screen a saved action-plan item opens in: read first, Edit on purpose.
import { useState } from 'preact/hooks';
import { toMingaError, type MingaError } from '../../../domain/errors.ts';
import type { ActionItem } from '../../../domain/model.ts';
import { restoreRecord } from '../../../storage/commands.ts';
import type { OpenMission } from '../../../storage/docStore.ts';
import { useProfile } from '../../appContext.ts';
import type { ReadOnlyReason } from '../../hooks/useAccountRole.ts';
import { useI18n } from '../../i18n/context.tsx';
import { link } from '../../routes.ts';
import { MarksContext } from '../marks/FieldNotes.tsx';
import { useMarks } from '../marks/useMarks.ts';
import { RecordScreen } from '../RecordScreen.tsx';
import { ViewRow } from '../RecordView.tsx';

export function ViewAction(props: {
  mission: OpenMission;
  action: ActionItem;
  readOnly: ReadOnlyReason | null;
}) {
  const { mission, action, readOnly } = props;
  const { t, code, date } = useI18n();
  const profile = useProfile();
  const [failure, setFailure] = useState<MingaError | null>(null);
  const marks = useMarks({
    kind: 'action',
    id: action.id,
    marks: action.marks,
    mission,
    readOnly: readOnly !== null,
    onError: setFailure,
  });
  const restore = () => {
    try {
      restoreRecord(mission, 'action', action.id, profile);
      setFailure(null);
    } catch (error) {
      setFailure(toMingaError(error));
    }
  };
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
      </RecordScreen>
    </MarksContext.Provider>
  );
}
