// An open assessment form follows colleagues' changes: untouched fields take them at once, a field the user changed
// keeps the user's value and says what the colleague wrote; saving keeps both as a conflict, settled with one tap.
import { describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { getDb } from '../../../src/storage/db.ts';
import { LocationProvider, Route, Router } from 'preact-iso';
import { useFreshDatabase, withMission } from './missionHarness.tsx';
import { createMission, createRecord, updateRecord } from '../../../src/storage/commands.ts';
import type { MissionId } from '../../../src/domain/ids.ts';
import type { Assessment, DeviceProfile } from '../../../src/domain/model.ts';
import { I18nContext } from '../../../src/ui/i18n/context.tsx';
import { translator } from '../../../src/ui/i18n/translate.ts';
import { AppContext } from '../../../src/ui/appContext.ts';
import { routes } from '../../../src/ui/routes.ts';
import { AssessmentEditScreen } from '../../../src/ui/screens/AssessmentScreen.tsx';
import {
  savedFrom,
  valuesFrom,
  type AssessmentFormDraft,
} from '../../../src/ui/components/assessment/formValues.ts';

const profile: DeviceProfile = { name: 'Anna', institution: '', role: 'technician', deviceId: 'd-anna' };
const jordi: DeviceProfile = { name: 'Jordi', institution: '', role: 'technician', deviceId: 'd-jordi' };

useFreshDatabase();

const storedOf = (id: MissionId, recordId: string) =>
  withMission(id, (m) => m.view.snapshot().assessments.find((a) => a.id === recordId)!);

/** A colleague's edit, as it arrives by sync or from another tab: written to the same open document. */
const colleague = (id: MissionId, recordId: string, patch: Partial<Assessment>) =>
  withMission(id, (m) => updateRecord(m, 'assessment', recordId, patch, jordi));

async function anAssessment() {
  const id = await createMission(
    {
      title: 'Reconstrucción Pedernales',
      torReference: '',
      torText: '',
      hostCanton: 'EC1317',
      themes: [],
      team: [],
      startDate: '2016-05-02',
      endDate: '',
      remoteSupportEnd: '',
      objectives: '',
      status: 2,
      sdgs: [],
      sendai: [],
    },
    profile,
  );
  const recordId = await withMission(id, (m) =>
    createRecord(
      m,
      'assessment',
      {
        title: 'Tarqui',
        date: '2016-04-20',
        method: 'kii',
        canton: 'EC1317',
        parish: 'Pedernales',
        sectors: [{ sector: 'wash', severity: 3, affected: 100, inNeed: 50, notes: 'Pozos' }],
        breakdown: { women: 40, men: null, children: null, elderly: null },
      },
      profile,
    ),
  );
  return { id, recordId };
}

function Elsewhere() {
  return null;
}

function renderAt(url: string) {
  history.replaceState(null, '', url);
  return render(
    <I18nContext.Provider value={translator('es')}>
      <AppContext.Provider value={{ profile, setProfile: () => {}, setLanguage: () => {} }}>
        <LocationProvider>
          <Router>
            <Route path={routes.assessmentEdit} component={AssessmentEditScreen} />
            <Route default component={Elsewhere} />
          </Router>
        </LocationProvider>
      </AppContext.Provider>
    </I18nContext.Provider>,
  );
}

const input = (label: string | RegExp, within: HTMLElement = document.body) =>
  [...within.querySelectorAll<HTMLInputElement>('input, select, textarea')].find((element) =>
    element.labels?.[0]?.textContent?.match(label),
  )!;
const valueOf = (label: string | RegExp) => (screen.getByLabelText(label) as HTMLInputElement).value;
const type = (label: string | RegExp, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
const sector = () =>
  screen.getAllByRole('group').find((group) => group.classList.contains('assessment-sector'))!;

describe('an open assessment form and a colleague’s changes', () => {
  it('shows a colleague’s change to a field the user has not touched, and saves it with the user’s own', async () => {
    const { id, recordId } = await anAssessment();
    renderAt(`/missions/${id}/assessments/${recordId}/edit`);
    await waitFor(() => expect(valueOf(/^Título/)).toBe('Tarqui'));
    type(/^Título/, 'Barrio Tarqui');

    await colleague(id, recordId, {
      parish: 'Cojimíes',
      breakdown: { women: 45, men: 30, children: null, elderly: null },
    });
    await waitFor(() => expect(valueOf('Parroquia')).toBe('Cojimíes'));
    expect(valueOf('Mujeres')).toBe('45');
    expect(valueOf('Hombres')).toBe('30');
    expect(valueOf(/^Título/)).toBe('Barrio Tarqui');
    expect(screen.queryByText(/lo cambió mientras tanto/)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(location.pathname).toBe(`/missions/${id}/assessments`));
    const stored = await storedOf(id, recordId);
    expect(stored).toMatchObject({
      title: 'Barrio Tarqui',
      parish: 'Cojimíes',
      breakdown: { women: 45, men: 30 },
    });
    expect(stored.marks.conflicts).toEqual({});
  });

  it('keeps what the user typed when a colleague changes the same field, says so, and saving keeps both', async () => {
    const { id, recordId } = await anAssessment();
    renderAt(`/missions/${id}/assessments/${recordId}/edit`);
    await waitFor(() => expect(valueOf(/^Título/)).toBe('Tarqui'));
    type(/^Título/, 'Barrio Tarqui');
    fireEvent.change(screen.getByLabelText('Método'), { target: { value: 'fgd' } });

    await colleague(id, recordId, { title: 'Tarqui norte', method: 'obs' });
    expect(await screen.findByText('Alguien del equipo lo cambió mientras tanto: Tarqui norte')).toBeTruthy();
    expect(screen.getByText('Alguien del equipo lo cambió mientras tanto: Observación directa')).toBeTruthy();
    expect(valueOf(/^Título/)).toBe('Barrio Tarqui');
    // The notice describes the field, so screen readers hear it with the input.
    const described = screen.getByLabelText(/^Título/).getAttribute('aria-describedby')!;
    expect(
      described
        .split(' ')
        .map((ref) => document.getElementById(ref)?.textContent)
        .join(' '),
    ).toContain('Tarqui norte');

    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(location.pathname).toBe(`/missions/${id}/assessments`));
    const stored = await storedOf(id, recordId);
    expect(stored.marks.conflicts.title?.map((c) => c.value).sort()).toEqual([
      'Barrio Tarqui',
      'Tarqui norte',
    ]);
    expect(stored.marks.conflicts.method?.map((c) => c.value).sort()).toEqual(['fgd', 'obs']);
    expect(stored.marks.conflicts.title?.map((c) => c.by).sort()).toEqual(['Anna', 'Jordi']);

    // Opened again: the mark names both values, who wrote each and when, and one tap settles it.
    cleanup();
    renderAt(`/missions/${id}/assessments/${recordId}/edit`);
    const title = await waitFor(() => {
      const field = screen.getByLabelText(/^Título/).closest('.field') as HTMLElement;
      expect(within(field).getByText('Cambiado en dos dispositivos:')).toBeTruthy();
      return field;
    });
    expect(within(title).getByText(/^Tarqui norte \(Jordi, .+\)$/)).toBeTruthy();
    expect(within(title).getByText(/^Barrio Tarqui \(Anna, .+\)$/)).toBeTruthy();
    const method = screen.getByLabelText('Método').closest('.field') as HTMLElement;
    expect(within(method).getByText(/^Observación directa \(Jordi, /)).toBeTruthy();
    expect(within(method).getByText(/^Grupo focal \(Anna, /)).toBeTruthy();

    fireEvent.click(within(title).getByRole('button', { name: /Conservar este \(Tarqui norte\)/ }));
    await waitFor(() => expect(within(title).queryByText('Cambiado en dos dispositivos:')).toBeNull());
    await waitFor(() => expect(valueOf(/^Título/)).toBe('Tarqui norte'));
    const settled = await storedOf(id, recordId);
    expect(settled.title).toBe('Tarqui norte');
    expect(settled.marks.conflicts.title).toBeUndefined();
    expect(settled.marks.conflicts.method).toBeDefined();
  });

  it('follows each sector field on its own', async () => {
    const { id, recordId } = await anAssessment();
    renderAt(`/missions/${id}/assessments/${recordId}/edit`);
    await waitFor(() => expect(valueOf('Notas')).toBe('Pozos'));
    fireEvent.input(input('Notas', sector()), { target: { value: 'Pozos contaminados' } });

    await colleague(id, recordId, {
      sectors: [
        { sector: 'wash', severity: 5, affected: 100, inNeed: 50, notes: 'Pozos secos' },
        { sector: 'health', severity: 2, affected: null, inNeed: null, notes: '' },
      ],
    });
    await waitFor(() => expect(input('Severidad', sector()).value).toBe('5'));
    expect(input('Notas', sector()).value).toBe('Pozos contaminados');
    expect(screen.getByText('Alguien del equipo lo cambió mientras tanto: Pozos secos')).toBeTruthy();
    // The sector the colleague added shows up, with its values.
    const groups = screen.getAllByRole('group').filter((g) => g.classList.contains('assessment-sector'));
    expect(groups).toHaveLength(2);
    expect(input('Severidad', groups[1]).value).toBe('2');

    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(location.pathname).toBe(`/missions/${id}/assessments`));
    const stored = await storedOf(id, recordId);
    expect(stored.sectors.map((s) => [s.sector, s.severity])).toEqual([
      ['wash', 5],
      ['health', 2],
    ]);
    expect(stored.marks.conflicts['sectors.wash.notes']?.map((c) => c.value).sort()).toEqual([
      'Pozos contaminados',
      'Pozos secos',
    ]);
    expect(stored.marks.conflicts['sectors.wash.severity']).toBeUndefined();
  });

  it('a draft restored days later follows what changed since it started, and keeps what the user changed', async () => {
    const { id, recordId } = await anAssessment();
    const started = await storedOf(id, recordId);
    const draft: AssessmentFormDraft = {
      values: { ...valuesFrom(started, 'es'), title: 'Tarqui (revisado)' },
      base: savedFrom(started),
    };
    await getDb().settings.put({ key: `draft:assessment:${id}:${recordId}`, value: draft });
    await colleague(id, recordId, { parish: 'Cojimíes', title: 'Tarqui sur' });

    renderAt(`/missions/${id}/assessments/${recordId}/edit`);
    await waitFor(() => expect(valueOf('Parroquia')).toBe('Cojimíes'));
    expect(valueOf(/^Título/)).toBe('Tarqui (revisado)');
    expect(screen.getByText('Alguien del equipo lo cambió mientras tanto: Tarqui sur')).toBeTruthy();
    expect(screen.getByText('Se recuperaron cambios que aún no habías guardado.')).toBeTruthy();
    // The draft on disk moved its base with the field it followed, and kept the one the user changed.
    await waitFor(async () => {
      const saved = (await getDb().settings.get(`draft:assessment:${id}:${recordId}`))
        ?.value as AssessmentFormDraft;
      expect(saved.base).toMatchObject({ parish: 'Cojimíes', title: 'Tarqui' });
    });
  });
});
