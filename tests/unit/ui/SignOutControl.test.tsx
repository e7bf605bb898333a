// Signing out on a shared phone: keeping the data is always possible; removing it is refused while work would be
// lost, until a backup holds the changes, and asks once before deleting.
import { Blob as NodeBlob } from 'node:buffer';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { missionDocName, type MissionId } from '../../../src/domain/ids.ts';
import type { PhotoRef } from '../../../src/domain/model.ts';
import { createRecord } from '../../../src/storage/commands.ts';
import { getDb } from '../../../src/storage/db.ts';
import { sha256Hex, storePhoto } from '../../../src/storage/photos.ts';
import { SYNC_SERVER_KEY, SYNC_TOKEN_KEY } from '../../../src/sync/session.ts';
import { resetSyncStatus } from '../../../src/sync/status.ts';
import { saveServerState } from '../../../src/sync/syncState.ts';
import { SignOutControl } from '../../../src/ui/components/SignOutControl.tsx';
import { I18nContext } from '../../../src/ui/i18n/context.tsx';
import { translator } from '../../../src/ui/i18n/translate.ts';
import { newMission, profile, useFreshDatabase, withMission } from './missionHarness.tsx';

useFreshDatabase();

const KEEP = 'Cerrar sesión y conservar los datos en este teléfono';
const REMOVE = 'Cerrar sesión y borrar los datos de Minga de este teléfono';
const BACK_UP = 'Hacer una copia de todo';
const REMOVE_ANYWAY = 'Borrar de todos modos';

let saved: Blob | null = null;

/** Backs up by download (happy-dom cannot save files itself), then chooses the saved file back. */
async function backUp(): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name: BACK_UP }));
  const pick = await screen.findByLabelText('El archivo de la copia guardada');
  const file = new File([new Uint8Array(await saved!.arrayBuffer())], 'minga-backup.minga.zip');
  fireEvent.change(pick, { target: { files: [file] } });
}

let confirm: ReturnType<typeof vi.fn<(message?: string) => boolean>>;
beforeEach(() => {
  confirm = vi.fn<(message?: string) => boolean>(() => true);
  vi.stubGlobal('confirm', confirm);
  saved = null;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    saved = blob as Blob;
    return 'blob:backup';
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  resetSyncStatus();
});

async function signIn(): Promise<void> {
  await getDb().settings.bulkPut([
    { key: SYNC_SERVER_KEY, value: '' },
    { key: SYNC_TOKEN_KEY, value: 'secret-token' },
  ]);
}

/** The server (the page's origin, as an invite link leaves it) confirms everything the mission holds now. */
async function serverConfirms(id: MissionId): Promise<void> {
  await saveServerState({
    name: missionDocName(id),
    server: window.location.origin,
    serverStateVector: await withMission(id, (mission) => Y.encodeStateVector(mission.doc)),
    lastSyncedAt: Date.now(),
  });
}

async function notePhotoNotUploaded(id: MissionId): Promise<void> {
  const bytes = crypto.getRandomValues(new Uint8Array(256));
  const ref: PhotoRef = {
    sha256: await sha256Hex(bytes),
    mime: 'image/jpeg',
    bytes: bytes.length,
    width: 8,
    height: 6,
    takenAt: new Date().toISOString(),
    location: null,
  };
  await storePhoto(getDb(), new NodeBlob([bytes], { type: ref.mime }) as unknown as Blob, ref);
  await withMission(id, async (mission) => {
    createRecord(mission, 'note', { text: 'Grieta en la pared', photos: [ref] }, profile);
    await mission.writer.whenIdle();
  });
}

async function ourDatabases(): Promise<string[]> {
  const name = getDb().name;
  return (await indexedDB.databases())
    .map((info) => info.name ?? '')
    .filter((listed) => listed === name || listed.startsWith('mission:'));
}

function renderControl() {
  const signedOut = vi.fn();
  const removed = vi.fn();
  render(
    <I18nContext.Provider value={translator('es')}>
      <SignOutControl onSignedOut={signedOut} onRemoved={removed} />
    </I18nContext.Provider>,
  );
  return { signedOut, removed };
}

