// Installing: the captured Chromium prompt behind an "Install app" button, the iOS hint, and platform checks.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { isIos } from '../../../src/pwa/platform.ts';
import { startInstallWatch } from '../../../src/pwa/install.ts';
import { MingaDb, setDbForTests } from '../../../src/storage/db.ts';
import { InstallHint } from '../../../src/ui/components/InstallHint.tsx';
import { I18nContext } from '../../../src/ui/i18n/context.tsx';
import { translator } from '../../../src/ui/i18n/translate.ts';

const IPHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

const renderHint = () =>
  render(
    <I18nContext.Provider value={translator('es')}>
      <InstallHint />
    </I18nContext.Provider>,
  );

let db: MingaDb;
let stopWatch: () => void = () => {};
beforeEach(() => {
  db = new MingaDb(`test-${crypto.randomUUID()}`);
  setDbForTests(db);
});
afterEach(() => {
  cleanup();
  stopWatch();
  vi.unstubAllGlobals();
  db.close();
  setDbForTests(null);
});

describe('install', () => {
  it('recognises iPhones and iPads (which report themselves as Macs with touch)', () => {
    expect(isIos({ userAgent: IPHONE_UA, platform: 'iPhone', maxTouchPoints: 5 })).toBe(true);
    expect(isIos({ userAgent: 'Mozilla/5.0 (Macintosh)', platform: 'MacIntel', maxTouchPoints: 5 })).toBe(
      true,
    );
    expect(isIos({ userAgent: 'Mozilla/5.0 (Macintosh)', platform: 'MacIntel', maxTouchPoints: 0 })).toBe(
      false,
    );
    expect(
      isIos({ userAgent: 'Mozilla/5.0 (Linux; Android 14)', platform: 'Linux', maxTouchPoints: 5 }),
    ).toBe(false);
  });

  it('offers "Install app" once Chromium allows it, and opens the captured dialog', async () => {
    stopWatch = startInstallWatch();
    renderHint();
    expect(screen.queryByRole('button', { name: 'Instalar la aplicación' })).toBeNull();

    const prompt = vi.fn(async () => {});
    const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt,
      userChoice: Promise.resolve({ outcome: 'accepted' as const }),
    });
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    fireEvent.click(await screen.findByRole('button', { name: 'Instalar la aplicación' }));
    await waitFor(() => expect(prompt).toHaveBeenCalledOnce());
    expect(screen.queryByRole('button', { name: 'Instalar la aplicación' })).toBeNull();
  });

  it('explains Share → Add to Home Screen on iOS until dismissed, for good', async () => {
    vi.stubGlobal('navigator', { ...navigator, userAgent: IPHONE_UA, platform: 'iPhone', maxTouchPoints: 5 });
    stopWatch = startInstallWatch();
    renderHint();
    expect(
      await screen.findByText('Instalar: toca Compartir y luego Agregar a pantalla de inicio.'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cerrar' }));
    await waitFor(() => expect(screen.queryByText(/Agregar a pantalla de inicio/)).toBeNull());
    cleanup();
    stopWatch();

    // The next visit remembers the dismissal.
    stopWatch = startInstallWatch();
    renderHint();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByText(/Agregar a pantalla de inicio/)).toBeNull();
  });
});
