// The sync panel's notice of photos the server's quota holds back: which quota, in the user's language.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/preact';
import { setPhotoQuota } from '../../../src/sync/photoQuota.ts';
import { PhotoQuotaNotice } from '../../../src/ui/components/PhotoQuotaNotice.tsx';
import { I18nContext } from '../../../src/ui/i18n/context.tsx';
import { translator } from '../../../src/ui/i18n/translate.ts';

afterEach(() => {
  cleanup();
  setPhotoQuota(null);
});

describe('PhotoQuotaNotice', () => {
  it('says nothing until a quota holds photos back, then which one, and clears', () => {
    render(
      <I18nContext.Provider value={translator('ca')}>
        <PhotoQuotaNotice />
      </I18nContext.Provider>,
    );
    expect(screen.queryByRole('status')).toBeNull();
    act(() => setPhotoQuota('quota_token_bytes'));
    expect(screen.getByRole('status').textContent).toMatch(/^Algunes fotos estan en espera: aquest compte/);
    act(() => setPhotoQuota('quota_mission_bytes'));
    expect(screen.getByRole('status').textContent).toMatch(/una missió ha arribat/);
    act(() => setPhotoQuota(null));
    expect(screen.queryByRole('status')).toBeNull();
  });
});
