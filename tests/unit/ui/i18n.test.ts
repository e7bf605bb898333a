import { describe, expect, it } from 'vitest';
import { CATALOGS, CATALOG_PARTS } from '../../../src/ui/i18n/catalog.ts';
import { detectLanguage, translator } from '../../../src/ui/i18n/translate.ts';
import { LANGUAGES } from '../../../src/domain/model.ts';
import * as codes from '../../../src/domain/codes.ts';
import type { Catalog } from '../../../src/ui/i18n/define.ts';
import { reviewMessages } from '../../../src/ui/i18n/messages/review.ts';
import { syncScreens } from '../../../src/ui/i18n/messages/syncScreens.ts';
import { reportScreen } from '../../../src/ui/i18n/messages/reportScreen.ts';
import { severityMessages } from '../../../src/ui/i18n/messages/severity.ts';
import { threadMessages } from '../../../src/ui/i18n/messages/threads.ts';
import { joinInvite } from '../../../src/ui/i18n/messages/joinInvite.ts';
import { quotaMessages } from '../../../src/ui/i18n/messages/quotas.ts';
import { deskScreenMessages } from '../../../src/ui/i18n/messages/deskScreen.ts';
import { historyScreenMessages } from '../../../src/ui/i18n/messages/historyScreen.ts';
import { qrExchangeMessages } from '../../../src/ui/i18n/messages/qrExchange.ts';

// Parts that load with a lazy screen (useMessages.ts) are not merged into CATALOGS; they are held to the same rules.
const LAZY_PARTS: readonly Catalog<string>[] = [
  reviewMessages,
  syncScreens,
  reportScreen,
  severityMessages,
  threadMessages,
  joinInvite,
  quotaMessages,
  deskScreenMessages,
  historyScreenMessages,
  qrExchangeMessages,
];

/** The whole catalogue of one language: the merged first-screen parts and every lazy part. */
const everything = (lang: (typeof LANGUAGES)[number]): Record<string, string> =>
  Object.assign({}, CATALOGS[lang], ...LAZY_PARTS.map((part) => part[lang]));

// Portuguese values allowed to equal the English ones: names, codes, formats made only of placeholders, and
// words both languages share. Anything else identical to English is an untranslated string.
const SAME_IN_PORTUGUESE_AND_ENGLISH = new Set([
  'app.name',
  'settings.languageName.ca',
  'settings.languageName.es',
  'settings.languageName.en',
  'settings.languageName.pt',
  'assessments.gps.position', // "Latitude {lat}, longitude {lon}": the same words in both
  'markers.gpsShort', // "GPS", an abbreviation both languages use
  'sectorShort.cccm', // the cluster's abbreviation, used as is in every language
  'sectorShort.wash', // idem
]);

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  const english = Object.keys(CATALOGS.en);

  it.each(LANGUAGES)('%s has every key, none empty, with the same placeholders', (lang) => {
    const catalog = CATALOGS[lang] as Record<string, string>;
    expect(Object.keys(catalog).sort()).toEqual([...english].sort());
    for (const key of english) {
      expect(catalog[key]?.trim(), `${lang}:${key}`).toBeTruthy();
      expect(placeholders(catalog[key]!), `${lang}:${key}`).toEqual(placeholders(CATALOGS.en[key as never]));
    }
  });

  it.each(LANGUAGES)('%s defines every key of the parts that load with a lazy screen', (lang) => {
    for (const part of LAZY_PARTS) {
      const keys = Object.keys(part.en).sort();
      expect(Object.keys(part[lang]).sort()).toEqual(keys);
      for (const key of keys) {
        expect(part[lang][key]?.trim(), `${lang}:${key}`).toBeTruthy();
        expect(placeholders(part[lang][key]!), `${lang}:${key}`).toEqual(placeholders(part.en[key]!));
      }
    }
  });

  it('translates every Portuguese value that is not on the short list of shared words', () => {
    const en = everything('en');
    const pt = everything('pt');
    // "{name} ({pcode})" or "{value} m": no word left once the placeholders are taken out.
    const onlyPlaceholders = (text: string) => !/\p{L}{2,}/u.test(text.replace(/\{\w+\}/g, ''));
    const untranslated = Object.keys(en).filter(
      (key) => pt[key] === en[key] && !SAME_IN_PORTUGUESE_AND_ENGLISH.has(key) && !onlyPlaceholders(en[key]!),
    );
    expect(untranslated).toEqual([]);
  });

  it('defines no key in two places', () => {
    const seen = new Map<string, number>();
    CATALOG_PARTS.forEach((part, index) => {
      for (const key of Object.keys(part.en)) {
        expect(seen.get(key), key).toBeUndefined();
        seen.set(key, index);
      }
    });
  });

  it('labels every stored code', () => {
    const t = translator('ca');
    const lists: [string, readonly (string | number)[]][] = [
      ['sector', codes.SECTORS],
      ['theme', codes.THEMES],
      ['missionStatus', codes.MISSION_STATUSES],
      ['method', codes.METHODS],
      ['severity', codes.SEVERITIES],
      ['placard', codes.PLACARDS],
      ['damageGrade', codes.DAMAGE_GRADES],
      ['structure', codes.STRUCTURE_TYPES],
      ['actionStatus', codes.ACTION_STATUSES],
      ['sdg', codes.SDGS],
      ['sendai', codes.SENDAI_PRIORITIES],
      ['teamRole', codes.TEAM_ROLES],
    ];
    for (const [prefix, values] of lists) {
      for (const value of values) expect(t.code(prefix, value), `${prefix}.${value}`).not.toBe(String(value));
    }
  });
});

describe('formatting', () => {
  it('formats numbers and calendar dates for the locale', () => {
    expect(translator('es').number(35264)).toBe('35.264');
    expect(translator('en').number(35264)).toBe('35,264');
    expect(translator('ca').date('2016-04-16')).toMatch(/16.*abr.*2016/);
    expect(translator('en').date('2016-04-16')).toBe('16 Apr 2016');
    expect(translator('pt').number(35264)).toBe('35\u00a0264');
    expect(translator('pt').date('2016-04-16')).toBe('16/04/2016');
  });

  it('shows times on a 24-hour clock in every language', () => {
    const evening = new Date(2016, 3, 16, 18, 58).getTime();
    for (const lang of LANGUAGES) {
      expect(translator(lang).time(evening)).toBe('18:58');
      expect(translator(lang).dateTime(evening)).toContain('18:58');
    }
  });

  it('interpolates parameters', () => {
    expect(translator('es').t('status.savedAt', { time: '10:30' })).toBe(
      'Guardado en este dispositivo a las 10:30',
    );
  });

  it('picks the first supported language of the device', () => {
    expect(detectLanguage(['fr-FR', 'ca-ES', 'es'])).toBe('ca');
    expect(detectLanguage(['de'])).toBe('es');
    expect(detectLanguage(['pt-MZ', 'en'])).toBe('pt');
    expect(detectLanguage(['pt-BR'])).toBe('pt');
  });
});
