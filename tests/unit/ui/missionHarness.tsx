// Shared set-up for the mission, note, action and trash screen tests: a fresh database, a mission, the router.
import { afterEach, beforeEach, vi } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { MingaDb, setDbForTests } from '../../../src/storage/db.ts';
import { acquireMission, closeAllMissions, releaseMission } from '../../../src/storage/docStore.ts';
import { createMission } from '../../../src/storage/commands.ts';
import type { MissionId } from '../../../src/domain/ids.ts';
import type { DeviceProfile, Language } from '../../../src/domain/model.ts';
import type { MissionDraft } from '../../../src/domain/validation.ts';
import type { MissionSnapshot } from '../../../src/storage/missionView.ts';
import { I18nContext } from '../../../src/ui/i18n/context.tsx';
import { translator } from '../../../src/ui/i18n/translate.ts';
import { AppContext } from '../../../src/ui/appContext.ts';
import { routes } from '../../../src/ui/routes.ts';
import { MissionScreen } from '../../../src/ui/screens/MissionScreen.tsx';
import { ActionEditScreen, ActionScreen } from '../../../src/ui/screens/ActionScreen.tsx';
import { TrashScreen } from '../../../src/ui/screens/TrashScreen.tsx';
import type { AnyComponent } from 'preact';

export const profile: DeviceProfile = { name: 'Test', institution: '', role: 'technician', deviceId: 'd' };

export const draft: MissionDraft = {
  title: 'Misión Manta',
  torReference: 'TdR-7',
  torText: '',
  hostCanton: 'EC1308',
  themes: ['urban_planning'],
  team: [],
  startDate: '2016-05-02',
  endDate: '2016-05-14',
  remoteSupportEnd: '',
  objectives: 'Apoyar al GAD.\n<b>sin HTML</b>',
  status: 2,
  sdgs: ['11'],
  sendai: [],
};

/** A fresh database per test, and every open mission closed after it. */
export function useFreshDatabase(): void {
  let db: MingaDb;
  beforeEach(() => {
    db = new MingaDb(`test-${crypto.randomUUID()}`);
    setDbForTests(db);
  });
  afterEach(async () => {
    cleanup();
    vi.restoreAllMocks();
    await closeAllMissions();
    db.close();
    setDbForTests(null);
  });
}

export function newMission(): Promise<MissionId> {
  return createMission(draft, profile);
}

/** Runs `use` with the open mission, as the screens share it. */
export async function withMission<T>(
  id: MissionId,
  use: (mission: Awaited<ReturnType<typeof acquireMission>>) => T,
) {
  const mission = await acquireMission(id);
  try {
    return use(mission);
  } finally {
    releaseMission(id);
  }
}

export function snapshotOf(id: MissionId): Promise<MissionSnapshot> {
  return withMission(id, (mission) => mission.view.snapshot());
}

/** Renders the app's mission routes at `url`; `extra` adds a screen owned elsewhere (the note screen). */
export function renderAt(
  url: string,
  lang: Language = 'es',
  extra?: { path: string; component: AnyComponent },
) {
  history.replaceState(null, '', url);
  return render(
    <I18nContext.Provider value={translator(lang)}>
      <AppContext.Provider value={{ profile, setProfile: () => {}, setLanguage: () => {} }}>
        <LocationProvider>
          <Router>
            <Route path={routes.trash} component={TrashScreen} />
            <Route path={routes.mission} component={MissionScreen} />
            <Route path={routes.action} component={ActionScreen} />
            <Route path={routes.actionEdit} component={ActionEditScreen} />
            {extra ? (
              <Route path={extra.path} component={extra.component} />
            ) : (
              <Route default component={Empty} />
            )}
          </Router>
        </LocationProvider>
      </AppContext.Provider>
    </I18nContext.Provider>,
  );
}

function Empty() {
  return null;
}
