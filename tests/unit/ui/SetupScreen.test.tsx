// First-run setup: the language switches the form at once, the name is required, the profile is stored.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useMemo, useState } from 'preact/hooks';
import { MingaDb, setDbForTests } from '../../../src/storage/db.ts';
import { loadProfile } from '../../../src/storage/settings.ts';
import type { DeviceProfile, Language } from '../../../src/domain/model.ts';
import { I18nContext } from '../../../src/ui/i18n/context.tsx';
import { translator } from '../../../src/ui/i18n/translate.ts';
import { AppContext } from '../../../src/ui/appContext.ts';
import { SetupScreen } from '../../../src/ui/screens/SetupScreen.tsx';

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

/** The app's own wiring, reduced: a language state that re-creates the translator. */
function Harness({ start, onProfile }: { start: Language; onProfile: (profile: DeviceProfile) => void }) {
  const [lang, setLang] = useState<Language>(start);
  const i18n = useMemo(() => translator(lang), [lang]);
  return (
    <I18nContext.Provider value={i18n}>
      <AppContext.Provider value={{ profile: null, setProfile: onProfile, setLanguage: setLang }}>
        <SetupScreen />
      </AppContext.Provider>
    </I18nContext.Provider>
  );
}

describe('SetupScreen', () => {
  it('offers each language under its own name and re-renders the form in the one chosen', () => {
    render(<Harness start="en" onProfile={() => {}} />);
    expect(screen.getByLabelText('Your name')).toBeTruthy();
    for (const name of ['Català', 'Español', 'English', 'Português'])
      expect(screen.getByRole('button', { name })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Español' }));
    expect(screen.getByLabelText('Tu nombre')).toBeTruthy();
    expect(screen.getByLabelText('Institución de origen')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Español' }).getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'Português' }));
    expect(screen.getByLabelText('O seu nome')).toBeTruthy();
    expect(screen.getByLabelText('Instituição de origem')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Català' }));
    expect(screen.getByLabelText('El teu nom')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Desa' })).toBeTruthy();
  });

  it('refuses an empty name with a message on the field, and stores nothing', async () => {
    const onProfile = vi.fn();
    render(<Harness start="es" onProfile={onProfile} />);
    fireEvent.input(screen.getByLabelText('Tu nombre'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));

    const input = screen.getByLabelText('Tu nombre');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(input.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Obligatorio.',
    );
    expect(onProfile).not.toHaveBeenCalled();
    expect(await loadProfile()).toBeNull();
  });

  it('stores the profile typed and hands it to the app', async () => {
    const onProfile = vi.fn();
    render(<Harness start="es" onProfile={onProfile} />);
    fireEvent.input(screen.getByLabelText('Tu nombre'), { target: { value: ' Anna Puig ' } });
    fireEvent.input(screen.getByLabelText('Institución de origen'), {
      target: { value: 'Ajuntament de Girona' },
    });
    fireEvent.change(screen.getByLabelText('Rol'), { target: { value: 'lead' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));

    await waitFor(() => expect(onProfile).toHaveBeenCalledTimes(1));
    const stored = await loadProfile();
    expect(stored).toMatchObject({ name: 'Anna Puig', institution: 'Ajuntament de Girona', role: 'lead' });
    expect(stored?.deviceId).toBeTruthy();
    expect(onProfile).toHaveBeenCalledWith(stored);
  });
});
