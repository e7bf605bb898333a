// Signing a fresh browser context in by its invite link, for tests and benchmarks alike (no test runner here).
import type { Browser, BrowserContext } from 'playwright-core';
import type { Language } from '../../../src/domain/model.ts';
import { joinInvite } from '../../../src/ui/i18n/messages/joinInvite.ts';
import { syncScreens } from '../../../src/ui/i18n/messages/syncScreens.ts';
import { FieldApp } from '../pages/fieldApp.ts';
import { PHONE } from './browser.ts';
import type { Device } from './devices.ts';
import { keepPageLog } from './pageLog.ts';

/** The phone's own language, which the join screen speaks before the profile says which one the app uses. */
const LOCALES: Record<Language, string> = { ca: 'ca-ES', es: 'es-EC', en: 'en-GB', pt: 'pt-PT' };

export interface JoinOptions {
  lang?: Language;
  /** Runs on the new context before its first page opens (init scripts, listeners). */
  prepare?: (context: BrowserContext) => Promise<void>;
}

/**
 * Signs a fresh phone in by its invite link (the join screen asks first) and fills in the first-run profile.
 * Waits for the mission list's heading, not for "New mission": an observer's list offers none.
 */
export async function joinByInvite(
  browser: Browser,
  appUrl: string,
  token: string,
  name: string,
  { lang = 'es', prepare }: JoinOptions = {},
): Promise<Device> {
  const context = await browser.newContext({ ...PHONE, locale: LOCALES[lang] });
  keepPageLog(context, name);
  await prepare?.(context);
  const page = await context.newPage();
  const ui = new FieldApp(page, lang);
  await page.goto(`${appUrl}/join#token=${token}`);
  await page.getByRole('button', { name: joinInvite[lang]['joinInvite.signIn'], exact: true }).click();
  await page.getByRole('link', { name: syncScreens[lang]['join.toSetup'] }).click();
  await page.getByRole('button', { name: ui.t(`settings.languageName.${lang}`) }).click();
  await ui.label('settings.name').fill(name);
  await ui.label('settings.institution').fill('Ajuntament de Barcelona');
  await ui.button('action.save').click();
  // Exactly the list's heading: the setup screen's own ("Te damos la bienvenida a Minga") holds the app's name
  // too, and matching it would return before the profile is saved, so that the next page load finds none.
  await page.getByRole('heading', { level: 1, name: ui.t('app.name'), exact: true }).waitFor();
  return { context, page, ui };
}
