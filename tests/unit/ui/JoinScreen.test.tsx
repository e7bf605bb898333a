// Opening an invite link: the token leaves the address bar at once, the screen says who the link signs in as and
// asks, and switching away from an account with unsent work is refused.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import type { DeviceProfile } from '../../../src/domain/model.ts';
import { getDb } from '../../../src/storage/db.ts';
import { resetSyncStatus } from '../../../src/sync/status.ts';
import { AppContext } from '../../../src/ui/appContext.ts';
import { I18nContext } from '../../../src/ui/i18n/context.tsx';
import { translator } from '../../../src/ui/i18n/translate.ts';
import { JoinScreen } from '../../../src/ui/screens/JoinScreen.tsx';

const session = vi.hoisted(() => ({
  signIn: vi.fn<(session: { server: string; token: string }) => Promise<void>>(),
  signOut: vi.fn<(options?: { removeData?: boolean }) => Promise<{ ok: true }>>(),
  checkSignOutRemoval: vi.fn<() => Promise<unknown>>(),
}));
vi.mock('../../../src/sync/session.ts', () => session);
const openFresh = vi.hoisted(() => vi.fn<(path: string) => void>());
vi.mock('../../../src/ui/screens/joinCarry.ts', async (original) => ({
  ...(await original<typeof import('../../../src/ui/screens/joinCarry.ts')>()),
  openFresh,
}));

const people: Record<string, { tokenId: string; name: string; role: string }> = {
  'ana-token': { tokenId: 'id-ana', name: 'Ana', role: 'technician' },
  'bea-token': { tokenId: 'id-bea', name: 'Bea', role: 'observer' },
};

const fetchMock = vi.fn<typeof fetch>();
function answerFor(init: RequestInit | undefined): Response {
  const auth = (init?.headers as Record<string, string> | undefined)?.Authorization ?? '';
  const me = people[auth.replace('Bearer ', '')];
  const [status, body] = me ? [200, me] : [401, { error: 'unauthorized' }];
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const nothingWaiting = { notOnServer: 0, notBackedUp: 0, documents: [], photos: 0, removable: true };

beforeEach(async () => {
  openFresh.mockReset();
  session.signIn.mockReset().mockResolvedValue(undefined);
  session.signOut.mockReset().mockResolvedValue({ ok: true });
  session.checkSignOutRemoval.mockReset().mockResolvedValue(null);
  fetchMock.mockReset().mockImplementation(async (_url, init) => answerFor(init));
  vi.stubGlobal('fetch', fetchMock);
  await getDb().settings.clear();
  sessionStorage.clear();
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

async function signedInAs(token: string) {
  await getDb().settings.bulkPut([
    { key: 'syncServer', value: '' },
    { key: 'syncToken', value: token },
  ]);
}

describe('JoinScreen', () => {
  it('strips the token from the address and signs in only once asked to', async () => {
    renderAt('/join?via=qr#token=bea-token');
    expect(window.location.hash).toBe('');
    expect(window.location.pathname).toBe('/join');
    expect(window.location.search).toBe('?via=qr');
    expect(window.location.href).not.toContain('bea-token');

    expect(
      await screen.findByText('Este enlace inicia sesión en este dispositivo como Bea (Observador/a).'),
    ).toBeTruthy();
    expect(session.signIn).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Iniciar sesión' }));
    expect(await screen.findByText(/Sesión iniciada como Bea/)).toBeTruthy();
    expect(session.signIn).toHaveBeenCalledWith({ server: '', token: 'bea-token' });
    expect(screen.getByRole('link', { name: 'Ir a las misiones' }).getAttribute('href')).toBe('/');
  });

  it('changes nothing when cancelled', async () => {
    renderAt('/join#token=bea-token', null);
    fireEvent.click(await screen.findByRole('button', { name: 'Cancelar' }));
    expect(await screen.findByText('No se ha cambiado nada.')).toBeTruthy();
    expect(session.signIn).not.toHaveBeenCalled();
    expect(screen.getByRole('link', { name: 'Continuar: di quién eres' })).toBeTruthy();
  });

  it('keeps nothing of a token the server refuses', async () => {
    renderAt('/join#token=revoked');
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Acceso denegado/);
    expect(session.signIn).not.toHaveBeenCalled();
    expect(window.location.hash).toBe('');
  });

  it('decides nothing while the server cannot be asked, and asks again on request', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    renderAt('/join#token=bea-token');
    expect((await screen.findByRole('alert')).textContent).toMatch(/^No se puede comprobar la invitación/);
    expect(session.signIn).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Volver a intentarlo' }));
    expect(await screen.findByRole('button', { name: 'Iniciar sesión' })).toBeTruthy();
  });

  it('explains a link without a token', async () => {
    renderAt('/join');
    expect(await screen.findByText(/no contiene ninguna invitación/)).toBeTruthy();
    expect(session.signIn).not.toHaveBeenCalled();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('says so when the link is the device’s own sign-in', async () => {
    await signedInAs('bea-token');
    renderAt('/join#token=bea-token');
    expect(await screen.findByText(/ya ha iniciado sesión como Bea/)).toBeTruthy();
    expect(session.signIn).not.toHaveBeenCalled();
  });

  it('refuses to switch away from an account whose changes have not reached the server', async () => {
    await signedInAs('ana-token');
    session.checkSignOutRemoval.mockResolvedValue({
      ...nothingWaiting,
      notOnServer: 3,
      photos: 1,
      removable: false,
    });
    renderAt('/join#token=bea-token');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/No se puede cambiar de cuenta/);
    expect(alert.textContent).toMatch(/3 cambios aún no han llegado al servidor/);
    expect(screen.getByText('Sesión actual en este dispositivo: Ana (Técnico/a).')).toBeTruthy();
    expect(screen.getByText('Este enlace: Bea (Observador/a).')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Borrar e iniciar sesión/ })).toBeNull();
    expect(session.signIn).not.toHaveBeenCalled();
    expect(session.signOut).not.toHaveBeenCalled();
    expect((await getDb().settings.get('syncToken'))?.value).toBe('ana-token');
  });

  it('switches after an explicit confirmation, removing the previous account first', async () => {
    await signedInAs('ana-token');
    session.checkSignOutRemoval.mockResolvedValue(nothingWaiting);
    renderAt('/join#token=bea-token');
    fireEvent.click(await screen.findByRole('button', { name: 'Borrar e iniciar sesión como Bea' }));
    await waitFor(() => expect(openFresh).toHaveBeenCalledWith('/join'));
    expect(session.signOut).toHaveBeenCalledWith({ removeData: true });
    expect(session.signIn).not.toHaveBeenCalled();
    cleanup();

    // The fresh page signs in as confirmed, without asking again.
    await getDb().settings.clear();
    renderAt('/join');
    expect(await screen.findByText(/Sesión iniciada como Bea/)).toBeTruthy();
    expect(session.signIn).toHaveBeenCalledWith({ server: '', token: 'bea-token' });
  });
});
