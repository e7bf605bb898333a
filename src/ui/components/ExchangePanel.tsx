// Settings panel: send missions to a colleague as a file, and receive theirs with a preview before anything
// changes, as a file or camera to camera. The bundle code (zip, checks) is loaded only when used: the first screen
// never carries it.
import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { isBundleError } from '../../domain/bundle/format.ts';
import type { MissionId } from '../../domain/ids.ts';
import { getDb } from '../../storage/db.ts';
import type { BundlePreview } from '../../storage/bundleImport.ts';
import { onIncomingFile, takeIncomingFile } from '../../pwa/incoming.ts';
import { useApp } from '../appContext.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { useI18n } from '../i18n/context.tsx';
import type { MessageKey } from '../i18n/catalog.ts';
import { handOver } from './handOver.ts';

type Message = { ok: boolean; text: string } | null;

export function useRefusalText() {
  const { t } = useI18n();
  return (error: unknown, fallback: MessageKey) => {
    if (isBundleError(error)) return t(`exchange.refusal.${error.code}` as MessageKey);
    console.warn('bundle exchange failed', error);
    return t(fallback);
  };
}

function SendMissions() {
  const { t } = useI18n();
  const { profile } = useApp();
  const missions = useLiveQuery(() => getDb().missions.where('deleted').equals(0).toArray(), []);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const explain = useRefusalText();
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const send = async () => {
    if (!profile) return;
    setBusy(true);
    setMessage(null);
    try {
      const { exportBundle } = await import('../../storage/bundleExport.ts');
      const bundle = await exportBundle([...selected] as MissionId[], profile);
      await handOver(bundle.bytes as Uint8Array<ArrayBuffer>, bundle.fileName);
      const params = { file: bundle.fileName, missions: bundle.missionCount, photos: bundle.photoCount };
      setMessage({ ok: true, text: t('exchange.sent', params) });
    } catch (error) {
      setMessage({ ok: false, text: explain(error, 'exchange.sendFailed') });
    } finally {
      setBusy(false);
    }
  };
  const rows = missions.data ?? [];
  return (
    <fieldset class="exchange__send">
      <legend>{t('exchange.choose')}</legend>
      {rows.length === 0 && !missions.isLoading && <p>{t('exchange.none')}</p>}
      {rows.map((row) => (
        <label key={row.id} class="checkbox">
          <input type="checkbox" checked={selected.has(row.id)} onChange={() => toggle(row.id)} />
          {row.title}
        </label>
      ))}
      <p>
        <button
          type="button"
          class="button--primary"
          disabled={busy || selected.size === 0 || !profile}
          onClick={() => void send()}
        >
          {busy ? t('exchange.sending') : t('exchange.send')}
        </button>
      </p>
      {message && (
        <p class={message.ok ? 'banner banner--info' : 'banner banner--error'} role="status">
          {message.text}
        </p>
      )}
    </fieldset>
  );
}

export function PreviewList({ preview }: { preview: BundlePreview }) {
  const { t, dateTime } = useI18n();
  const state = (m: BundlePreview['missions'][number]) =>
    m.isNew ? t('exchange.missionNew') : m.changes ? t('exchange.missionChanges') : t('exchange.missionSame');
  return (
    <div class="exchange__preview" data-testid="bundle-preview">
      <h3>{t('exchange.previewTitle')}</h3>
      <p>{t('exchange.from', { name: preview.sender.name, date: dateTime(preview.createdAt) })}</p>
      <ul>
        {preview.missions.map((m) => (
          <li key={m.id}>
            <strong>{m.title}</strong> — {state(m)}
            <br />
            {t('exchange.counts', { ...m.counts })}
          </li>
        ))}
      </ul>
      {preview.photos.new > 0 && <p>{t('exchange.photosNew', { count: preview.photos.new })}</p>}
    </div>
  );
}

interface ReceiveProps {
  label: MessageKey;
  hint?: MessageKey;
  /** Takes files the app was opened with or that were shared to it (one receiver per screen). */
  takesIncoming?: boolean;
}

