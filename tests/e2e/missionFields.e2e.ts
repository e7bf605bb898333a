// A technician on a small phone, in Spanish, fills what the mission report and the year's accounts count: the
// ToR's counterpart and focal point, person-days and budget, products, people met and SDG targets. Numbers are
// typed as Spanish writes them; wrong ones are said in Spanish; everything is read back after a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchPersistent, PHONE } from './support/browser.ts';
import { startBuiltApp, type BuiltApp } from './support/server.ts';
import { freshTempDir, removeTempDir } from './support/tmp.ts';
import { expectAccessible } from './support/a11y.ts';
import { FieldApp } from './pages/fieldApp.ts';
import { translator } from '../../src/ui/i18n/translate.ts';
import { formatAmountInput, formatEuros } from '../../src/ui/i18n/numbers.ts';

const es = translator('es');
const title = 'Plan de ordenamiento costero de Jama';

let app: BuiltApp;
let dir: string;
let context: BrowserContext;
let page: Page;
let ui: FieldApp;

beforeAll(async () => {
  app = await startBuiltApp();
  dir = await freshTempDir('minga-fields-');
  context = await launchPersistent(dir, { ...PHONE, locale: 'es-EC' });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('dialog', (dialog) => void dialog.accept());
  ui = new FieldApp(page, 'es');
});
afterAll(async () => {
  await context?.close();
  await removeTempDir(dir);
  await app?.close();
});

const group = (name: string) => page.getByRole('group', { name, exact: true });
const overviewText = () => page.locator('.mission-overview').innerText();

describe('the report fields of a mission, on a phone in Spanish', () => {
  it('refuses wrong numbers and targets with Spanish messages', async () => {
    await page.goto(app.url);
    await ui.label('settings.name').waitFor();
    await ui.setUp('es', 'Anna Puig');
    await ui.link('missions.new').first().click();
    await ui.label('missions.field.title').fill(title);
    await ui.label('missions.field.hostCanton').selectOption('EC1320');
    await ui.label('missions.field.startDate').fill('2017-03-01');
    await ui.label('missions.field.endDate').fill('2017-03-14');

    await ui.label('missions.field.counterpartKind').selectOption('municipality');
    await ui.label('missions.field.requestingCounterpart').fill('GAD municipal de Jama');
    await ui.label('missions.field.focalPoint').fill('Dirección de planificación, GAD Jama');
    await ui.label('missions.field.plannedPersonDays').fill('12,3');
    await ui.label('missions.field.remotePersonDays').fill('-2');
    await ui.label('missions.field.budgetPlannedEur').fill('18.250,505');
    await ui.label('missions.field.budgetExecutedEur').fill('1,200');

    await ui.button('missions.product.add').click();
    await ui.button('missions.personMet.add').click();
    await ui.label('missions.field.otherSdgTarget').fill('seis');
    await ui.button('missions.addSdgTarget').click();
    await page.getByText(es.t('validation.sdgTarget')).waitFor();

    await ui.button('action.save').click();
    for (const message of [
      'validation.halfDays',
      'validation.negative',
      'validation.amountCents',
      'validation.ambiguousNumber',
    ] as const) {
      await page.getByText(es.t(message)).first().waitFor();
    }
    // The product and the people met were added empty: each says what it needs.
    expect(await page.getByText(es.t('validation.required')).count()).toBe(2);
    expect(new URL(page.url()).pathname).toBe('/missions/new');
    await expectAccessible(page, 'mission form with report fields and messages (es)');
  });

  it('saves them, and reads them back on the overview after a reload', async () => {
    await ui.label('missions.field.plannedPersonDays').fill('12,5');
    await ui.label('missions.field.remotePersonDays').fill('4');
    await ui.label('missions.field.budgetPlannedEur').fill('18.250,50');
    await ui.label('missions.field.budgetExecutedEur').fill('3.400');

    const first = group(es.t('missions.product.legend', { n: 1 }));
    await first.getByLabel(es.t('missions.product.title'), { exact: true }).fill('Diagnóstico urbano');
    await first.getByLabel(es.t('missions.product.kind'), { exact: true }).selectOption('diagnostic');
    await ui.button('missions.product.add').click();
    const second = group(es.t('missions.product.legend', { n: 2 }));
    await second.getByLabel(es.t('missions.product.title'), { exact: true }).fill('Informe final');
    await second.getByLabel(es.t('missions.product.kind'), { exact: true }).selectOption('report');
    await second.getByLabel(es.t('missions.product.planned')).uncheck();
    await second.getByLabel(es.t('missions.product.deliveredOn')).fill('2017-03-14');

    const met = group(es.t('missions.personMet.legend', { n: 1 }));
    await met.getByLabel(es.t('missions.personMet.role'), { exact: true }).fill('Técnicos de planificación');
    await met.getByLabel(es.t('missions.personMet.organisation'), { exact: true }).fill('GAD Jama');
    await met.getByLabel(es.t('missions.personMet.count')).fill('3');

    await page.getByRole('button', { name: es.code('sdg', '11.3') }).click();
    await ui.label('missions.field.otherSdgTarget').fill('6.1');
    await ui.button('missions.addSdgTarget').click();
    const typedTarget = page.getByRole('button', { name: es.t('sdg.target', { target: '6.1' }) });
    expect(await typedTarget.getAttribute('aria-pressed')).toBe('true');
    await expectAccessible(page, 'mission form with report fields filled (es)');

    await ui.button('action.save').click();
    await page.getByRole('heading', { name: title }).waitFor();
    await ui.saved();
    await page.reload();
    await page.getByRole('heading', { name: title }).waitFor();
    await page.locator('.mission-overview').waitFor();

    const shown = await overviewText();
    for (const text of [
      es.t('mission.overview.counterpartValue', {
        name: 'GAD municipal de Jama',
        kind: es.code('counterpartKind', 'municipality'),
      }),
      'Dirección de planificación, GAD Jama',
      es.number(12.5),
      formatEuros(18_250.5, 'es'),
      formatEuros(3_400, 'es'),
      `Diagnóstico urbano · ${es.code('productKind', 'diagnostic')} · ${es.t('mission.overview.productExpected')}`,
      `Informe final · ${es.code('productKind', 'report')} · ${es.t('mission.overview.productDelivered', {
        date: es.date('2017-03-14'),
      })}`,
      `${es.t('mission.overview.personMetCount', { role: 'Técnicos de planificación', count: 3 })} · GAD Jama`,
      es.code('sdg', '11.3'),
      es.t('sdg.target', { target: '6.1' }),
    ]) {
      expect(shown).toContain(text);
    }
    await expectAccessible(page, 'mission overview with report fields (es)');
  });

  it('opens them in the form as Spanish writes them', async () => {
    await ui.link('mission.editMission').click();
    await ui.label('missions.field.budgetPlannedEur').waitFor();
    expect(await ui.label('missions.field.plannedPersonDays').inputValue()).toBe('12,5');
    expect(await ui.label('missions.field.budgetPlannedEur').inputValue()).toBe('18.250,50');
    expect(await ui.label('missions.field.budgetExecutedEur').inputValue()).toBe(
      formatAmountInput(3_400, 'es'),
    );
    const met = group(es.t('missions.personMet.legend', { n: 1 }));
    expect(await met.getByLabel(es.t('missions.personMet.count')).inputValue()).toBe('3');
    expect(
      await group(es.t('missions.product.legend', { n: 2 }))
        .getByLabel(es.t('missions.product.planned'))
        .isChecked(),
    ).toBe(false);
  });
});
