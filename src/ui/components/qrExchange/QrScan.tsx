// The receiver's side: the camera's picture, each frame read into a QrReceiver, a progress bar, and the bundle's
// bytes handed on once complete. A refusal stops the scan and says why; nothing has been changed by then.
import { useEffect, useRef, useState } from 'preact/hooks';
import { QrReceiver, isQrError, type QrRefusal } from '../../../domain/bundle/qrFrames.ts';
import { qrExchangeMessages } from '../../i18n/messages/qrExchange.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { frameReader, openCamera } from './scanner.ts';

/** Pause between two readings: the decoder then leaves the phone time to draw the picture. */
const READ_PAUSE_MS = 30;

type Failure = { refusal: QrRefusal } | { camera: true } | null;

export function QrScan({
  onPayload,
  onCancel,
}: {
  onPayload: (bytes: Uint8Array) => void;
  onCancel: () => void;
}) {
  const t = useMessages(qrExchangeMessages);
  const video = useRef<HTMLVideoElement>(null);
  const [percent, setPercent] = useState(0);
  const [failure, setFailure] = useState<Failure>(null);
  const [attempt, setAttempt] = useState(0);
  const done = useRef(onPayload);
  done.current = onPayload;
  useEffect(() => {
    let stream: MediaStream | null = null;
    let stopped = false;
    const receiver = new QrReceiver();
    const run = async () => {
      try {
        stream = await openCamera();
      } catch (error) {
        console.warn('camera refused', error);
        if (!stopped) setFailure({ camera: true });
        return;
      }
      const element = video.current;
      if (stopped || !element) return;
      element.srcObject = stream;
      await element.play().catch(() => undefined);
      const read = await frameReader();
      while (!stopped) {
        const text = element.readyState >= 2 ? await read(element).catch(() => null) : null;
        if (stopped) return;
        if (text) {
          try {
            const progress = receiver.receive(text);
            setPercent(Math.floor(progress.fraction * 100));
            if (progress.done) {
              done.current(receiver.payload()!);
              return;
            }
          } catch (error) {
            // Anything unexpected from a frame is a frame the app cannot read: refused, never a broken screen.
            if (!isQrError(error)) console.warn('QR frame failed', error);
            setFailure({ refusal: isQrError(error) ? error.code : 'badFrame' });
            return;
          }
        }
        await new Promise((resolve) => setTimeout(resolve, READ_PAUSE_MS));
      }
    };
    void run();
    return () => {
      stopped = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [attempt]);
  const again = () => {
    setFailure(null);
    setPercent(0);
    setAttempt((n) => n + 1);
  };
  return (
    <div class="qr__scan">
      {failure === null && <p>{t('qr.scanning')}</p>}
      <video ref={video} class="qr__video" muted playsInline aria-label={t('qr.camera')} />
      <label class="qr__progress">
        <span>{t('qr.progress')}</span>
        <progress max={100} value={percent} />
        <span>{t('qr.progressValue', { percent })}</span>
      </label>
      {failure && (
        <p class="banner banner--error" role="alert">
          {'camera' in failure ? t('qr.noCamera') : t(`qr.refusal.${failure.refusal}`)}
        </p>
      )}
      <p class="exchange__actions">
        {failure && 'refusal' in failure && (
          <button type="button" class="button--primary" onClick={again}>
            {t('qr.scanAgain')}
          </button>
        )}{' '}
        <button type="button" onClick={onCancel}>
          {t('qr.stopScan')}
        </button>
      </p>
    </div>
  );
}
