// Which forms count as changed: only those ask before they are left.
import { describe, expect, it } from 'vitest';
import type { DeviceProfile } from '../../../src/domain/model.ts';
import { todayIso } from '../../../src/domain/rules.ts';
import { editChanged, newAssessmentChanged } from '../../../src/ui/components/assessment/changed.ts';
import { emptyValues, toSaved } from '../../../src/ui/components/assessment/formValues.ts';
import { emptyDraft } from '../../../src/ui/components/mission/MissionForm.tsx';
import { missionChanged } from '../../../src/ui/components/mission/missionChanged.ts';
import { toSaved as missionSaved } from '../../../src/ui/components/mission/missionValues.ts';

const profile: DeviceProfile = {
  name: 'Anna Puig',
  institution: 'Ajuntament de Barcelona',
  role: 'lead',
  deviceId: 'device-1',
};

describe('a new assessment form', () => {
  const blank = { values: emptyValues('EC1317', todayIso()), base: null };

  it('is unchanged as it opens, and changed once anything that would be saved is typed', () => {
    expect(newAssessmentChanged(blank, 'EC1317', 'en')).toBe(false);
    expect(
      newAssessmentChanged({ ...blank, values: { ...blank.values, title: 'Tarqui' } }, 'EC1317', 'en'),
    ).toBe(true);
    expect(
      newAssessmentChanged({ ...blank, values: { ...blank.values, withInspection: true } }, 'EC1317', 'en'),
    ).toBe(true);
  });

  it('an edit is changed only when saving would write something', () => {
    const values = { ...blank.values, title: 'Tarqui' };
    const base = toSaved(values, 'en');
    expect(editChanged({ values, base }, 'en')).toBe(false);
    // Spaces around a name are not saved, so they are no change.
    expect(editChanged({ values: { ...values, title: ' Tarqui ' }, base }, 'en')).toBe(false);
    expect(editChanged({ values: { ...values, parish: 'Cojimíes' }, base }, 'en')).toBe(true);
  });
});

describe('a mission form', () => {
  it('is unchanged as a new form opens, though its first team row gets a new id each time', () => {
    expect(missionChanged({ values: emptyDraft(profile), base: null }, profile)).toBe(false);
    const typed = { ...emptyDraft(profile), title: 'Pedernales' };
    expect(missionChanged({ values: typed, base: null }, profile)).toBe(true);
  });

  it('an edit is changed only when a field differs from what it opened with', () => {
    const values = { ...emptyDraft(profile), title: 'Pedernales' };
    const base = missionSaved(values, 'en');
    expect(missionChanged({ values, base }, profile)).toBe(false);
    expect(missionChanged({ values: { ...values, objectives: 'Agua' }, base }, profile)).toBe(true);
    expect(missionChanged(null, profile)).toBe(false);
  });

  it('reads typed amounts as the language writes them: the same amount is no change', () => {
    const values = { ...emptyDraft(profile), title: 'Pedernales', budgetPlannedEur: '1.250,50' };
    const base = { ...missionSaved(values, 'es'), budgetPlannedEur: 1250.5 };
    expect(missionChanged({ values, base }, profile, 'es')).toBe(false);
    expect(missionChanged({ values: { ...values, budgetPlannedEur: '1.250,75' }, base }, profile, 'es')).toBe(
      true,
    );
  });
});
