// A mission's trash: deleted assessments, notes and action items, when and by whom, each restorable by those
// who may edit the mission.
import { useMemo, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { toMingaError, type MingaError } from '../../domain/errors.ts';
import type { RecordKind } from '../../domain/ids.ts';
import type { FieldMarks } from '../../domain/model.ts';
import { restoreRecord } from '../../storage/commands.ts';
import type { MissionSnapshot } from '../../storage/missionView.ts';
import { useProfile } from '../appContext.ts';
import { ErrorBanner } from '../components/ErrorSummary.tsx';
import { previewOf } from '../components/mission/NoteList.tsx';
import { useMission } from '../hooks/useMission.ts';
import { readOnlyReason, useMayEditMissionsOnceKnown } from '../hooks/useAccountRole.ts';
import { useI18n } from '../i18n/context.tsx';
import type { MessageKey } from '../i18n/catalog.ts';
import { link } from '../routes.ts';
import { NotFound } from './NotFound.tsx';
import { BackLink } from '../components/BackLink.tsx';
import { RecordFlags } from '../components/marks/FieldNotes.tsx';

interface TrashItem {
  kind: RecordKind;
  id: string;
  title: string;
  deletedAt: string;
  /** Who deleted it, not whoever edited it last. */
  deletedBy: string;
  readOnly: boolean;
  marks: FieldMarks;
}

const KIND_LABEL: Record<RecordKind, MessageKey> = {
  assessment: 'mission.trash.kind.assessment',
  note: 'mission.trash.kind.note',
  action: 'mission.trash.kind.action',
};

function trashItems(snapshot: MissionSnapshot, mayEdit: boolean): TrashItem[] {
  const items: TrashItem[] = [];
  const add = (
    kind: RecordKind,
    record: {
      id: string;
      deletedAt: string | null;
      deletedBy: string | null;
      updatedBy: string;
      schema: number;
      marks: FieldMarks;
    },
    title: string,
  ) => {
    if (record.deletedAt === null) return;
    items.push({
      kind,
      id: record.id,
      title,
      deletedAt: record.deletedAt,
      deletedBy: record.deletedBy ?? record.updatedBy,
      readOnly: readOnlyReason(mayEdit, record) !== null,
      marks: record.marks,
    });
  };
  snapshot.assessments.forEach((a) => add('assessment', a, a.title));
  snapshot.notes.forEach((n) => add('note', n, previewOf(n.text).split('\n')[0] ?? ''));
  snapshot.actions.forEach((a) => add('action', a, a.activity));
  return items.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
}

function TrashRow({ item, onRestore }: { item: TrashItem; onRestore: (item: TrashItem) => void }) {
  const { t, dateTime } = useI18n();
  return (
    <li class="trash-item" data-kind={item.kind} data-record-id={item.id}>
      <div>
        <strong class="list__title">
          {t(KIND_LABEL[item.kind])}
          {item.title && <span class="trash-item__title">{item.title}</span>}
        </strong>
        <span class="list__meta">
          <span>{t('mission.trash.deletedBy', { when: dateTime(item.deletedAt), who: item.deletedBy })}</span>
          <RecordFlags marks={item.marks} />
        </span>
      </div>
      {!item.readOnly && (
        <button type="button" class="button" onClick={() => onRestore(item)}>
          {t('action.restore')}
        </button>
      )}
    </li>
  );
}

export function TrashScreen() {
  const { params } = useRoute();
  const { t } = useI18n();
  const profile = useProfile();
  const missionId = params.id ?? '';
  const { mission, snapshot, error } = useMission(missionId);
  const mayEdit = useMayEditMissionsOnceKnown();
  const [failure, setFailure] = useState<MingaError | null>(null);
  const items = useMemo(
    () => (snapshot && mayEdit !== undefined ? trashItems(snapshot, mayEdit) : []),
    [snapshot, mayEdit],
  );

  if (error?.reason === 'notFound') return <NotFound />;
  if (error) return <ErrorBanner error={error} />;
  if (!mission || !snapshot || mayEdit === undefined) return <p class="loading">{t('loading')}</p>;
  if (!snapshot.mission) return <NotFound />;

  const restore = (item: TrashItem) => {
    try {
      restoreRecord(mission, item.kind, item.id, profile);
      setFailure(null);
    } catch (caught) {
      setFailure(toMingaError(caught));
    }
  };

  return (
    <section class="screen trash-screen">
      <BackLink href={link.mission(missionId)}>{t('mission.backToMission')}</BackLink>
      <h1>{t('mission.trash.heading')}</h1>
      <p class="list__meta">{snapshot.mission.title}</p>
      <ErrorBanner error={failure} />
      {items.length === 0 ? (
        <p class="empty">{t('mission.trash.empty')}</p>
      ) : (
        <ul class="list">
          {items.map((item) => (
            <TrashRow key={`${item.kind}:${item.id}`} item={item} onRestore={restore} />
          ))}
        </ul>
      )}
    </section>
  );
}
