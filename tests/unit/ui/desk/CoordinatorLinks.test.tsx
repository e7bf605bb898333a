// The ways to the coordinator's desk and to severity at a glance from the home screen: offered to coordinators,
// not to technicians.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { MingaDb, setDbForTests } from '../../../../src/storage/db.ts';
import type { DeviceProfile } from '../../../../src/domain/model.ts';
import { TOKEN_KEY, rememberAccountRole } from '../../../../src/sync/signedIn.ts';
import { I18nContext } from '../../../../src/ui/i18n/context.tsx';
import { translator } from '../../../../src/ui/i18n/translate.ts';
import { AppContext } from '../../../../src/ui/appContext.ts';
import { MissionListScreen } from '../../../../src/ui/screens/MissionListScreen.tsx';

const profile: DeviceProfile = { name: 'Marta', institution: 'FCCD', role: 'lead', deviceId: 'd1' };
const { t } = translator('ca');

let db: MingaDb;
beforeEach(async () => {
  db = new MingaDb(`test-${crypto.randomUUID()}`);
  setDbForTests(db);
  // Signed in: a role counts only with a token.
  await db.settings.put({ key: TOKEN_KEY, value: 'token' });
});
afterEach(() => {
  cleanup();
  db.close();
  setDbForTests(null);
});

function renderHome() {
  render(
    <I18nContext.Provider value={translator('ca')}>
      <AppContext.Provider value={{ profile, setProfile: () => {}, setLanguage: () => {} }}>
        <MissionListScreen />
      </AppContext.Provider>
    </I18nContext.Provider>,
  );
}

describe.each([
  { name: 'desk', label: 'nav.desk', href: '/desk' },
  { name: 'severity', label: 'nav.severity', href: '/severity' },
] as const)('$name link on the home screen', ({ label, href }) => {
  it('is there for a coordinator', async () => {
    await rememberAccountRole('coordinator');
    renderHome();
    const link = await screen.findByRole('link', { name: t(label) });
    expect(link.getAttribute('href')).toBe(href);
  });

  it('is not there for a technician', async () => {
    await rememberAccountRole('technician');
    renderHome();
    await screen.findByRole('link', { name: t('missions.new') });
    expect(screen.queryByRole('link', { name: t(label) })).toBeNull();
  });
});
