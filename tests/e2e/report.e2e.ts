// A coordinator prints a mission's report, in Portuguese, in real Chromium against the real sync server: a
// mission with an assessment of two sectors and a photo, an overdue action, a note and a review. The printed
// page (page.pdf) holds the title, the sectors and the photo, and nothing of the app's controls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import { reportScreen } from '../../src/ui/i18n/messages/reportScreen.ts';
import { reviewMessages } from '../../src/ui/i18n/messages/review.ts';
import { translator } from '../../src/ui/i18n/translate.ts';
import { expectAccessible } from './support/a11y.ts';
import { launchChromium } from './support/browser.ts';
import { joinByInvite, syncState, type Device } from './support/devices.ts';
import { startSyncApp, type SyncApp } from './support/server.ts';
import { CatalogueCheck } from './support/untranslated.ts';
import { makeJpeg } from './pages/fieldApp.ts';

const typed = {
  name: 'Laia Ferrer',
  mission: 'Reconstrução de Pedernales',
  tor: 'TdR-2016-07',
  objectives: 'Apoiar o GAD no plano de reconstrução do bairro Tarqui.',
  assessment: 'Bairro Tarqui',
  action: 'Oficina com técnicos municipais',
  responsible: 'Direção de Planeamento',
  note: 'Reunião com a direção de planeamento do GAD.',
  decisionNote: 'Bom trabalho.',
  comment: 'Falta o número de pessoas com necessidades na água.',
  setUpInstitution: 'Ajuntament de Barcelona',
};

const PEDERNALES = { latitude: 0.0721, longitude: -80.0531, accuracy: 12 };
const pt = translator('pt');
const r = reportScreen.pt;
const review = reviewMessages.pt;
const check = new CatalogueCheck('pt', Object.values(typed));

let app: SyncApp;
let browser: Browser;
let d: Device;
let missionPath = '';
let pdfText = '';

