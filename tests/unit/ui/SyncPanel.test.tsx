// Settings → Sync: the server and account, signing out, and a coordinator inviting a device.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { getDb } from '../../../src/storage/db.ts';
import { SYNC_SERVER_KEY, SYNC_TOKEN_KEY } from '../../../src/sync/session.ts';
import { resetSyncStatus } from '../../../src/sync/status.ts';
import { I18nContext } from '../../../src/ui/i18n/context.tsx';
import { translator } from '../../../src/ui/i18n/translate.ts';
import { SyncPanel } from '../../../src/ui/components/SyncPanel.tsx';
import { newMission, useFreshDatabase } from './missionHarness.tsx';

useFreshDatabase();

const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  resetSyncStatus();
});

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

async function signedIn(role: 'coordinator' | 'technician'): Promise<void> {
  await getDb().settings.bulkPut([
    { key: SYNC_SERVER_KEY, value: '' },
    { key: SYNC_TOKEN_KEY, value: 'secret-token' },
  ]);
  fetchMock.mockImplementation(async (url) =>
    String(url) === '/api/me' ? json(200, { tokenId: 't1', name: 'Rosa', role }) : json(404, {}),
  );
}

function renderPanel() {
  render(
    <I18nContext.Provider value={translator('es')}>
      <SyncPanel />
    </I18nContext.Provider>,
  );
}

describe('SyncPanel', () => {
  it('says when this device is not signed in', async () => {
    renderPanel();
    expect(await screen.findByText(/no ha iniciado sesión en un servidor/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Cerrar sesión/ })).toBeNull();
  });

  it('shows the server and the account the server knows', async () => {
    await signedIn('technician');
    renderPanel();
    expect(await screen.findByText('Rosa (Técnico/a)')).toBeTruthy();
    expect(screen.getByTestId('sync-server').textContent).toBe(window.location.origin);
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/me',
      expect.objectContaining({ headers: { Authorization: 'Bearer secret-token' } }),
    );
    // Only a coordinator is offered invitations.
    expect(screen.queryByRole('button', { name: 'Invitar un dispositivo…' })).toBeNull();
  });

  it('signs out keeping every mission on the device, and says so', async () => {
    const missionId = await newMission();
    await signedIn('technician');
    renderPanel();
    fireEvent.click(
      await screen.findByRole('button', { name: 'Cerrar sesión y conservar los datos en este teléfono' }),
    );

    expect(await screen.findByText(/ha cerrado la sesión/)).toBeTruthy();
    expect(await getDb().settings.get(SYNC_TOKEN_KEY)).toBeUndefined();
    expect(await getDb().missions.get(missionId)).toBeTruthy();
  });

  it('lets a coordinator invite a device and shows the link and its QR code', async () => {
    const missionId = await newMission();
    await signedIn('coordinator');
    fetchMock.mockImplementation(async (url, init) => {
      if (String(url) === '/api/me') return json(200, { tokenId: 't1', name: 'Ana', role: 'coordinator' });
      if (String(url) === '/api/invites' && init?.method === 'POST')
        return json(201, { token: 'new-token', id: 'id-1' });
      return json(404, {});
    });
    renderPanel();
    fireEvent.click(await screen.findByRole('button', { name: 'Invitar un dispositivo…' }));

    // Nothing is sent without a name.
    fireEvent.click(await screen.findByRole('button', { name: 'Crear invitación' }));
    expect(await screen.findByText('Obligatorio.')).toBeTruthy();
    expect(fetchMock.mock.calls.some(([url]) => String(url) === '/api/invites')).toBe(false);

    fireEvent.change(screen.getByLabelText('Rol'), { target: { value: 'observer' } });
    fireEvent.input(screen.getByLabelText('Nombre de la persona o del dispositivo'), {
      target: { value: 'Teléfono de Luis' },
    });
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Misión Manta' }));
    fireEvent.click(screen.getByRole('button', { name: 'Crear invitación' }));

    const linkField = (await screen.findByLabelText('Enlace de invitación')) as HTMLInputElement;
    expect(linkField.value).toBe(`${window.location.origin}/join#token=new-token`);
    const sent = fetchMock.mock.calls.find(([url]) => String(url) === '/api/invites');
    expect(JSON.parse(String(sent?.[1]?.body))).toEqual({
      role: 'observer',
      name: 'Teléfono de Luis',
      missions: [missionId],
    });
    const qr = screen.getByRole('img', { name: 'Código QR del enlace de invitación' }) as HTMLImageElement;
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
  });

  it('tells a coordinator when the server cannot be reached for an invitation', async () => {
    await signedIn('coordinator');
    fetchMock.mockImplementation(async (url) => {
      if (String(url) === '/api/me') return json(200, { tokenId: 't1', name: 'Ana', role: 'coordinator' });
      throw new TypeError('Failed to fetch');
    });
    renderPanel();
    fireEvent.click(await screen.findByRole('button', { name: 'Invitar un dispositivo…' }));
    fireEvent.input(await screen.findByLabelText('Nombre de la persona o del dispositivo'), {
      target: { value: 'X' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Crear invitación' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/No se puede llegar/));
  });
});
