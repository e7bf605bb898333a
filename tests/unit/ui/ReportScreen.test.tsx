// The mission report on screen: the mission's facts with its days on site, sections only for what the mission
// holds, the action plan with overdue items in words, and field notes only when the reader includes them.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import type { MissionId } from '../../../src/domain/ids.ts';
import { createRecord } from '../../../src/storage/commands.ts';
import { AppContext } from '../../../src/ui/appContext.ts';
import { I18nContext } from '../../../src/ui/i18n/context.tsx';
import { translator } from '../../../src/ui/i18n/translate.ts';
import { routes } from '../../../src/ui/routes.ts';
import { ReportScreen } from '../../../src/ui/screens/report/ReportScreen.tsx';
import { newMission, profile, useFreshDatabase, withMission } from './missionHarness.tsx';

useFreshDatabase();

function renderReport(id: MissionId) {
  history.replaceState(null, '', `/missions/${id}/report`);
  return render(
    <I18nContext.Provider value={translator('es')}>
      <AppContext.Provider value={{ profile, setProfile: () => {}, setLanguage: () => {} }}>
        <LocationProvider>
          <Router>
            <Route path={routes.report} component={ReportScreen} />
            <Route default component={() => null} />
          </Router>
        </LocationProvider>
      </AppContext.Provider>
    </I18nContext.Provider>,
  );
}

const section = (id: string) => document.querySelector<HTMLElement>(`[data-report-section="${id}"]`);

describe('ReportScreen', () => {
  it('heads the report with the mission’s facts, and leaves out the parts it has nothing for', async () => {
    const id = await newMission();
    renderReport(id);
    expect(await screen.findByRole('heading', { level: 1, name: 'Misión Manta' })).toBeTruthy();
    const heading = document.querySelector<HTMLElement>('.report__heading')!;
    expect(within(heading).getByText('Manta (EC1308)')).toBeTruthy();
    expect(within(heading).getByText('TdR-7')).toBeTruthy();
    // 2 to 14 May, both days counted.
    expect(within(heading).getByText('Días en terreno').nextElementSibling?.textContent).toBe('13');
    expect(section('objectives')?.textContent).toContain('<b>sin HTML</b>');
    expect(document.querySelector('b')).toBeNull();
    for (const empty of ['team', 'assessments', 'actions', 'notes', 'photos', 'review'])
      expect(section(empty), empty).toBeNull();
    // Nothing to wait for: no photo, and no review on a device that is not signed in.
    await waitFor(() => expect(document.querySelector('[data-report-ready="true"]')).not.toBeNull());
    expect(screen.getByRole('button', { name: 'Imprimir / Guardar como PDF' })).toBeTruthy();
  });

  it('lists the action plan with overdue items in words, and the notes once included', async () => {
    const id = await newMission();
    await withMission(id, (mission) => {
      createRecord(
        mission,
        'action',
        { activity: 'Informe', dueDate: '2020-01-01', status: 'planned' },
        profile,
      );
      createRecord(mission, 'action', { activity: 'Visita', dueDate: '2019-01-01', status: 'done' }, profile);
      createRecord(mission, 'note', { text: 'Reunión con el GAD' }, profile);
    });
    renderReport(id);
    await screen.findByText('Informe');
    const rows = [...section('actions')!.querySelectorAll('tbody tr')];
    expect(rows.map((row) => row.querySelector('th')?.textContent)).toEqual(['Informe', 'Visita']);
    expect(rows[0]!.textContent).toContain('Vencida');
    expect(rows[1]!.textContent).not.toContain('Vencida');
    expect(screen.queryByText('Reunión con el GAD')).toBeNull();
    fireEvent.click(screen.getByLabelText('Incluir las notas de campo'));
    expect(await screen.findByText('Reunión con el GAD')).toBeTruthy();
  });
});