beforeAll(async () => {
  app = await startSyncApp();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The text of every page of a PDF, and how many images its pages paint. */
async function readPdf(bytes: Uint8Array): Promise<{ text: string; images: number }> {
  const pdf = await getDocumentProxy(bytes);
  const { OPS } = await getResolvedPDFJS();
  let text = '';
  let images = 0;
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ') + '\n';
    const operators = await page.getOperatorList();
    images += operators.fnArray.filter((op) => op === OPS.paintImageXObject).length;
  }
  await pdf.destroy();
  return { text: text.replace(/\s+/g, ' '), images };
}

describe('the printable mission report', () => {
  it('a coordinator records a mission with an assessment of two sectors and a photo, an action and a note', async () => {
    d = await joinByInvite(browser, app.url, app.token('coordinator', 'Coordenação'), typed.name, {
      lang: 'pt',
      prepare: async (context) => {
        await context.grantPermissions(['geolocation']);
        await context.setGeolocation(PEDERNALES);
      },
    });
    const { page, ui } = d;
    await ui.link('missions.new').first().click();
    await ui.label('missions.field.title').fill(typed.mission);
    await ui.label('missions.field.torReference', false).fill(typed.tor);
    await ui.label('missions.field.hostCanton').selectOption('EC1317');
    await ui.label('missions.field.startDate').fill('2016-05-02');
    await ui.label('missions.field.endDate', false).fill('2016-05-16');
    await ui.label('missions.field.objectives', false).fill(typed.objectives);
    await ui.button('action.save').click();
    await page.getByRole('heading', { name: typed.mission }).waitFor();
    missionPath = new URL(page.url()).pathname;

    await ui.tab('mission.tab.assessments').click();
    await ui.link('mission.newAssessment').click();
    await ui.label('assessments.field.title').fill(typed.assessment);
    await ui.button('assessments.gps.capture').click();
    await page.getByText(/± 12 m/).waitFor();
    for (const sector of ['wash', 'shelter']) await ui.label('assessments.addSector').selectOption(sector);
    const sectors = page.locator('.assessment-sector');
    await expect.poll(() => sectors.count()).toBe(2);
    const severity = ui.t('assessments.field.severity');
    await sectors.nth(0).getByLabel(severity).selectOption('3');
    await sectors.nth(1).getByLabel(severity).selectOption('4');
    await sectors.nth(1).getByLabel(ui.t('assessments.field.affected')).fill('1200');
    await sectors.nth(1).getByLabel(ui.t('assessments.field.inNeed')).fill('800');
    const photo = { name: 'tarqui.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg(page, 'Tarqui') };
    await ui.label('photos.choose').setInputFiles(photo);
    await page.locator('.thumbs img').first().waitFor({ timeout: 20_000 });
    await ui.button('action.save').click();
    await page.locator('[data-assessment-id]', { hasText: typed.assessment }).waitFor();

    await page.goto(`${app.url}${missionPath}/actions`);
    await ui.link('mission.newAction').click();
    await ui.label('actionItem.activity').fill(typed.action);
    await ui.label('actionItem.responsible', false).fill(typed.responsible);
    await ui.label('actionItem.dueDate', false).fill('2016-05-10');
    await ui.button('action.save').click();
    await page.locator('[data-action-id]', { hasText: typed.action }).waitFor();

    await ui.link('mission.newNote').click();
    await ui.label('note.text').waitFor();
    await page.keyboard.type(typed.note);
    await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    await ui.saved();
  });

  it('the coordinator approves the mission and comments on the assessment', async () => {
    const { page } = d;
    await page.goto(`${app.url}${missionPath}`);
    const section = page.getByRole('region', { name: review['review.heading'] });
    await section.getByLabel(review['review.decide.note']).fill(typed.decisionNote);
    await section.getByRole('button', { name: review['review.approve'], exact: true }).click();
    await section.getByText(review['review.decide.saved']).waitFor();
    await section.getByLabel(review['review.add.target']).selectOption({
      label: review['review.target.assessment'].replace('{title}', typed.assessment),
    });
    await section.getByLabel(review['review.add.text'], { exact: true }).fill(typed.comment);
    await section.getByRole('button', { name: review['review.add.submit'] }).click();
    await section.getByText(typed.comment).waitFor();
    await syncState(page, 'upToDate');
  });

  it('opens the report from the mission, with every part, in Portuguese, once its photo has loaded', async () => {
    const { page, ui } = d;
    await ui.link('mission.report').click();
    await page.waitForURL(`${app.url}${missionPath}/report`);
    await page.locator('.report[data-report-ready="true"]').waitFor({ timeout: 20_000 });
    const report = page.locator('.report');
    await report.getByRole('heading', { level: 1, name: typed.mission }).waitFor();
    expect(await page.title()).toBe(r['report.documentTitle'].replace('{title}', typed.mission));

    const facts = await report.locator('.report__heading').innerText();
    expect(facts).toContain('Pedernales (EC1317)');
    expect(facts).toContain(typed.tor);
    expect(facts).toContain(`${r['report.daysOnSite']}\n15`);

    // Most severe first, each with its label and number; counts as Portuguese writes them.
    const rows = report.locator('[data-report-section="assessments"] tbody tr');
    const cells = (n: number) => rows.nth(n).locator('th, td').allInnerTexts();
    expect(await rows.count()).toBe(2);
    expect(await cells(0)).toEqual([
      pt.code('sector', 'shelter'),
      pt.code('severity', 4),
      pt.number(1200),
      pt.number(800),
    ]);
    expect(await cells(1)).toEqual([pt.code('sector', 'wash'), pt.code('severity', 3), '', '']);

    const action = report.locator('[data-report-section="actions"] tbody tr');
    expect(await action.innerText()).toContain(typed.responsible);
    expect(await action.innerText()).toContain(pt.t('mission.overdue'));

    const photo = report.locator('.report-photo img');
    expect(await photo.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(1600);
    // Where it was taken: the assessment's position, since the photo itself kept none.
    expect(await report.locator('.report-photo figcaption').innerText()).toContain(
      pt.t('assessments.gps.position', { lat: '0.07210', lon: '-80.05310', accuracy: 12 }),
    );

    const reviewPart = report.locator('[data-report-section="review"]');
    expect(await reviewPart.innerText()).toContain(review['review.decision.approved']);
    expect(await reviewPart.innerText()).toContain(typed.decisionNote);
    expect(await reviewPart.innerText()).toContain(typed.comment);
    expect(await reviewPart.innerText()).toContain(
      review['review.target.assessment'].replace('{title}', typed.assessment),
    );

    // Field notes only when chosen.
    expect(await report.getByText(typed.note).count()).toBe(0);
    await page.getByLabel(r['report.includeNotes']).check();
    await report.getByText(typed.note).waitFor();

    // Read on a 360 px phone too: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'mission report');
    expect(await check.findings(page)).toEqual([]);
  });

  it('leaves a photo out of the report when the reader unticks it', async () => {
    const { page } = d;
    const choice = page.locator('.report-controls__photos input[type="checkbox"]');
    expect(await choice.count()).toBe(1);
    await choice.uncheck();
    await expect.poll(() => page.locator('.report-photo').count()).toBe(0);
    await choice.check();
    await page.locator('.report[data-report-ready="true"] .report-photo img').waitFor();
  });

  it('prints through the browser’s print window', async () => {
    const { page } = d;
    // The real window.print() would open a dialog headless Chromium cannot show: count the calls instead.
    await page.evaluate(() => {
      const counted = window as unknown as { printed: number };
      counted.printed = 0;
      window.print = () => void (counted.printed += 1);
    });
    await page.getByRole('button', { name: r['report.print'] }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  });

  it('shows no control, link or app bar in print', async () => {
    const { page } = d;
    await page.emulateMedia({ media: 'print' });
    const visibleControls = await page.evaluate(() =>
      [...document.querySelectorAll('button, a[href], input, select, textarea, [role="button"], .statusbar')]
        .filter((element) => element.checkVisibility({ visibilityProperty: true }))
        .map((element) => element.outerHTML.slice(0, 80)),
    );
    expect(visibleControls).toEqual([]);
    await page.emulateMedia({ media: null });
  });

  it('prints (page.pdf) the title, the sectors and the photo, and no button', async () => {
    const { page } = d;
    const bytes = await page.pdf({ format: 'A4', printBackground: true });
    const { text, images } = await readPdf(new Uint8Array(bytes));
    pdfText = text;
    expect(text).toContain(typed.mission);
    expect(text).toContain(pt.code('sector', 'shelter'));
    expect(text).toContain(pt.code('sector', 'wash'));
    // Printed in capitals (text-transform), as a kicker above the title.
    expect(text.toLowerCase()).toContain(r['report.kicker'].toLowerCase());
    expect(images).toBeGreaterThanOrEqual(1);
    for (const control of [
      r['report.print'],
      r['report.includeNotes'],
      r['report.photos.choose'],
      pt.t('mission.backToMission'),
    ]) {
      expect(pdfText, control).not.toContain(control);
    }
  });
});
