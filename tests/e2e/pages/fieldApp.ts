// Page model of the technician's field app, in any of its languages (labels come from the app's own catalogues).
import type { Page } from 'playwright-core';
import type { Language } from '../../../src/domain/model.ts';
import type { MessageKey } from '../../../src/ui/i18n/catalog.ts';
import { translator } from '../../../src/ui/i18n/translate.ts';

export class FieldApp {
  readonly page: Page;
  readonly t: (key: MessageKey, params?: Record<string, string | number>) => string;

  constructor(page: Page, lang: Language) {
    this.page = page;
    this.t = translator(lang).t;
  }

  label(key: MessageKey, exact = true) {
    return this.page.getByLabel(this.t(key), { exact });
  }

  button(key: MessageKey) {
    return this.page.getByRole('button', { name: this.t(key), exact: true });
  }

  link(key: MessageKey) {
    return this.page.getByRole('link', { name: this.t(key), exact: true });
  }

  /** Tabs carry counts ("Notes (3)"): matched by their start. */
  tab(key: MessageKey) {
    return this.page.getByRole('link', { name: new RegExp(`^${escape(this.t(key))}`) });
  }

  /** Waits until the status bar says everything is on disk. */
  async saved() {
    await this.page.locator('[data-save-state="saved"]').waitFor();
  }

  async setUp(lang: Language, name: string) {
    await this.page
      .getByRole('button', { name: translator(lang).t(`settings.languageName.${lang}`) })
      .click();
    await this.label('settings.name').fill(name);
    await this.label('settings.institution').fill('Ajuntament de Barcelona');
    await this.button('action.save').click();
    await this.link('missions.new').first().waitFor();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A real JPEG made by the browser's encoder, larger than the app keeps (4000 × 3000), showing `label`. */
export async function makeJpeg(page: Page, label = ''): Promise<Buffer> {
  const bytes = await page.evaluate(async (label) => {
    const canvas = new OffscreenCanvas(4000, 3000);
    const context = canvas.getContext('2d')!;
    const gradient = context.createLinearGradient(0, 0, 4000, 3000);
    gradient.addColorStop(0, '#0b5d4b');
    gradient.addColorStop(1, '#f2c14e');
    context.fillStyle = gradient;
    context.fillRect(0, 0, 4000, 3000);
    // Different labels make different photos (different hashes).
    context.fillStyle = '#ffffff';
    context.font = '400px sans-serif';
    context.fillText(label, 200, 1600);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    return [...new Uint8Array(await blob.arrayBuffer())];
  }, label);
  return Buffer.from(bytes);
}
