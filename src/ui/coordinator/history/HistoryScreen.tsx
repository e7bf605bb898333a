// A mission's history for coordinators: the server's stored versions with who and what changed, a preview of one,
// and a restore (of the mission or one record) after a confirmation. Needs the server; nothing is kept offline.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import type { ChangeSummary } from '../../../domain/history/describe.ts';
import type { RecordKind } from '../../../domain/ids.ts';
import { readSession } from '../../../sync/account.ts';
import {
  fetchHistory,
  fetchVersion,
  HistoryError,
  restoreHistoryVersion,
  type HistoryVersion,
  type VersionPreview,
} from '../../../sync/history.ts';
import { BackLink } from '../../components/BackLink.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { historyScreenMessages } from '../../i18n/messages/historyScreen.ts';
import { useMessages, type LocalTranslate } from '../../i18n/useMessages.ts';
import { link } from '../../routes.ts';

type T = LocalTranslate<keyof (typeof historyScreenMessages)['en']>;
type Problem = 'offline' | 'refused' | 'signedOut';
interface Target {
  version: number;
  record: { kind: RecordKind; id: string } | null;
}

const problemOf = (error: unknown): Problem =>
  error instanceof HistoryError && (error.status === 401 || error.status === 403) ? 'refused' : 'offline';

function summaryLines(summary: ChangeSummary, t: T): string[] {
  const lines: string[] = [];
  if (summary.mission !== null) lines.push(t(`history.mission.${summary.mission}`));
  if (summary.missionFields.length > 0)
    lines.push(t('history.missionFields', { count: summary.missionFields.length }));
  for (const c of summary.records) {
    const parts = (['added', 'changed', 'deleted', 'restored'] as const)
      .filter((what) => c[what] > 0)
      .map((what) => t(`history.${what}`, { count: c[what] }));
    lines.push(`${t(`history.kind.${c.kind}`)}: ${parts.join(', ')}`);
  }
  return lines.length > 0 ? lines : [t('history.noChange')];
}

function Confirm({ target, t, onYes, onNo }: { target: Target; t: T; onYes(): void; onNo(): void }) {
  return (
    <ConfirmDialog
      title={t('history.confirm.title', { version: target.version })}
      body={t(target.record === null ? 'history.confirm.mission' : 'history.confirm.record')}
      confirm={t('history.confirm.yes')}
      keep={t('history.confirm.no')}
      onConfirm={onYes}
      onKeep={onNo}
    />
  );
}

function Preview({ preview, t, ask }: { preview: VersionPreview; t: T; ask(target: Target): void }) {
  return (
    <div class="history-preview">
      <h3>
        {t('history.preview.heading', {
          version: preview.version,
          title: preview.missionTitle || t('history.preview.untitled'),
        })}
      </h3>
      {preview.records.length === 0 ? (
        <p>{t('history.preview.empty')}</p>
      ) : (
        <ul class="history-records">
          {preview.records.map((record) => (
            <li key={`${record.kind}:${record.id}`}>
              <span>
                {t(`history.kindOne.${record.kind}`)}: {record.label || t('history.preview.untitled')}
                {record.deleted && ` (${t('history.preview.deleted')})`}
              </span>{' '}
              <button
                type="button"
                class="button"
                aria-label={`${t('history.restoreRecord')}: ${record.label || t('history.preview.untitled')}`}
                onClick={() =>
                  ask({ version: preview.version, record: { kind: record.kind, id: record.id } })
                }
              >
                {t('history.restoreRecord')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {preview.truncated && <p>{t('history.preview.truncated')}</p>}
    </div>
  );
}

export function HistoryScreen() {
  const { params } = useRoute();
  const missionId = params.id ?? '';
  const { dateTime } = useI18n();
  const t = useMessages(historyScreenMessages);
  const [versions, setVersions] = useState<HistoryVersion[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [preview, setPreview] = useState<VersionPreview | null>(null);
  const [asking, setAsking] = useState<Target | null>(null);
  const [status, setStatus] = useState<string>('');

  const load = useCallback(async () => {
    const session = await readSession();
    if (session === null) {
      setProblem('signedOut');
      return;
    }
    try {
      setVersions(await fetchHistory(session, missionId));
      setProblem(null);
    } catch (error) {
      setProblem(problemOf(error));
    }
  }, [missionId]);

  useEffect(() => {
    void load();
  }, [load]);

  const showPreview = async (version: number) => {
    if (preview?.version === version) {
      setPreview(null);
      return;
    }
    const session = await readSession();
    if (session === null) return;
    try {
      setPreview(await fetchVersion(session, missionId, version));
    } catch (error) {
      setProblem(problemOf(error));
    }
  };

  const restore = async (target: Target) => {
    setAsking(null);
    const session = await readSession();
    if (session === null) return;
    try {
      const written = await restoreHistoryVersion(session, missionId, target.version, target.record);
      setStatus(t('history.done', { count: written }));
      setPreview(null);
      await load();
    } catch {
      setStatus(t('history.failed'));
    }
  };

  return (
    <section class="history-screen" aria-labelledby="history-title">
      <BackLink href={link.mission(missionId)}>{t('history.back')}</BackLink>
      <h1 id="history-title">{t('history.title')}</h1>
      <p>{t('history.intro')}</p>
      <p role="status" class="history-status">
        {status}
      </p>
      {problem !== null && <p role="alert">{t(`history.${problem}`)}</p>}
      {problem === null && versions === null && <p>{t('history.loading')}</p>}
      {versions !== null && versions.length === 0 && <p>{t('history.empty')}</p>}
      {versions !== null && versions.length > 0 && (
        <ol class="history-list">
          {versions.map((v) => (
            <li key={v.version} class="history-version">
              <h2>
                {t('history.version', { version: v.version })} · <time dateTime={v.at}>{dateTime(v.at)}</time>
              </h2>
              <p>{v.by.length > 0 ? t('history.by', { names: v.by.join(', ') }) : t('history.byUnknown')}</p>
              <ul>
                {summaryLines(v.summary, t).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              <div class="form-actions">
                <button
                  type="button"
                  class="button"
                  aria-expanded={preview?.version === v.version}
                  onClick={() => void showPreview(v.version)}
                >
                  {preview?.version === v.version ? t('history.hidePreview') : t('history.preview')}
                </button>
                <button
                  type="button"
                  class="button button--primary"
                  onClick={() => setAsking({ version: v.version, record: null })}
                >
                  {t('history.restore')}
                </button>
              </div>
              {preview?.version === v.version && <Preview preview={preview} t={t} ask={setAsking} />}
            </li>
          ))}
        </ol>
      )}
      {asking !== null && (
        <Confirm target={asking} t={t} onYes={() => void restore(asking)} onNo={() => setAsking(null)} />
      )}
    </section>
  );
}
