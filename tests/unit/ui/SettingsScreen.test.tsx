// Settings: the profile is shown as stored, edited in place, and keeps the device id that signs records.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { MingaDb, setDbForTests } from '../../../src/storage/db.ts';
import { loadProfile, saveProfile } from '../../../src/storage/settings.ts';
import type { DeviceProfile } from '../../../src/domain/model.ts';
import { I18nContext } from '../../../src/ui/i18n/context.tsx';
import { translator } from '../../../src/ui/i18n/translate.ts';
import { AppContext } from '../../../src/ui/appContext.ts';
import { SettingsScreen } from '../../../src/ui/screens/SettingsScreen.tsx';

let db: MingaDb;
beforeEach(() => {
  db = new MingaDb(`test-${crypto.randomUUID()}`);
  setDbForTests(db);
});
afterEach(() => {
  cleanup();
  db.close();
  setDbForTests(null);
});

function renderSettings(profile: DeviceProfile, setProfile = vi.fn(), setLanguage = vi.fn()) {
  render(
    <I18nContext.Provider value={translator('ca')}>
      <AppContext.Provider value={{ profile, setProfile, setLanguage }}>
        <SettingsScreen />
      </AppContext.Provider>
    </I18nContext.Provider>,
  );
  return { setProfile, setLanguage };
}

describe('SettingsScreen', () => {
  it('edits the stored profile and keeps its device id', async () => {
    const stored = await saveProfile({
      name: 'Anna',
      institution: 'Ajuntament de Girona',
      role: 'technician',
    });
    const { setProfile } = renderSettings(stored);
    expect((screen.getByLabelText('El teu nom') as HTMLInputElement).value).toBe('Anna');

    fireEvent.input(screen.getByLabelText('El teu nom'), { target: { value: 'Anna Puig' } });
    fireEvent.click(screen.getByRole('button', { name: 'Desa' }));

    await waitFor(() => expect(setProfile).toHaveBeenCalledTimes(1));
    expect(await loadProfile()).toEqual({ ...stored, name: 'Anna Puig' });
    expect(screen.getByText('Perfil desat.')).toBeTruthy();
  });

  it('switches the interface language', () => {
    const { setLanguage } = renderSettings({ name: 'Anna', institution: '', role: 'lead', deviceId: 'd1' });
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(setLanguage).toHaveBeenCalledWith('en');
    expect(screen.getByRole('link', { name: 'Enrere' }).getAttribute('href')).toBe('/');
  });
});
