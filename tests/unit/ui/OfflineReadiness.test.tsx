// "Ready to work offline" only once every mission this device holds is on it; until then, how many are not.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { MingaDb, getDb, setDbForTests, type MissionRow } from '../../../src/storage/db.ts';
import { createStore } from '../../../src/pwa/store.ts';
import type { UpdateState } from '../../../src/pwa/updateStore.ts';
import { resetSyncStatus, setFeedProgress } from '../../../src/sync/status.ts';
import { I18nContext } from '../../../src/ui/i18n/context.tsx';
import { translator } from '../../../src/ui/i18n/translate.ts';

// The service worker's side alone is replaced: it says the app itself is cached.
const pwa = createStore<UpdateState>({
  offlineReady: true,
  needRefresh: false,
  updating: false,
  updatedElsewhere: false,
});
vi.mock('../../../src/pwa/register.ts', () => ({
  updateStore: () => ({ ...pwa, dismissOfflineReady: () => pwa.set({ offlineReady: false }) }),
}));
const { UpdatePrompt } = await import('../../../src/ui/components/UpdatePrompt.tsx');

const A = '6f1c2f0e-8a61-4d2b-9a55-0c1a8e7d3b21';
const B = '0b7f4a52-3c1d-4e8f-9a2b-5d6c7e8f9a10';

afterEach(() => {
  cleanup();
  resetSyncStatus();
  setFeedProgress(null);
});

describe('UpdatePrompt’s offline notice', () => {
  it('says how many missions are still downloading, then that the device is ready', () => {
    setFeedProgress({ ready: true, inStep: 0, held: 2, notHere: [A, B] });
    render(
      <I18nContext.Provider value={translator('en')}>
        <UpdatePrompt />
      </I18nContext.Provider>,
    );
    expect(screen.getByRole('status').textContent).toContain(
      'Not ready to work offline yet. Missions still downloading: 2',
    );
    expect(screen.queryByText('Ready to work offline.')).toBeNull();

    act(() => setFeedProgress({ ready: true, inStep: 1, held: 2, notHere: [B] }));
    expect(screen.getByRole('status').textContent).toContain('Missions still downloading: 1');

    act(() => setFeedProgress({ ready: true, inStep: 2, held: 2, notHere: [] }));
    expect(screen.getByText('Ready to work offline.')).toBeTruthy();
  });

  it('names at most five of the missions it already lists, and counts them all', async () => {
    const db = new MingaDb(`offline-${crypto.randomUUID()}`);
    setDbForTests(db);
    try {
      const ids = Array.from({ length: 7 }, () => crypto.randomUUID());
      // Six of them have a row (their content began to arrive), the seventh none yet.
      await getDb().missions.bulkPut(ids.slice(0, 6).map((id, i) => row(id, `Misión ${i}`)));
      setFeedProgress({ ready: true, inStep: 0, held: 7, notHere: ids });
      render(
        <I18nContext.Provider value={translator('en')}>
          <UpdatePrompt />
        </I18nContext.Provider>,
      );
      expect(screen.getByRole('status').textContent).toContain('Missions still downloading: 7');
      const list = await screen.findByRole('list', { name: 'Missions not yet on this device' });
      await waitFor(() => expect(list.querySelectorAll('li')).toHaveLength(5));
    } finally {
      cleanup();
      setDbForTests(null);
      await db.delete();
    }
  });
});

function row(id: string, title: string): MissionRow {
  return {
    id,
    title,
    status: 1,
    hostCanton: 'EC1320',
    themes: [],
    startDate: '2016-06-01',
    endDate: '',
    updatedAt: '2016-06-01T00:00:00Z',
    deleted: 0,
    readOnly: 0,
    searchText: title,
    counts: { assessments: 0, notes: 0, actions: 0, overdue: 0 },
    sourceKey: 0,
  };
}
