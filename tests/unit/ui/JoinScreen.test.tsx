// Opening an invite link: the token leaves the address bar at once, and only a token the server accepts is kept.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import type { DeviceProfile } from '../../../src/domain/model.ts';
import { resetSyncStatus, setConnectionState } from '../../../src/sync/status.ts';
import { AppContext } from '../../../src/ui/appContext.ts';
import { I18nContext } from '../../../src/ui/i18n/context.tsx';
import { translator } from '../../../src/ui/i18n/translate.ts';
import { JoinScreen } from '../../../src/ui/screens/JoinScreen.tsx';

const signIn = vi.hoisted(() => vi.fn<(session: { server: string; token: string }) => Promise<void>>());
vi.mock('../../../src/sync/index.ts', () => ({ signIn }));

const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  signIn.mockReset().mockResolvedValue(undefined);
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  resetSyncStatus();
  window.history.replaceState(null, '', '/');
});

const profile: DeviceProfile = { name: 'Rosa', institution: '', role: 'technician', deviceId: 'd' };

function renderAt(url: string, withProfile: DeviceProfile | null = profile) {
  window.history.replaceState(null, '', url);
  render(
    <I18nContext.Provider value={translator('es')}>
      <AppContext.Provider value={{ profile: withProfile, setProfile: () => {}, setLanguage: () => {} }}>
        <LocationProvider>
          <JoinScreen />
        </LocationProvider>
      </AppContext.Provider>
    </I18nContext.Provider>,
  );
}

function meReply(status: number, body: unknown = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('JoinScreen', () => {
  it('strips the token from the address and signs in to the server that served the app', async () => {
    fetchMock.mockResolvedValue(meReply(200, { tokenId: 't', name: 'Teléfono de Rosa', role: 'technician' }));
    renderAt('/join?via=qr#token=abc_DEF-123');

    await waitFor(() => expect(window.location.hash).toBe(''));
    expect(window.location.pathname).toBe('/join');
    expect(window.location.search).toBe('?via=qr');
    expect(window.location.href).not.toContain('abc_DEF-123');

    expect(await screen.findByText(/Sesión iniciada como Teléfono de Rosa \(Técnico\/a\)/)).toBeTruthy();
    expect(signIn).toHaveBeenCalledWith({ server: '', token: 'abc_DEF-123' });
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/me',
      expect.objectContaining({ headers: { Authorization: 'Bearer abc_DEF-123' } }),
    );
    expect(screen.getByRole('link', { name: 'Ir a las misiones' }).getAttribute('href')).toBe('/');
  });

  it('keeps nothing of a token the server refuses', async () => {
    fetchMock.mockResolvedValue(meReply(401, { error: 'unauthorized' }));
    renderAt('/join#token=revoked');
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Acceso denegado/);
    expect(signIn).not.toHaveBeenCalled();
    expect(window.location.hash).toBe('');
  });

  it('signs in offline and says it will sync later, then reports a refusal by the connection', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    renderAt('/join#token=later', null);
    expect(await screen.findByText(/se sincronizará en cuanto pueda/)).toBeTruthy();
    expect(signIn).toHaveBeenCalledWith({ server: '', token: 'later' });
    // Before the first-run setup, the way on is the setup.
    expect(screen.getByRole('link', { name: 'Continuar: di quién eres' })).toBeTruthy();

    setConnectionState('offline', 'unauthorized');
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Acceso denegado/);
  });

  it('explains a link without a token', async () => {
    renderAt('/join');
    expect(await screen.findByText(/no contiene ninguna invitación/)).toBeTruthy();
    expect(signIn).not.toHaveBeenCalled();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
