// The storage panel in Spanish: persistence state, usage, the 80 % warning, refusal advice and the backup.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { I18nContext } from '../../../src/ui/i18n/context.tsx';
import { translator } from '../../../src/ui/i18n/translate.ts';
import { StoragePanel } from '../../../src/ui/components/StoragePanel.tsx';
import { MingaDb, setDbForTests } from '../../../src/storage/db.ts';
import { LAST_BACKUP_KEY } from '../../../src/storage/backupStatus.ts';
import { closeAllMissions } from '../../../src/storage/docStore.ts';
import { createMission } from '../../../src/storage/commands.ts';
import { draft, profile } from '../ui/missionHarness.tsx';

function stubStorage(persisted: boolean, usage: number, quota: number) {
  const storage = {
    persisted: async () => persisted,
    persist: vi.fn(async () => false),
    estimate: async () => ({ usage, quota }),
  };
  vi.stubGlobal('navigator', { ...navigator, storage });
  return storage;
}

const renderPanel = () =>
  render(
    <I18nContext.Provider value={translator('es')}>
      <StoragePanel />
    </I18nContext.Provider>,
  );

let db: MingaDb;
beforeEach(() => {
  db = new MingaDb(`test-${crypto.randomUUID()}`);
  setDbForTests(db);
  URL.createObjectURL = vi.fn(() => 'blob:backup');
  URL.revokeObjectURL = vi.fn();
});
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await closeAllMissions();
  db.close();
  setDbForTests(null);
});

describe('StoragePanel', () => {
  it('shows persistence, usage with its share, the 80 % warning and what to do when not persistent', async () => {
    const storage = stubStorage(false, 850_000_000, 1_000_000_000);
    renderPanel();
    expect(await screen.findByText('Almacenamiento persistente')).toBeTruthy();
    expect((await screen.findByTestId('storage-persisted')).textContent).toBe('No');
    expect(screen.getByTestId('storage-usage').textContent).toMatch(/850\s?MB de 1\s?GB \(85\s?%\)/);
    expect(screen.getByRole('alert').textContent).toMatch(/lleno al 85\s?%/);
    expect(screen.getByText(/Instala la aplicación/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Pedir almacenamiento persistente' }));
    await waitFor(() => expect(storage.persist).toHaveBeenCalled());
    expect(await screen.findByText(/El navegador rechazó el almacenamiento persistente/)).toBeTruthy();
  });

  it('says yes, without warnings, when storage is persistent and mostly free', async () => {
    stubStorage(true, 2_000_000, 1_000_000_000);
    renderPanel();
    await waitFor(() => expect(screen.getByTestId('storage-persisted').textContent).toBe('Sí'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText(/El navegador no borrará los datos/)).toBeTruthy();
    expect(screen.getByTestId('app-version').textContent).toMatch(/^Minga versión \S+/);
  });

  it('backs up by download, counting the backup only once the saved file is chosen back and checked', async () => {
    stubStorage(true, 0, 1);
    await createMission(draft, profile);
    let saved: Blob | null = null;
    URL.createObjectURL = vi.fn((blob: Blob) => {
      saved = blob;
      return 'blob:backup';
    });
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.download);
    });
    renderPanel();
    expect(
      await screen.findByText('Todavía no se ha exportado ninguna copia desde este dispositivo.'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Hacer una copia de todo' }));
    const pick = await screen.findByLabelText('El archivo de la copia guardada');
    expect(clicked).toHaveLength(1);
    expect(clicked[0]).toMatch(/^minga-backup-\d{4}-\d{2}-\d{2}-\d{4}\.minga\.zip$/);
    // Downloaded is not saved: nothing counts yet.
    expect(await db.settings.get(LAST_BACKUP_KEY)).toBeUndefined();

    const bytes = new Uint8Array(await saved!.arrayBuffer());
    fireEvent.change(pick, {
      target: { files: [new File([bytes], clicked[0]!, { type: 'application/zip' })] },
    });
    expect(
      await screen.findByText(/^Copia comprobada: minga-backup-.* contiene 1 misiones y 0 fotos\.$/),
    ).toBeTruthy();
    expect((await db.settings.get(LAST_BACKUP_KEY))?.value).toEqual(expect.any(String));
    expect(await screen.findByText(/^Última copia:/)).toBeTruthy();
    click.mockRestore();
  });
});
