// The review section's strings, loaded with the mission screen: complete in every language, never duplicated.
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/domain/model.ts';
import { CATALOGS } from '../../../src/ui/i18n/catalog.ts';
import { reviewMessages } from '../../../src/ui/i18n/messages/review.ts';
import { syncScreens } from '../../../src/ui/i18n/messages/syncScreens.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const english = Object.keys(reviewMessages.en) as (keyof typeof reviewMessages.en)[];

describe('review strings', () => {
  it.each(LANGUAGES)('%s has every key, none empty, with the same placeholders', (lang) => {
    expect(Object.keys(reviewMessages[lang]).sort()).toEqual([...english].sort());
    for (const key of english) {
      expect(reviewMessages[lang][key].trim(), `${lang}:${key}`).toBeTruthy();
      expect(placeholders(reviewMessages[lang][key]), `${lang}:${key}`).toEqual(
        placeholders(reviewMessages.en[key]),
      );
    }
  });

  it('defines no key the main catalogue or the sync screens have', () => {
    for (const key of english) {
      expect(Object.hasOwn(CATALOGS.en, key), key).toBe(false);
      expect(Object.hasOwn(syncScreens.en, key), key).toBe(false);
    }
  });
});
