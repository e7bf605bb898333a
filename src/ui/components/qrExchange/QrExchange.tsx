// The guided camera-to-camera exchange (Settings → Exchange by camera), loaded on demand with its decoder: show
// my changes, or scan a colleague's, preview and confirm as for a file, then answer with mine.
import { useState } from 'preact/hooks';
import type { BundlePreview } from '../../../storage/bundleImport.ts';
import { useI18n } from '../../i18n/context.tsx';
import { qrExchangeMessages } from '../../i18n/messages/qrExchange.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { PreviewList, useRefusalText } from '../ExchangePanel.tsx';
import { QrScan } from './QrScan.tsx';
import { SendByCamera, type SendChoice } from './SendByCamera.tsx';

type Step =
  | { k: 'start' }
  | { k: 'show'; choice: SendChoice }
  | { k: 'scan' }
  | { k: 'preview'; bytes: Uint8Array; preview: BundlePreview }
  | { k: 'imported'; sender: { name: string; device: string }; missions: string[] };

export function QrExchange() {
  const t = useMessages(qrExchangeMessages);
  const common = useI18n().t;
  const explain = useRefusalText();
  const [step, setStep] = useState<Step>({ k: 'start' });
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const received = async (bytes: Uint8Array) => {
    setMessage(null);
    try {
      const { previewBundle } = await import('../../../storage/qrExchange.ts');
      setStep({ k: 'preview', bytes, preview: await previewBundle(bytes) });
    } catch (error) {
      setMessage(explain(error, 'exchange.importFailed'));
      setStep({ k: 'start' });
    }
  };
  const confirm = async (bytes: Uint8Array) => {
    setBusy(true);
    try {
      const { importBundle } = await import('../../../storage/qrExchange.ts');
      const result = await importBundle(bytes);
      setStep({ k: 'imported', sender: result.sender, missions: result.missions });
    } catch (error) {
      setMessage(explain(error, 'exchange.importFailed'));
      setStep({ k: 'start' });
    } finally {
      setBusy(false);
    }
  };
  const home = () => setStep({ k: 'start' });
  return (
    <section class="qr" aria-labelledby="qr-title">
      <h3 id="qr-title">{t('qr.title')}</h3>
      {step.k === 'start' && (
        <>
          <p class="field__hint">{t('qr.intro')}</p>
          <p class="qr__choices">
            <button
              type="button"
              class="button--primary"
              onClick={() => setStep({ k: 'show', choice: { peer: null, missions: [] } })}
            >
              {t('qr.showMine')}
            </button>
            <button type="button" class="button--primary" onClick={() => setStep({ k: 'scan' })}>
              {t('qr.scanTheirs')}
            </button>
          </p>
        </>
      )}
      {step.k === 'show' && <SendByCamera initial={step.choice} onBack={home} />}
      {step.k === 'scan' && <QrScan onPayload={(bytes) => void received(bytes)} onCancel={home} />}
      {step.k === 'preview' && (
        <>
          <PreviewList preview={step.preview} />
          <p class="exchange__actions">
            <button
              type="button"
              class="button--primary"
              disabled={busy}
              onClick={() => void confirm(step.bytes)}
            >
              {busy ? common('exchange.importing') : common('exchange.confirm')}
            </button>{' '}
            <button type="button" disabled={busy} onClick={home}>
              {common('exchange.cancel')}
            </button>
          </p>
        </>
      )}
      {step.k === 'imported' && (
        <>
          <p class="banner banner--info" role="status">
            {common('exchange.imported', { missions: step.missions.length })}
          </p>
          <p>{t('qr.answerHint', { name: step.sender.name })}</p>
          <p class="exchange__actions">
            <button
              type="button"
              class="button--primary"
              onClick={() =>
                setStep({ k: 'show', choice: { peer: step.sender.device, missions: step.missions } })
              }
            >
              {t('qr.answer')}
            </button>{' '}
            <button type="button" onClick={home}>
              {t('qr.back')}
            </button>
          </p>
        </>
      )}
      {message && (
        <p class="banner banner--error" role="alert">
          {message}
        </p>
      )}
    </section>
  );
}
