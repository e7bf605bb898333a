// The sender's side: the transfer's frames shown in a loop at 10 a second, large and black on white, the screen
// kept awake, until the user stops.
import { useEffect, useState } from 'preact/hooks';
import { qrExchangeMessages } from '../../i18n/messages/qrExchange.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { QrCode } from './QrCode.tsx';
import { useScreenAwake } from './wakeLock.ts';

/** 10 frames a second: what phone cameras and the fallback decoder keep up with (see bench/qr.ts). */
export const FRAME_MS = 100;

export function QrShow({ frames, onStop }: { frames: readonly string[]; onStop: () => void }) {
  const t = useMessages(qrExchangeMessages);
  const [index, setIndex] = useState(0);
  useScreenAwake(true);
  useEffect(() => {
    const timer = setInterval(() => setIndex((current) => (current + 1) % frames.length), FRAME_MS);
    return () => clearInterval(timer);
  }, [frames]);
  return (
    <div class="qr__show">
      <p>{t('qr.showing')}</p>
      <QrCode text={frames[index % frames.length]!} label={t('qr.code')} />
      <p>
        <button type="button" onClick={onStop}>
          {t('qr.stop')}
        </button>
      </p>
    </div>
  );
}
