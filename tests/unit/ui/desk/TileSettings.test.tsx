// Settings → Map background: a tile template is kept on the device; anything else is refused and says why.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { MingaDb, setDbForTests } from '../../../../src/storage/db.ts';
import { loadTileUrl } from '../../../../src/storage/mapSettings.ts';
import { I18nContext } from '../../../../src/ui/i18n/context.tsx';
import { translator } from '../../../../src/ui/i18n/translate.ts';
import { TileSettings } from '../../../../src/ui/components/desk/TileSettings.tsx';

const { t } = translator('es');
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

function renderTiles() {
  render(
    <I18nContext.Provider value={translator('es')}>
      <TileSettings />
    </I18nContext.Provider>,
  );
  return screen.getByLabelText(t('settings.tiles.label')) as HTMLInputElement;
}

describe('TileSettings', () => {
  it('keeps a tile template, and clears it back to the default when emptied', async () => {
    const input = renderTiles();
    fireEvent.input(input, { target: { value: ' https://tiles.example.org/{z}/{x}/{y}.png ' } });
    fireEvent.click(screen.getByRole('button', { name: t('settings.tiles.save') }));
    await screen.findByRole('status');
    expect(await loadTileUrl()).toBe('https://tiles.example.org/{z}/{x}/{y}.png');
    fireEvent.input(input, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: t('settings.tiles.save') }));
    await waitFor(async () => expect(await db.settings.get('tileUrl')).toBeUndefined());
  });

  it('refuses what is not a tile template, keeping the saved one', async () => {
    await db.settings.put({ key: 'tileUrl', value: 'https://a.example.org/{z}/{x}/{y}.png' });
    const input = renderTiles();
    await waitFor(() => expect(input.value).toBe('https://a.example.org/{z}/{x}/{y}.png'));
    fireEvent.input(input, { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(screen.getByRole('button', { name: t('settings.tiles.save') }));
    expect((await screen.findByRole('alert')).textContent).toBe(t('settings.tiles.invalid'));
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(await loadTileUrl()).toBe('https://a.example.org/{z}/{x}/{y}.png');
  });

  it('ignores a stored value that is not a template (written by a broken device or an older version)', async () => {
    await db.settings.put({ key: 'tileUrl', value: { url: 'x' } });
    expect(await loadTileUrl()).toBe('');
  });
});
