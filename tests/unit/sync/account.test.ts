// The sign-in keys the first screen reads, invite links, and the strings of the lazily loaded sync screens.
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/domain/model.ts';
import { apiUrl, inviteLink, tokenFromFragment } from '../../../src/sync/account.ts';
import { SERVER_KEY, TOKEN_KEY } from '../../../src/sync/signedIn.ts';
import { SYNC_SERVER_KEY, SYNC_TOKEN_KEY } from '../../../src/sync/session.ts';
import { CATALOGS } from '../../../src/ui/i18n/catalog.ts';
import { syncScreens } from '../../../src/ui/i18n/messages/syncScreens.ts';

describe('account', () => {
  it('reads the sign-in under the keys session.ts writes', () => {
    expect(TOKEN_KEY).toBe(SYNC_TOKEN_KEY);
    expect(SERVER_KEY).toBe(SYNC_SERVER_KEY);
  });

  it('puts the token in the fragment of a /join link, and reads it back', () => {
    const token = 'aB3_-x'.repeat(7);
    const link = inviteLink('https://minga.example.org/', token);
    expect(link).toBe(`https://minga.example.org/join#token=${token}`);
    expect(tokenFromFragment(new URL(link).hash)).toBe(token);
    expect(tokenFromFragment('#token=a%2Bb')).toBe('a+b');
    expect(tokenFromFragment('')).toBeNull();
    expect(tokenFromFragment('#token=')).toBeNull();
    expect(tokenFromFragment('#other=1')).toBeNull();
  });

  it('addresses the API on the app’s own server, or on the one signed in to', () => {
    expect(apiUrl('', '/api/me')).toBe('/api/me');
    expect(apiUrl('https://sync.example.org/', '/api/me')).toBe('https://sync.example.org/api/me');
  });
});

describe('sync screen strings', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  const english = Object.keys(syncScreens.en) as (keyof typeof syncScreens.en)[];

  it.each(LANGUAGES)('%s has every key, none empty, with the same placeholders', (lang) => {
    expect(Object.keys(syncScreens[lang]).sort()).toEqual([...english].sort());
    for (const key of english) {
      expect(syncScreens[lang][key].trim(), `${lang}:${key}`).toBeTruthy();
      expect(placeholders(syncScreens[lang][key]), `${lang}:${key}`).toEqual(
        placeholders(syncScreens.en[key]),
      );
    }
  });

  it('defines no key the main catalogue has', () => {
    for (const key of english) expect(Object.hasOwn(CATALOGS.en, key), key).toBe(false);
  });
});
