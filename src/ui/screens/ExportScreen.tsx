// Export: missions held on this device as CSV (a zip), HXL or GeoJSON. The export code and its CSV library load
// only when the user exports; this screen itself is loaded on first use.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { ExportFormat } from '../../domain/export/index.ts';
import type { MissionId } from '../../domain/ids.ts';
import { getDb } from '../../storage/db.ts';
import { downloadBlob } from '../components/download.ts';
import { FormatField, ScopeField, yearsOf, type ScopeValue } from '../components/export/ScopeFields.tsx';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { useI18n } from '../i18n/context.tsx';
import { link } from '../routes.ts';

type Phase = { step: 'idle' } | { step: 'reading'; done: number; total: number } | { step: 'building' };
type Message = { ok: boolean; text: string } | null;

export function ExportScreen() {
  const { t, code } = useI18n();
  const { query } = useLocation();
  const from = query.mission ?? null;
  const missions = useLiveQuery(() => getDb().missions.where('deleted').equals(0).sortBy('title'), []);
  const rows = missions.data ?? [];
  const mission = rows.find((row) => row.id === from) ?? null;
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [chosen, setScope] = useState<ScopeValue>({
    kind: from ? 'mission' : 'all',
    selected: new Set(),
    year: null,
  });
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [message, setMessage] = useState<Message>(null);
  // Until the user picks one, the year offered is the newest a mission was on site.
  const years = yearsOf(rows);
  const scope = {
    ...chosen,
    // A link to a mission this device no longer lists offers the whole device instead.
    kind: chosen.kind === 'mission' && mission === null && !missions.isLoading ? 'all' : chosen.kind,
    year: chosen.year !== null && years.includes(chosen.year) ? chosen.year : years[0]!,
  };

  const ids: MissionId[] | null =
    scope.kind === 'mission' && from
      ? [from as MissionId]
      : scope.kind === 'selection'
        ? ([...scope.selected] as MissionId[])
        : null;

  const run = async () => {
    if (ids !== null && ids.length === 0) {
      setMessage({ ok: false, text: t('export.chooseOne') });
      return;
    }
    setMessage(null);
    setPhase({ step: 'reading', done: 0, total: ids?.length ?? 0 });
    try {
      const [{ readMissionsForExport }, exporter] = await Promise.all([
        import('../../storage/export.ts'),
        import('../../domain/export/index.ts'),
      ]);
      const snapshots = await readMissionsForExport(ids, (done, total) =>
        setPhase({ step: 'reading', done, total }),
      );
      setPhase({ step: 'building' });
      const files = exporter.buildExport(snapshots, {
        format,
        scope: { missions: ids ?? [], year: scope.kind === 'year' ? scope.year : null },
        labels: code,
      });
      const fileName = exporter.exportFileName(format, new Date());
      const single = files.length === 1 ? files[0] : undefined;
      const blob = single
        ? new Blob([single.text], { type: single.mime })
        : new Blob([exporter.zipFiles(files) as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
      downloadBlob(blob, fileName);
      setMessage({ ok: true, text: t('export.done', { file: fileName }) });
    } catch (error) {
      console.warn('export failed', error);
      setMessage({ ok: false, text: t('export.failed') });
    } finally {
      setPhase({ step: 'idle' });
    }
  };

  const busy = phase.step !== 'idle' || missions.isLoading;
  return (
    <section class="screen export">
      <header class="screen__header">
        <h1>{t('export.title')}</h1>
        <a class="button" href={from ? link.mission(from) : link.settings()}>
          {t('nav.back')}
        </a>
      </header>
      <p>{t('export.intro')}</p>
      <FormatField value={format} onChange={setFormat} />
      <ScopeField value={scope} onChange={setScope} rows={rows} years={years} mission={mission} />
      <p>
        <button type="button" class="button--primary" disabled={busy} onClick={() => void run()}>
          {t('export.start')}
        </button>
      </p>
      <p
        role="status"
        class={message ? (message.ok ? 'banner banner--info' : 'banner banner--error') : undefined}
      >
        {phase.step === 'reading' && phase.total > 0
          ? t('export.reading', { done: phase.done, total: phase.total })
          : phase.step !== 'idle'
            ? t('export.building')
            : (message?.text ?? '')}
      </p>
    </section>
  );
}
