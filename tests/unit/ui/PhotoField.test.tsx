// The photo field when the browser keeps no photo at all (WebKit private sessions that refuse even the bytes):
// the user is told why, in their language, and no photo reference is added to the record.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { MingaError } from '../../../src/domain/errors.ts';
import type { Language } from '../../../src/domain/model.ts';
import { savePhoto } from '../../../src/storage/photos.ts';
import { PhotoField } from '../../../src/ui/components/PhotoField.tsx';
import { I18nContext } from '../../../src/ui/i18n/context.tsx';
import { translator } from '../../../src/ui/i18n/translate.ts';

// Decoding and storing need a real browser; here storing fails as it does where IndexedDB keeps no photo.
vi.mock('../../../src/storage/photos.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../src/storage/photos.ts')>()),
  savePhoto: vi.fn(),
}));

afterEach(() => {
  cleanup();
  vi.mocked(savePhoto).mockReset();
});

describe('PhotoField when the browser refuses to keep photos', () => {
  it.each<Language>(['ca', 'es', 'en'])('says so in %s and adds nothing', async (lang) => {
    const { t } = translator(lang);
    vi.mocked(savePhoto).mockRejectedValueOnce(new MingaError('photoNotStored'));
    const onAdd = vi.fn();
    render(
      <I18nContext.Provider value={translator(lang)}>
        <PhotoField photos={[]} onAdd={onAdd} onRemove={() => {}} keepLocation={null} />
      </I18nContext.Provider>,
    );
    const input = screen.getByLabelText(t('photos.choose'));
    const file = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'crack.jpg', { type: 'image/jpeg' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(t('error.photoNotStored'));
    expect(alert.textContent).not.toBe(t('error.storageFailed'));
    expect(onAdd).not.toHaveBeenCalled();
  });
});
