// Finds text on screen that is not in one language's catalogue: every visible text node and every aria-label,
// placeholder, title and alt must be a catalogue value (with its placeholders filled), data the user typed, or
// something no language translates (numbers, dates, P-codes, the app's name).
import type { Page } from 'playwright-core';
import type { Language } from '../../../src/domain/model.ts';
import { CATALOGS } from '../../../src/ui/i18n/catalog.ts';
import { reviewMessages } from '../../../src/ui/i18n/messages/review.ts';
import { syncScreens } from '../../../src/ui/i18n/messages/syncScreens.ts';
import { reportScreen } from '../../../src/ui/i18n/messages/reportScreen.ts';
import { severityMessages } from '../../../src/ui/i18n/messages/severity.ts';
import { deskScreenMessages } from '../../../src/ui/i18n/messages/deskScreen.ts';
import { historyScreenMessages } from '../../../src/ui/i18n/messages/historyScreen.ts';
import { qrExchangeMessages } from '../../../src/ui/i18n/messages/qrExchange.ts';
import { CANTONS } from '../../../src/domain/codes.ts';

const catalogue = (lang: Language): Record<string, string> => ({
  ...CATALOGS[lang],
  ...syncScreens[lang],
  ...reviewMessages[lang],
  ...reportScreen[lang],
  ...severityMessages[lang],
  ...deskScreenMessages[lang],
  ...historyScreenMessages[lang],
  ...qrExchangeMessages[lang],
});

// Nothing any language writes differently: numbers, dates, times, sizes, P-codes, punctuation alone.
const UNTRANSLATED: readonly RegExp[] = [
  /^[\d\s.,:/+\-–—−%()±·×…←→↑↓]+$/u,
  /^[\d\s.,]+\s?(B|kB|MB|GB)$/u,
  /^EC\d{2,6}$/u,
  /^Minga$/u,
  /^v?\d+\.\d+\.\d+\S*$/u,
];

interface Template {
  key: string;
  pattern: RegExp;
  /** Made of placeholders and punctuation only ("{name}, {time}"): what fills them must pass the check too. */
  bare: boolean;
}

function templates(messages: Record<string, string>): Template[] {
  return Object.entries(messages).map(([key, text]) => {
    const parts = text.split(/\{\w+\}/g).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return {
      key,
      pattern: new RegExp(`^${parts.join('(.+?)')}$`, 'su'),
      bare: !/\p{L}{2,}/u.test(text.replace(/\{\w+\}/g, '')),
    };
  });
}

export interface Finding {
  text: string;
  where: string;
  /** Languages whose catalogue holds this text, to tell a missing translation from stray text. */
  foundIn: Language[];
}

/** Checks what one page shows against `lang`'s catalogue; `typed` is the data the user entered. */
export class CatalogueCheck {
  private readonly own: Template[];
  private readonly others: [Language, Set<string>][];
  private readonly data: Set<string>;

  constructor(lang: Language, typed: readonly string[]) {
    this.own = templates(catalogue(lang));
    const all: Language[] = ['ca', 'es', 'en', 'pt'];
    this.others = all
      .filter((other) => other !== lang)
      .map((other) => [other, new Set(Object.values(catalogue(other)))]);
    this.data = new Set([...typed, ...CANTONS.map((canton) => canton.name)]);
  }

  allowed(text: string, depth = 0): boolean {
    if (this.data.has(text) || UNTRANSLATED.some((pattern) => pattern.test(text))) return true;
    if (depth > 2) return false;
    return this.own.some((template) => {
      const match = template.pattern.exec(text);
      if (!match) return false;
      // A value with words of its own is this language's; a bare one is only as good as what fills it.
      return !template.bare || match.slice(1).every((part) => this.allowed(part.trim(), depth + 1));
    });
  }

  /** Every text the page shows now that is not allowed, with where it was seen. */
  async findings(page: Page): Promise<Finding[]> {
    const shown = await visibleTexts(page);
    return shown
      .filter(({ text }) => !this.allowed(text))
      .map(({ text, where }) => ({
        text,
        where,
        foundIn: this.others.filter(([, values]) => values.has(text)).map(([other]) => other),
      }));
  }
}

/** Text nodes rendered on screen (options of a select included) and the attributes read aloud or shown. */
function visibleTexts(page: Page): Promise<{ text: string; where: string }[]> {
  return page.evaluate(() => {
    const found: { text: string; where: string }[] = [];
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${
        element.classList.length ? `.${[...element.classList].join('.')}` : ''
      }`;
    const shown = (element: Element) =>
      element.closest('option, optgroup') !== null || element.checkVisibility({ visibilityProperty: true });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.replace(/\s+/g, ' ').trim();
      if (!parent || !text || parent.closest('script, style, noscript')) continue;
      if (shown(parent)) found.push({ text, where: describe(parent) });
    }
    for (const element of document.body.querySelectorAll('[aria-label], [placeholder], [title], img[alt]')) {
      if (!shown(element)) continue;
      for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
        const text = element.getAttribute(name)?.replace(/\s+/g, ' ').trim();
        if (text) found.push({ text, where: `${describe(element)}[${name}]` });
      }
    }
    found.push({ text: document.title, where: 'title' });
    return found;
  });
}
