// The field app seen through WebDriver, by the labels of the app's own catalogues (as tests/e2e/pages does).
import { expect } from 'vitest';
import type { Language } from '../../../src/domain/model.ts';
import type { MessageKey } from '../../../src/ui/i18n/catalog.ts';
import { translator } from '../../../src/ui/i18n/translate.ts';
import type { ElementRef, WebKitSession } from './webdriver.ts';

/** The form control a <label> with exactly this text names (through `for`, or by containing it). */
const BY_LABEL = `
  const text = arguments[0];
  for (const label of document.querySelectorAll('label')) {
    if (label.textContent.trim() !== text) continue;
    const control = label.htmlFor ? document.getElementById(label.htmlFor) : label.querySelector('input, select, textarea');
    if (control) return control;
  }
  return null;`;

/** A visible button or link whose text is exactly this, or starts with it (tabs carry counts). */
const BY_TEXT = `
  const [text, prefix] = [arguments[0], arguments[1]];
  for (const element of document.querySelectorAll('button, a')) {
    const own = element.textContent.trim();
    if ((prefix ? own.startsWith(text) : own === text) && element.getClientRects().length > 0) return element;
  }
  return null;`;

export class WebKitFieldApp {
  readonly session: WebKitSession;
  readonly lang: Language;
  readonly t: (key: MessageKey, params?: Record<string, string | number>) => string;

  constructor(session: WebKitSession, lang: Language) {
    this.session = session;
    this.lang = lang;
    this.t = translator(lang).t;
  }

  label(key: MessageKey): Promise<ElementRef> {
    return this.session.waitFor<ElementRef>(BY_LABEL, `the field "${this.t(key)}"`, 20_000, this.t(key));
  }

  control(key: MessageKey, prefix = false): Promise<ElementRef> {
    return this.session.waitFor<ElementRef>(BY_TEXT, `"${this.t(key)}"`, 20_000, this.t(key), prefix);
  }

  async tap(key: MessageKey, prefix = false): Promise<void> {
    await this.session.click(await this.control(key, prefix));
  }

  async fill(key: MessageKey, text: string): Promise<void> {
    await this.session.sendKeys(await this.label(key), text);
  }

  /** Picks an option of a <select> by clicking it, as WebDriver selects options. */
  async choose(key: MessageKey, value: string): Promise<void> {
    const select = await this.label(key);
    const option = await this.session.execute<ElementRef>(
      'return arguments[0].querySelector(`option[value="${arguments[1]}"]`)',
      select,
      value,
    );
    await this.session.click(option);
  }

  /**
   * Types an ISO date into a date field as a user would: WebKit's date field takes its segments in the order
   * of the browser's locale (month/day/year under en-US), so the keys follow that order.
   */
  async fillDate(key: MessageKey, iso: string): Promise<void> {
    const order = await this.session.execute<string[]>(
      `return new Intl.DateTimeFormat(undefined, { year: 'numeric', month: '2-digit', day: '2-digit' })
         .formatToParts(new Date(2001, 10, 22)).map((part) => part.type).filter((type) => type !== 'literal');`,
    );
    const [year, month, day] = iso.split('-') as [string, string, string];
    const segments: Record<string, string> = { year, month, day };
    await this.session.sendKeys(await this.label(key), order.map((type) => segments[type]).join('/'));
    expect(await this.value(key)).toBe(iso);
  }

  async value(key: MessageKey): Promise<string> {
    return this.session.property<string>(await this.label(key), 'value');
  }

  /** Waits until the status bar says everything is on disk. */
  saved(): Promise<unknown> {
    return this.session.waitFor('return document.querySelector(\'[data-save-state="saved"]\')', 'saved');
  }

  /** Waits for text anywhere on the page. */
  text(text: string): Promise<unknown> {
    return this.session.waitFor(
      'return document.body.innerText.includes(arguments[0])',
      `the text "${text}"`,
      20_000,
      text,
    );
  }

  /** Waits until a photo thumbnail has decoded; returns its natural size. */
  thumbnail(): Promise<{ width: number; height: number }> {
    return this.session.waitFor(
      `const image = document.querySelector('.thumbs img');
       return image && image.complete && image.naturalWidth > 0
         ? { width: image.naturalWidth, height: image.naturalHeight } : null;`,
      'a photo thumbnail',
    );
  }

  setUp(name: string): Promise<void> {
    return (async () => {
      await this.tap(`settings.languageName.${this.lang}`);
      await this.fill('settings.name', name);
      await this.fill('settings.institution', 'Ajuntament de Barcelona');
      await this.tap('action.save');
      await this.control('missions.new');
    })();
  }
}
