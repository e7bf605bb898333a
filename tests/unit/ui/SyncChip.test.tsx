// The sync status in words: the status bar chip and a mission's header line, in the interface language.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/preact';
import { resetSyncStatus, setConnectionState, updateDocState } from '../../../src/sync/status.ts';
import { I18nContext } from '../../../src/ui/i18n/context.tsx';
import { translator } from '../../../src/ui/i18n/translate.ts';
import { SyncChip } from '../../../src/ui/components/SyncChip.tsx';
import { MissionSyncStatus } from '../../../src/ui/components/mission/MissionSyncStatus.tsx';
import { syncedWhen } from '../../../src/ui/components/syncLabels.ts';

const MISSION = '6f1c2f0e-8a61-4d2b-9a55-0c1a8e7d3b21';

afterEach(() => {
  cleanup();
  resetSyncStatus();
});

function renderChip() {
  render(
    <I18nContext.Provider value={translator('es')}>
      <SyncChip />
      <MissionSyncStatus missionId={MISSION} />
    </I18nContext.Provider>,
  );
}

const chip = () => document.querySelector('.sync-chip')?.textContent;

describe('SyncChip and MissionSyncStatus', () => {
  it('show nothing on a device that is not signed in', () => {
    renderChip();
    expect(document.querySelector('.sync-chip')).toBeNull();
    expect(document.querySelector('.mission-sync')).toBeNull();
  });

  it('follow the connection through every state', () => {
    renderChip();
    act(() => setConnectionState('connecting'));
    expect(chip()).toBe('Conectando…');

    act(() => {
      setConnectionState('connected');
      updateDocState(`mission:${MISSION}`, { open: true, confirmed: false, pending: 3 });
    });
    expect(chip()).toBe('Sincronizando (3)');
    expect(screen.getByText('Sincronización: Sincronizando (3)')).toBeTruthy();

    const at = Date.now();
    act(() => updateDocState(`mission:${MISSION}`, { confirmed: true, pending: 0, lastSyncedAt: at }));
    expect(chip()).toBe(`Al día (a las ${translator('es').time(at)})`);

    act(() => {
      setConnectionState('offline');
      updateDocState(`mission:${MISSION}`, { open: false, confirmed: false, pending: 4 });
    });
    expect(chip()).toBe('4 cambios aún no están en el servidor');
    act(() => updateDocState(`mission:${MISSION}`, { pending: 1 }));
    expect(chip()).toBe('1 cambio aún no está en el servidor');

    act(() => setConnectionState('offline', 'unauthorized'));
    expect(chip()).toBe('Acceso denegado');
  });

  it('gives a mission refused by the server its reason', () => {
    renderChip();
    act(() => {
      setConnectionState('connected');
      updateDocState(`mission:${MISSION}`, { open: true, refused: 'forbidden' });
    });
    expect(screen.getByText('Sincronización: Acceso denegado')).toBeTruthy();
    expect(screen.getByText(/denegó a este dispositivo el acceso a esta misión/)).toBeTruthy();
  });

  it('dates a confirmation from another day instead of giving only its time', () => {
    const i18n = translator('en');
    const now = new Date(2026, 10, 22, 9, 0).getTime();
    const earlierToday = new Date(2026, 10, 22, 7, 30).getTime();
    const lastWeek = new Date(2026, 10, 15, 7, 30).getTime();
    expect(syncedWhen(earlierToday, i18n, now)).toBe(i18n.time(earlierToday));
    expect(syncedWhen(lastWeek, i18n, now)).toBe(i18n.dateTime(lastWeek));
  });
});
