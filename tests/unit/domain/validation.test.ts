import { describe, expect, it } from 'vitest';
import {
  validateAction,
  validateAssessment,
  validateMission,
  type AssessmentDraft,
  type MissionDraft,
} from '../../../src/domain/validation.ts';

const mission = (patch: Partial<MissionDraft> = {}): MissionDraft => ({
  title: 'Plan de ordenamiento costero',
  torReference: 'TdR-2017-04',
  torText: '',
  hostCanton: 'EC1317',
  themes: ['coastal_risk'],
  team: [{ id: 'm1', name: 'Anna Puig', institution: 'Ajuntament de Girona', role: 'lead' }],
  startDate: '2017-03-01',
  endDate: '2017-03-14',
  remoteSupportEnd: '',
  objectives: '',
  status: 2,
  sdgs: ['11.5'],
  sendai: ['sendai-2'],
  ...patch,
});

const assessment = (patch: Partial<AssessmentDraft> = {}): AssessmentDraft => ({
  title: 'Tarqui',
  date: '2016-04-20',
  method: 'kii',
  informantRole: 'jefe de barrio',
  siteReason: '',
  canton: 'EC1308',
  parish: '',
  gps: null,
  sectors: [{ sector: 'shelter', severity: 4, affected: 1200, inNeed: 800, notes: '' }],
  breakdown: { women: null, men: null, children: 300, elderly: null },
  priorities: ['agua', 'techo'],
  gaps: '',
  recommendations: '',
  inspection: null,
  ...patch,
});

describe('validateMission', () => {
  it('accepts a complete mission', () => expect(validateMission(mission())).toEqual({}));
  it.each([
    [{ title: '  ' }, 'title', 'required'],
    [{ hostCanton: '' }, 'hostCanton', 'required'],
    [{ hostCanton: 'EC9999' }, 'hostCanton', 'unknownCode'],
    [{ endDate: '2017-02-01' }, 'endDate', 'endBeforeStart'],
    [{ startDate: '2017-02-30' }, 'startDate', 'invalidDate'],
    [{ remoteSupportEnd: '2017-03-10' }, 'remoteSupportEnd', 'endBeforeStart'],
    [{ team: [{ id: 'm1', name: '', institution: '', role: 'lead' as const }] }, 'team.0.name', 'required'],
  ])('%o → %s is %s', (patch, field, code) => {
    expect(validateMission(mission(patch))[field]).toBe(code);
  });
});

describe('validateAssessment', () => {
  it('accepts a complete assessment', () => expect(validateAssessment(assessment())).toEqual({}));
  it.each([
    [{ severity: 7 }, 'sectors.0.severity', 'severityRange'],
    [{ affected: -5 }, 'sectors.0.affected', 'negative'],
    [{ affected: Number.NaN }, 'sectors.0.affected', 'notANumber'],
    [{ affected: 2.5 }, 'sectors.0.affected', 'notInteger'],
    [{ inNeed: 5000 }, 'sectors.0.inNeed', 'inNeedExceedsAffected'],
  ])('sector %o → %s is %s', (patch, field, code) => {
    const sectors = [
      { sector: 'shelter' as const, severity: 4 as const, affected: 1200, inNeed: 800, notes: '', ...patch },
    ];
    expect(validateAssessment(assessment({ sectors: sectors as AssessmentDraft['sectors'] }))[field]).toBe(
      code,
    );
  });
  it('refuses a sector listed twice', () => {
    const entry = { sector: 'wash' as const, severity: 2 as const, affected: null, inNeed: null, notes: '' };
    expect(validateAssessment(assessment({ sectors: [entry, entry] }))['sectors.1.sector']).toBe(
      'duplicateSector',
    );
  });
  it('refuses a negative breakdown and more than three priorities', () => {
    const errors = validateAssessment(
      assessment({
        breakdown: { women: -1, men: null, children: null, elderly: null },
        priorities: ['a', 'b', 'c', 'd'],
      }),
    );
    expect(errors).toMatchObject({ 'breakdown.women': 'negative', priorities: 'tooManyPriorities' });
  });
  it('refuses an impossible GPS position', () => {
    const gps = { lat: 95, lon: -80, accuracy: 10, capturedAt: '' };
    expect(validateAssessment(assessment({ gps }))['gps.lat']).toBe('latitudeRange');
  });
});

describe('validateAction', () => {
  it('needs an activity and a valid status', () => {
    expect(
      validateAction({ activity: '', responsible: '', dueDate: '', status: 'planned', torProduct: '' }),
    ).toEqual({
      activity: 'required',
    });
  });
});