/** A file chosen, dropped, opened with or shared to the app: a preview, then an import once confirmed. */
function ReceiveFile({ label, hint, takesIncoming = false }: ReceiveProps) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<BundlePreview | null>(null);
  const [busy, setBusy] = useState<'reading' | 'importing' | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [over, setOver] = useState(false);
  const hintId = `receive-hint-${label}`.replace(/\./g, '-');
  const explain = useRefusalText();
  const choose = async (chosen: File | undefined) => {
    setPreview(null);
    setMessage(null);
    setFile(chosen ?? null);
    if (!chosen) return;
    setBusy('reading');
    try {
      const { previewBundle } = await import('../../storage/bundleImport.ts');
      setPreview(await previewBundle(chosen));
    } catch (error) {
      setMessage({ ok: false, text: explain(error, 'exchange.importFailed') });
    } finally {
      setBusy(null);
    }
  };
  const chooseRef = useRef(choose);
  chooseRef.current = choose;
  useEffect(() => {
    if (!takesIncoming) return;
    const take = () => {
      const incoming = takeIncomingFile();
      if (incoming) void chooseRef.current(incoming);
    };
    take();
    return onIncomingFile(take);
  }, [takesIncoming]);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const dropped = event.dataTransfer?.files[0];
    if (dropped && busy === null) void choose(dropped);
  };
  const confirm = async () => {
    if (!file) return;
    setBusy('importing');
    try {
      const { importBundle } = await import('../../storage/bundleImport.ts');
      const result = await importBundle(file);
      setMessage({ ok: true, text: t('exchange.imported', { missions: result.missions.length }) });
      setPreview(null);
    } catch (error) {
      setMessage({ ok: false, text: explain(error, 'exchange.importFailed') });
    } finally {
      setBusy(null);
    }
  };
  return (
    <div
      class={over ? 'exchange__receive exchange__receive--over' : 'exchange__receive'}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <label class="field">
        <span class="field__label">{t(label)}</span>
        <input
          type="file"
          accept=".zip,application/zip"
          aria-describedby={hintId}
          disabled={busy !== null}
          onChange={(event) => void choose(event.currentTarget.files?.[0])}
        />
      </label>
      <p class="field__hint" id={hintId}>
        {hint && `${t(hint)} `}
        {t('backup.drop')}
      </p>
      {busy === 'reading' && <p role="status">{t('exchange.reading')}</p>}
      {preview && (
        <>
          <PreviewList preview={preview} />
          <p class="exchange__actions">
            <button
              type="button"
              class="button--primary"
              disabled={busy !== null}
              onClick={() => void confirm()}
            >
              {busy === 'importing' ? t('exchange.importing') : t('exchange.confirm')}
            </button>{' '}
            <button type="button" disabled={busy !== null} onClick={() => setPreview(null)}>
              {t('exchange.cancel')}
            </button>
          </p>
        </>
      )}
      {message && (
        <p class={message.ok ? 'banner banner--info' : 'banner banner--error'} role="status">
          {message.text}
        </p>
      )}
    </div>
  );
}

/** The camera exchange and its QR decoder load only when asked for: the first screen never carries them. */
function ByCamera() {
  const { t } = useI18n();
  const [Screen, setScreen] = useState<ComponentType | null>(null);
  const open = () =>
    void import('./qrExchange/QrExchange.tsx').then((module) => setScreen(() => module.QrExchange));
  if (Screen) return <Screen />;
  return (
    <p>
      <button type="button" onClick={open}>
        {t('exchange.qr')}
      </button>
    </p>
  );
}

export function ExchangePanel() {
  const { t } = useI18n();
  return (
    <section class="exchange" aria-labelledby="exchange-title">
      <h2 id="exchange-title">{t('exchange.title')}</h2>
      <p class="field__hint">{t('exchange.intro')}</p>
      <SendMissions />
      <ReceiveFile label="exchange.receive" takesIncoming />
      <ByCamera />
    </section>
  );
}

/** Restoring a backup is receiving a bundle: the same preview and confirmation, merged with what is here. */
export function RestoreBackup() {
  return <ReceiveFile label="backup.restore" hint="backup.restoreHint" />;
}
