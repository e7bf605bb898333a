// "Show my changes": the peer and the missions, then the frames; too much for a camera and the file is offered.
import { useEffect, useState } from 'preact/hooks';
import { MAX_QR_PAYLOAD_BYTES } from '../../../domain/bundle/qrFrames.ts';
import type { MissionId } from '../../../domain/ids.ts';
import type { KnownPeer } from '../../../storage/bundlePeers.ts';
import { getDb } from '../../../storage/db.ts';
import { useApp } from '../../appContext.ts';
import { useLiveQuery } from '../../hooks/useLiveQuery.ts';
import { qrExchangeMessages } from '../../i18n/messages/qrExchange.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { handOver } from '../handOver.ts';
import { PeerChooser } from './PeerChooser.tsx';
import { QrShow } from './QrShow.tsx';

export interface SendChoice {
  peer: string | null;
  missions: string[];
}

type Made = { frames: string[] } | { tooLarge: number } | { failed: true } | { file: string } | null;

export function SendByCamera({ initial, onBack }: { initial: SendChoice; onBack: () => void }) {
  const t = useMessages(qrExchangeMessages);
  const { profile } = useApp();
  const missions = useLiveQuery(() => getDb().missions.where('deleted').equals(0).sortBy('title'), []);
  const [peers, setPeers] = useState<KnownPeer[]>([]);
  const [choice, setChoice] = useState<SendChoice>(initial);
  const [made, setMade] = useState<Made>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void import('../../../storage/bundlePeers.ts').then(async ({ knownPeers }) =>
      setPeers(await knownPeers()),
    );
  }, []);
  const choosePeer = (peer: string | null) => {
    // A known peer's missions are the ones it is expected to want again.
    const known = peers.find((candidate) => candidate.device === peer)?.missions;
    setChoice({ peer, missions: known && known.length > 0 ? known : choice.missions });
  };
  const toggle = (id: string, on: boolean) =>
    setChoice({
      ...choice,
      missions: on ? [...choice.missions, id] : choice.missions.filter((m) => m !== id),
    });
  const start = async () => {
    if (!profile) return;
    setBusy(true);
    try {
      const { makeQrTransfer } = await import('../../../storage/qrExchange.ts');
      const transfer = await makeQrTransfer(choice.missions as MissionId[], profile, choice.peer);
      setMade(transfer.fits ? { frames: transfer.frames } : { tooLarge: transfer.bytes });
    } catch (error) {
      console.warn('QR transfer failed', error);
      setMade({ failed: true });
    } finally {
      setBusy(false);
    }
  };
  const sendFile = async () => {
    if (!profile) return;
    try {
      const { exportBundle } = await import('../../../storage/bundleExport.ts');
      const bundle = await exportBundle(choice.missions as MissionId[], profile, {
        ...(choice.peer ? { peer: choice.peer } : {}),
      });
      await handOver(bundle.bytes as Uint8Array<ArrayBuffer>, bundle.fileName);
      setMade({ file: bundle.fileName });
    } catch (error) {
      console.warn('bundle file failed', error);
      setMade({ failed: true });
    }
  };
  if (made && 'frames' in made) return <QrShow frames={made.frames} onStop={() => setMade(null)} />;
  const rows = missions.data ?? [];
  return (
    <div class="qr__send">
      <PeerChooser peers={peers} value={choice.peer} onChange={choosePeer} />
      <fieldset>
        <legend>{t('qr.missions')}</legend>
        {rows.map((row) => (
          <label key={row.id} class="checkbox">
            <input
              type="checkbox"
              checked={choice.missions.includes(row.id)}
              onChange={(event) => toggle(row.id, event.currentTarget.checked)}
            />
            {row.title}
          </label>
        ))}
      </fieldset>
      {made && 'tooLarge' in made && (
        <div class="banner banner--error" role="alert">
          <p>
            {t('qr.tooLarge', {
              size: Math.ceil(made.tooLarge / 1024),
              max: MAX_QR_PAYLOAD_BYTES / 1024,
            })}
          </p>
          <button type="button" onClick={() => void sendFile()}>
            {t('qr.sendFile')}
          </button>
        </div>
      )}
      {made && 'failed' in made && (
        <p class="banner banner--error" role="alert">
          {t('qr.failed')}
        </p>
      )}
      {made && 'file' in made && (
        <p class="banner banner--info" role="status">
          {t('qr.fileSent', { file: made.file })}
        </p>
      )}
      <p class="exchange__actions">
        <button
          type="button"
          class="button--primary"
          disabled={busy || choice.missions.length === 0 || !profile}
          onClick={() => void start()}
        >
          {busy ? t('qr.preparing') : t('qr.start')}
        </button>{' '}
        <button type="button" onClick={onBack}>
          {t('qr.back')}
        </button>
      </p>
    </div>
  );
}
