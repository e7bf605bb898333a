// One mission: overview, assessments, notes and action plan as tabs, with "New note" always one tap away.
import { useId, useMemo, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { toMingaError, type MingaError } from '../../domain/errors.ts';
import type { Mission } from '../../domain/model.ts';
import { setMissionDeleted } from '../../storage/commands.ts';
import type { OpenMission } from '../../storage/docStore.ts';
import type { MissionSnapshot } from '../../storage/missionView.ts';
import { useProfile } from '../appContext.ts';
import { ErrorBanner, ReadOnlyNotice } from '../components/ErrorSummary.tsx';
import { ActionList, planRows } from '../components/mission/ActionList.tsx';
import { AssessmentList } from '../components/mission/AssessmentList.tsx';
import { NoteList } from '../components/mission/NoteList.tsx';
import { OverviewPanel } from '../components/mission/OverviewPanel.tsx';
import { useMission } from '../hooks/useMission.ts';
import { useMarkSeen } from '../hooks/useMarkSeen.ts';
import { readOnlyReason, useMayEditMissionsOnceKnown } from '../hooks/useAccountRole.ts';
import { useI18n } from '../i18n/context.tsx';
import type { MessageKey } from '../i18n/catalog.ts';
import { link, type MissionTab } from '../routes.ts';
import { NotFound } from './NotFound.tsx';
import { BackLink } from '../components/BackLink.tsx';
import { DeletedNotice } from '../components/DeletedNotice.tsx';
import { MissionSyncStatus } from '../components/mission/MissionSyncStatus.tsx';
import { ReviewSection } from '../components/review/ReviewSection.tsx';

const TABS: readonly { tab: MissionTab; label: MessageKey }[] = [
  { tab: 'overview', label: 'mission.tab.overview' },
  { tab: 'assessments', label: 'mission.tab.assessments' },
  { tab: 'notes', label: 'mission.tab.notes' },
  { tab: 'actions', label: 'mission.tab.actions' },
];

function parseTab(value: string | undefined): MissionTab | null {
  if (value === undefined || value === '') return 'overview';
  return TABS.some((entry) => entry.tab === value) ? (value as MissionTab) : null;
}

function Tabs({
  missionId,
  current,
  snapshot,
}: {
  missionId: string;
  current: MissionTab;
  snapshot: MissionSnapshot;
}) {
  const { t } = useI18n();
  const counts = useMemo(() => {
    const live = <T extends { deletedAt: string | null }>(records: T[]) =>
      records.filter((r) => r.deletedAt === null);
    const plan = planRows(snapshot.actions);
    const overdue = plan.filter((row) => row.overdue).length;
    return {
      overview: '',
      assessments: t('mission.tab.count', { count: live(snapshot.assessments).length }),
      notes: t('mission.tab.count', { count: live(snapshot.notes).length }),
      actions: overdue
        ? t('mission.tab.countOverdue', { count: plan.length, overdue })
        : t('mission.tab.count', { count: plan.length }),
    };
  }, [snapshot, t]);
  return (
    <nav class="tabs" aria-label={t('mission.tabs.label')}>
      {TABS.map(({ tab, label }) => (
        <a key={tab} href={link.mission(missionId, tab)} aria-current={tab === current ? 'page' : undefined}>
          {counts[tab] ? `${t(label)} ${counts[tab]}` : t(label)}
        </a>
      ))}
    </nav>
  );
}

/**
 * The title in at most two lines, so the mission's content starts high on a phone; a tap shows it whole. The full
 * title is the heading's accessible name either way: the clamp only hides overflow visually.
 */
function MissionTitle({ title }: { title: string }) {
  const { t } = useI18n();
  const [whole, setWhole] = useState(false);
  const hint = useId();
  return (
    <h1 class="mission-title">
      <button
        type="button"
        class={whole ? 'mission-title__toggle' : 'mission-title__toggle mission-title__toggle--clamped'}
        aria-expanded={whole}
        aria-describedby={hint}
        onClick={() => setWhole(!whole)}
      >
        {title}
      </button>
      {/* Hidden, and so not part of the heading's name; it still describes the button. */}
      <span id={hint} hidden>
        {t('mission.fullTitle')}
      </span>
    </h1>
  );
}

function DeletedBanner({ mission, readOnly }: { mission: OpenMission; readOnly: boolean }) {
  const { t } = useI18n();
  const profile = useProfile();
  const [failure, setFailure] = useState<MingaError | null>(null);
  const restore = () => {
    try {
      setMissionDeleted(mission, false, profile);
      setFailure(null);
    } catch (error) {
      setFailure(toMingaError(error));
    }
  };
  return (
    <DeletedNotice message={t('mission.deleted')} readOnly={readOnly} onRestore={restore}>
      <ErrorBanner error={failure} />
    </DeletedNotice>
  );
}

function TabPanel(props: { tab: MissionTab; record: Mission; snapshot: MissionSnapshot; readOnly: boolean }) {
  const { tab, record, snapshot, readOnly } = props;
  if (tab === 'assessments')
    return <AssessmentList missionId={record.id} assessments={snapshot.assessments} canAdd={!readOnly} />;
  if (tab === 'notes') return <NoteList missionId={record.id} notes={snapshot.notes} />;
  if (tab === 'actions')
    return <ActionList missionId={record.id} actions={snapshot.actions} canAdd={!readOnly} />;
  return <OverviewPanel mission={record} readOnly={readOnly} />;
}

export function MissionScreen() {
  const { params } = useRoute();
  const missionId = params.id ?? '';
  const tab = parseTab(params.tab);
  const { t } = useI18n();
  const { mission, snapshot, error } = useMission(missionId);
  const mayEdit = useMayEditMissionsOnceKnown();
  useMarkSeen(missionId, snapshot?.mission != null);

  if (error?.reason === 'notFound' || tab === null) return <NotFound />;
  if (error) return <ErrorBanner error={error} />;
  if (!mission || !snapshot || mayEdit === undefined) return <p class="loading">{t('loading')}</p>;
  const record = snapshot.mission;
  if (!record) return <NotFound />;
  const reason = readOnlyReason(mayEdit, record);
  const readOnly = reason !== null;

  return (
    <section class="screen mission-screen">
      <BackLink href={link.home()}>{t('nav.missions')}</BackLink>
      <MissionTitle title={record.title} />
      <MissionSyncStatus missionId={missionId} />
      {reason && <ReadOnlyNotice reason={reason} />}
      {record.deletedAt !== null && <DeletedBanner mission={mission} readOnly={readOnly} />}
      <Tabs missionId={missionId} current={tab} snapshot={snapshot} />
      <TabPanel tab={tab} record={record} snapshot={snapshot} readOnly={readOnly} />
      {tab === 'overview' && <ReviewSection missionId={record.id} mission={snapshot} open={mission} />}
      {!readOnly && (
        <a class="button button--primary fab" href={link.note(missionId, 'new')}>
          {t('mission.newNote')}
        </a>
      )}
    </section>
  );
}
