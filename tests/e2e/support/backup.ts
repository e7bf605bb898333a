// The backup as a user without the File System Access API makes it: download, then choose the saved file back.
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { Language } from '../../../src/domain/model.ts';
import { translator } from '../../../src/ui/i18n/translate.ts';

/** A browser that cannot save files itself (Firefox, Safari, most phones): the backup takes the download path. */
export async function withoutSavePicker(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true });
  });
}

/**
 * Backs up everything from `scope` (a panel holding the backup button), picks the downloaded file back and waits
 * until the backup is confirmed. Returns the saved file's path.
 */
export async function backUpByDownload(page: Page, scope: Locator, lang: Language): Promise<string> {
  const { t } = translator(lang);
  const download = page.waitForEvent('download');
  await scope.getByRole('button', { name: t('backup.make'), exact: true }).click();
  const file = await download;
  const path = (await file.path())!;
  const saved = { name: file.suggestedFilename(), mimeType: 'application/zip', buffer: await readFile(path) };
  await scope.getByLabel(t('backup.pickLabel'), { exact: true }).setInputFiles(saved);
  // "Backup checked: <file> holds …": the start of the sentence, whatever the counts.
  const checked = t('backup.confirmed', { file: saved.name, missions: 0, photos: 0 });
  await scope.getByText(checked.slice(0, checked.indexOf(saved.name) + saved.name.length)).waitFor();
  return path;
}
