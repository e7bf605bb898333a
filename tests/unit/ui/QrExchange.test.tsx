// The camera exchange's two ends in the user's language: the frames shown advance 10 a second in a loop with the
// screen kept awake (released when the user stops), and a camera that cannot be opened is said, not a blank screen.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/preact';
import { QrScan } from '../../../src/ui/components/qrExchange/QrScan.tsx';
import { QrShow } from '../../../src/ui/components/qrExchange/QrShow.tsx';
import { I18nContext } from '../../../src/ui/i18n/context.tsx';
import { qrExchangeMessages } from '../../../src/ui/i18n/messages/qrExchange.ts';
import { translator } from '../../../src/ui/i18n/translate.ts';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const es = qrExchangeMessages.es;

describe('QrShow', () => {
  it('shows the frames in a loop, 10 a second, and keeps the screen awake until stopped', async () => {
    vi.useFakeTimers();
    const release = vi.fn(() => Promise.resolve());
    const request = vi.fn(() => Promise.resolve({ release }));
    vi.stubGlobal('navigator', { ...navigator, wakeLock: { request } });
    const frames = ['MQ1:ABCDEFGH:AAAA', 'MQ1:ABCDEFGH:BBBB', 'MQ1:ABCDEFGH:CCCC'];
    const view = render(
      <I18nContext.Provider value={translator('es')}>
        <QrShow frames={frames} onStop={() => undefined} />
      </I18nContext.Provider>,
    );
    const code = () => screen.getByRole('img', { name: es['qr.code'] }).getAttribute('data-frame');
    expect(code()).toBe(frames[0]);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(100);
    });
    expect(code()).toBe(frames[1]);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(200);
    });
    expect(code()).toBe(frames[0]);
    expect(request).toHaveBeenCalledWith('screen');
    expect(screen.getByRole('button', { name: es['qr.stop'] })).toBeTruthy();
    view.unmount();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(release).toHaveBeenCalled();
  });
});

describe('QrScan', () => {
  it('says so when the camera cannot be opened', async () => {
    const getUserMedia = vi.fn(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    vi.stubGlobal('navigator', { ...navigator, mediaDevices: { getUserMedia } });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    render(
      <I18nContext.Provider value={translator('es')}>
        <QrScan onPayload={() => undefined} onCancel={() => undefined} />
      </I18nContext.Provider>,
    );
    expect((await screen.findByRole('alert')).textContent).toBe(es['qr.noCamera']);
    expect(getUserMedia).toHaveBeenCalledWith(
      expect.objectContaining({
        audio: false,
        video: expect.objectContaining({ facingMode: { ideal: 'environment' } }),
      }),
    );
    expect(screen.getByRole('progressbar')).toBeTruthy();
  });
});
