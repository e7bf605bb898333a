// The mission form's values: numbers typed as each language writes them, drafts kept by an earlier version, and
// how the marks of the report fields show their values.
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type DeviceProfile, type Mission } from '../../../src/domain/model.ts';
import {
  changedFields,
  emptyDraft,
  missionFollow,
  numberErrors,
  toDraft,
  toSaved,
  toValues,
  withReportFields,
  type FormDraft,
} from '../../../src/ui/components/mission/missionValues.ts';
import { follow } from '../../../src/ui/components/marks/follow.ts';
import { valueFormatter } from '../../../src/ui/components/marks/format.ts';
import { translator } from '../../../src/ui/i18n/translate.ts';

const profile: DeviceProfile = { name: 'Anna', institution: 'Ajuntament', role: 'lead', deviceId: 'd1' };

const stored = {
  ...toSaved(emptyDraft(profile), 'en'),
  title: 'Jama',
  plannedPersonDays: 12.5,
  remotePersonDays: 4,
  budgetPlannedEur: 18_250.5,
  budgetExecutedEur: 1_234_567.05,
  peopleMet: [{ id: 'r1', role: 'Alcaldía', organisation: 'GAD Jama', count: 1200 }],
} as unknown as Mission;

describe('mission form values', () => {
  it.each(LANGUAGES)('in %s, numbers shown in the form read back as the same numbers', (lang) => {
    const values = toValues(stored, lang);
    const saved = toSaved(values, lang);
    expect(saved).toMatchObject({
      plannedPersonDays: 12.5,
      remotePersonDays: 4,
      budgetPlannedEur: 18_250.5,
      budgetExecutedEur: 1_234_567.05,
      peopleMet: [{ id: 'r1', count: 1200 }],
    });
    expect(numberErrors(values, lang)).toEqual({});
  });

  it('shows cents as two digits, and reads unreadable or ambiguous numbers as such', () => {
    expect(toValues(stored, 'es').budgetPlannedEur).toBe('18.250,50');
    expect(toValues(stored, 'en').budgetPlannedEur).toBe('18,250.50');
    const values = { ...emptyDraft(profile), budgetPlannedEur: '1,200', plannedPersonDays: 'doce' };
    expect(numberErrors(values, 'es')).toEqual({ budgetPlannedEur: 'ambiguousNumber' });
    expect(toSaved(values, 'es').plannedPersonDays).toBeNaN();
    expect(toSaved({ ...values, budgetPlannedEur: '' }, 'es').budgetPlannedEur).toBeNull();
  });

  it('gives a draft kept by an earlier version the report fields empty, in its values and its base', () => {
    const { products, peopleMet, budgetPlannedEur, ...older } = emptyDraft(profile);
    void [products, peopleMet, budgetPlannedEur];
    const olderBase = { ...toSaved(emptyDraft(profile), 'en') } as Record<string, unknown>;
    delete olderBase.products;
    delete olderBase.peopleMet;
    delete olderBase.budgetPlannedEur;
    const draft = { values: older, base: olderBase } as unknown as FormDraft;
    const upgraded = withReportFields(draft);
    expect(upgraded.values).toMatchObject({ products: [], peopleMet: [], budgetPlannedEur: '' });
    expect(upgraded.base).toMatchObject({ products: [], peopleMet: [], budgetPlannedEur: null });
    expect(withReportFields(upgraded)).toBe(upgraded);
  });

  it('shows the marks of amounts, codes and counts as the form shows them', () => {
    const format = valueFormatter('mission', translator('ca'));
    expect(format('budgetPlannedEur', 1250.5)).toBe('1.250,50\u00a0€');
    expect(format('counterpartKind', 'association')).toBe('Associació de municipis');
    expect(format('products.p1.kind', 'workshop')).toBe('Taller');
    expect(format('peopleMet.r1.count', 1200)).toBe(translator('ca').number(1200));
  });
});

describe('an open mission form following the stored mission', () => {
  it('[M11] takes a colleague’s new product and change of another field of a product the user is editing', () => {
    const diagnostic = { id: 'p1', title: 'Diagnóstico', kind: '' as const, planned: true, deliveredOn: '' };
    const opened = { ...stored, products: [diagnostic] } as Mission;
    const base = toDraft(opened);
    const values = {
      ...toValues(opened, 'es'),
      budgetExecutedEur: '3.400,25',
      products: [{ ...diagnostic, deliveredOn: '2017-03-06' }],
    };
    const colleague = {
      ...opened,
      products: [
        { ...diagnostic, kind: 'diagnostic' as const },
        { id: 'p2', title: 'Taller', kind: 'workshop' as const, planned: true, deliveredOn: '' },
      ],
      peopleMet: [...opened.peopleMet, { id: 'r2', role: 'Técnicos', organisation: '', count: null }],
    } as Mission;
    const next = follow(
      { values, base },
      toDraft(colleague),
      toValues(colleague, 'es'),
      missionFollow('es'),
    )!;
    expect(next.values.products).toEqual([
      { ...diagnostic, kind: 'diagnostic', deliveredOn: '2017-03-06' },
      { id: 'p2', title: 'Taller', kind: 'workshop', planned: true, deliveredOn: '' },
    ]);
    expect(next.values.peopleMet.map((p) => p.id)).toEqual(['r1', 'r2']);
    expect(next.values.budgetExecutedEur).toBe('3.400,25');
    // Saving then writes only the user's own changes against what the form now started from.
    expect(changedFields(next.base, toSaved(next.values, 'es'))).toEqual({
      budgetExecutedEur: 3_400.25,
      products: next.values.products,
    });
  });
});