describe('SignOutControl', () => {
  it('signs out keeping the data even while changes have not reached the server', async () => {
    const missionId = await newMission();
    await signIn();
    const { signedOut, removed } = renderControl();
    fireEvent.click(await screen.findByRole('button', { name: KEEP }));

    await waitFor(() => expect(signedOut).toHaveBeenCalledTimes(1));
    expect(removed).not.toHaveBeenCalled();
    expect(confirm).not.toHaveBeenCalled();
    expect(await getDb().settings.get(SYNC_TOKEN_KEY)).toBeUndefined();
    expect(await getDb().missions.get(missionId)).toBeTruthy();
  });

  it('refuses to remove unsynced changes, then removes them once a backup holds them, after one question', async () => {
    const missionId = await newMission();
    await signIn();
    const { removed } = renderControl();
    expect(screen.getByRole('button', { name: REMOVE }).className).toContain('button--danger');
    fireEvent.click(screen.getByRole('button', { name: REMOVE }));

    const refusal = await screen.findByRole('alert');
    expect(refusal.textContent).toContain('Aún no se pueden borrar los datos de Minga de este teléfono');
    expect(refusal.textContent).toContain('1 cambio aún no ha llegado al servidor.');
    expect(screen.queryByRole('button', { name: REMOVE_ANYWAY })).toBeNull();
    expect(confirm).not.toHaveBeenCalled();
    expect((await getDb().settings.get(SYNC_TOKEN_KEY))?.value).toBe('secret-token');

    fireEvent.click(screen.getByRole('button', { name: BACK_UP }));
    await screen.findByLabelText('El archivo de la copia guardada');
    expect(URL.createObjectURL).toHaveBeenCalledTimes(1);
    // Downloaded, not yet chosen back: still refused.
    expect(screen.queryByRole('button', { name: REMOVE_ANYWAY })).toBeNull();
    const file = new File([new Uint8Array(await saved!.arrayBuffer())], 'minga-backup.minga.zip');
    fireEvent.change(screen.getByLabelText('El archivo de la copia guardada'), { target: { files: [file] } });
    expect(
      await screen.findByText(
        '1 cambio aún no ha llegado al servidor; está en la copia de seguridad que has exportado.',
      ),
    ).toBeTruthy();

    // The one question; answering no changes nothing.
    confirm.mockReturnValueOnce(false);
    fireEvent.click(screen.getByRole('button', { name: REMOVE_ANYWAY }));
    expect(confirm).toHaveBeenCalledWith(expect.stringMatching(/solo quedarán en la copia de seguridad/));
    expect(await getDb().missions.get(missionId)).toBeTruthy();
    expect(removed).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: REMOVE_ANYWAY }));
    await waitFor(() => expect(removed).toHaveBeenCalledTimes(1), { timeout: 5000 });
    expect(await ourDatabases()).toEqual([]);
  });

  it('removes at once, after one question, when the server has everything', async () => {
    const missionId = await newMission();
    await serverConfirms(missionId);
    await signIn();
    const { removed, signedOut } = renderControl();
    fireEvent.click(screen.getByRole('button', { name: REMOVE }));

    await waitFor(() => expect(removed).toHaveBeenCalledTimes(1), { timeout: 5000 });
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(confirm).toHaveBeenCalledWith(
      expect.stringMatching(/^¿Borrar de este teléfono todas las misiones/),
    );
    expect(signedOut).not.toHaveBeenCalled();
    expect(await ourDatabases()).toEqual([]);
  });

  it('refuses while a photo is not uploaded until a checked backup holds it', async () => {
    const missionId = await newMission();
    await notePhotoNotUploaded(missionId);
    await serverConfirms(missionId);
    await signIn();
    const { removed } = renderControl();
    fireEvent.click(screen.getByRole('button', { name: REMOVE }));

    expect((await screen.findByRole('alert')).textContent).toContain(
      '1 foto aún no se ha subido al servidor ni está en una copia comprobada.',
    );
    expect(screen.queryByRole('button', { name: REMOVE_ANYWAY })).toBeNull();
    await backUp();
    expect(await screen.findByRole('button', { name: REMOVE_ANYWAY })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).not.toContain('1 foto aún no se ha subido');

    fireEvent.click(screen.getByRole('button', { name: 'Cancelar' }));
    expect(await screen.findByRole('button', { name: REMOVE })).toBeTruthy();
    expect(removed).not.toHaveBeenCalled();
    expect(await getDb().missions.get(missionId)).toBeTruthy();
  });
});
