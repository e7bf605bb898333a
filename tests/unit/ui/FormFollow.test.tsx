// [M11] Open mission and action forms follow colleagues' changes: untouched fields take them at once, lists merge
// both sides' changes, a field the user changed keeps the user's value and says what the colleague wrote; a save
// writes only what the user changed, from the values the form started with, and keeps a colleague's value beside
// the user's when both changed the same field.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { createRecord, updateMission, updateRecord } from '../../../src/storage/commands.ts';
import type { DeviceProfile } from '../../../src/domain/model.ts';
import type { MissionId } from '../../../src/domain/ids.ts';
import { AppContext } from '../../../src/ui/appContext.ts';
import { I18nContext } from '../../../src/ui/i18n/context.tsx';
import { translator } from '../../../src/ui/i18n/translate.ts';
import { routes } from '../../../src/ui/routes.ts';
import { MissionFormScreen } from '../../../src/ui/screens/MissionFormScreen.tsx';
import { getDb } from '../../../src/storage/db.ts';
import {
  draft,
  newMission,
  profile,
  renderAt,
  snapshotOf,
  useFreshDatabase,
  withMission,
} from './missionHarness.tsx';

useFreshDatabase();

const jordi: DeviceProfile = { name: 'Jordi', institution: '', role: 'technician', deviceId: 'd-jordi' };

const valueOf = (label: string | RegExp) => (screen.getByLabelText(label) as HTMLInputElement).value;
const type = (label: string | RegExp, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
const pressed = (name: string) => screen.getByRole('button', { name }).getAttribute('aria-pressed');

function renderMissionForm(id: MissionId) {
  history.replaceState(null, '', `/missions/${id}/edit`);
  return render(
    <I18nContext.Provider value={translator('es')}>
      <AppContext.Provider value={{ profile, setProfile: () => {}, setLanguage: () => {} }}>
        <LocationProvider>
          <Router>
            <Route path={routes.editMission} component={MissionFormScreen} />
            <Route default component={() => <p data-testid="landed">left</p>} />
          </Router>
        </LocationProvider>
      </AppContext.Provider>
    </I18nContext.Provider>,
  );
}

describe('an open mission form', () => {
  it('takes a colleague’s changes to untouched fields, rows and tags; keeps and flags the user’s own', async () => {
    const id = await newMission();
    const row = { id: 'row-1', name: 'Anna', institution: 'Girona', role: 'lead' as const };
    await withMission(id, (m) => updateMission(m, { team: [row] }, profile));
    renderMissionForm(id);
    await waitFor(() => expect(valueOf('Título')).toBe(draft.title));
    type('Título', 'Misión Manta 2016');
    fireEvent.click(screen.getByRole('button', { name: 'Gestión del riesgo costero' }));

    await withMission(id, (m) =>
      updateMission(
        m,
        {
          objectives: 'Objetivos de Jordi.',
          team: [{ ...row, name: 'Anna Puig' }],
          themes: ['urban_planning', 'governance'],
        },
        jordi,
      ),
    );
    await waitFor(() => expect(valueOf('Objetivos')).toBe('Objetivos de Jordi.'));
    expect(valueOf('Nombre')).toBe('Anna Puig');
    // Both sides' tags: the colleague's addition and the user's.
    expect(pressed('Gobernanza y gestión municipal')).toBe('true');
    expect(pressed('Gestión del riesgo costero')).toBe('true');
    expect(pressed('Planificación urbana')).toBe('true');
    expect(valueOf('Título')).toBe('Misión Manta 2016');

    await withMission(id, (m) => updateMission(m, { title: 'Misión Manta (Jordi)' }, jordi));
    const title = screen.getByLabelText('Título').closest('.field') as HTMLElement;
    expect(
      await within(title).findByText('Alguien del equipo lo cambió mientras tanto: Misión Manta (Jordi)'),
    ).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    await screen.findByTestId('landed');
    const mission = (await snapshotOf(id)).mission!;
    expect(mission).toMatchObject({
      title: 'Misión Manta 2016',
      objectives: 'Objetivos de Jordi.',
      team: [{ ...row, name: 'Anna Puig' }],
      themes: ['urban_planning', 'coastal_risk', 'governance'],
    });
    expect(mission.marks.conflicts.title?.map((c) => c.value).sort()).toEqual([
      'Misión Manta (Jordi)',
      'Misión Manta 2016',
    ]);
  });

  it('says a colleague changed a long text the user is editing too; saving keeps both changes', async () => {
    const id = await newMission();
    renderMissionForm(id);
    await waitFor(() => expect(valueOf('Objetivos')).toBe(draft.objectives));
    type('Objetivos', `${draft.objectives}\nTaller final.`);
    await withMission(id, (m) => updateMission(m, { objectives: `Primero: ${draft.objectives}` }, jordi));
    expect(
      await screen.findByText(
        'Alguien del equipo cambió este texto mientras tanto; al guardar se conservan ambos cambios.',
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    await screen.findByTestId('landed');
    expect((await snapshotOf(id)).mission?.objectives).toBe(`Primero: ${draft.objectives}\nTaller final.`);
  });
});

describe('an open action form', () => {
  async function anAction() {
    const id = await newMission();
    const actionId = await withMission(id, (m) =>
      createRecord(
        m,
        'action',
        { activity: 'Visita', responsible: 'GAD', dueDate: '2016-06-01', status: 'planned', torProduct: '' },
        profile,
      ),
    );
    return { id, actionId };
  }

  it('writes only what the user changed, and follows a colleague’s other changes as they arrive', async () => {
    const { id, actionId } = await anAction();
    renderAt(`/missions/${id}/actions/${actionId}/edit`);
    await waitFor(() => expect(valueOf('Actividad')).toBe('Visita'));
    type('Actividad', 'Visita técnica');
    await withMission(id, (m) =>
      updateRecord(m, 'action', actionId, { status: 'in_progress', torProduct: 'Informe' }, jordi),
    );
    await waitFor(() => expect(valueOf('Estado')).toBe('in_progress'));
    expect(valueOf(/^Producto de los términos de referencia/)).toBe('Informe');

    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(location.pathname).toBe(`/missions/${id}/actions`));
    const [action] = (await snapshotOf(id)).actions;
    expect(action).toMatchObject({
      activity: 'Visita técnica',
      status: 'in_progress',
      torProduct: 'Informe',
    });
    expect(action?.marks.conflicts).toEqual({});
  });

  it('keeps the user’s value of a field a colleague changed too, flags it, and saves both', async () => {
    const { id, actionId } = await anAction();
    renderAt(`/missions/${id}/actions/${actionId}/edit`);
    await waitFor(() => expect(valueOf('Actividad')).toBe('Visita'));
    fireEvent.change(screen.getByLabelText('Estado'), { target: { value: 'done' } });
    type(/^Fecha límite/, '2016-06-15');
    await withMission(id, (m) =>
      updateRecord(m, 'action', actionId, { status: 'dropped', dueDate: '2016-07-01' }, jordi),
    );
    expect(await screen.findByText('Alguien del equipo lo cambió mientras tanto: Descartada')).toBeTruthy();
    expect(screen.getByText(/^Alguien del equipo lo cambió mientras tanto: 1 jul 2016$/)).toBeTruthy();
    expect(valueOf('Estado')).toBe('done');

    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(location.pathname).toBe(`/missions/${id}/actions`));
    const [action] = (await snapshotOf(id)).actions;
    expect(action?.marks.conflicts.status?.map((c) => c.value).sort()).toEqual(['done', 'dropped']);
    expect(action?.marks.conflicts.dueDate?.map((c) => c.value).sort()).toEqual(['2016-06-15', '2016-07-01']);
    const row = await waitFor(() => {
      const found = document.querySelector<HTMLElement>(`li[data-action-id="${actionId}"]`);
      expect(found).toBeTruthy();
      return found!;
    });
    expect(within(row).getByText('Cambiado en dos dispositivos')).toBeTruthy();
  });

  it('continues a draft an earlier version left on disk', async () => {
    const { id, actionId } = await anAction();
    await getDb().settings.put({
      key: `draft:action:${id}:${actionId}`,
      value: {
        activity: 'Visita (borrador)',
        responsible: 'GAD',
        dueDate: '2016-06-01',
        status: 'planned',
        torProduct: '',
      },
    });
    renderAt(`/missions/${id}/actions/${actionId}/edit`);
    await waitFor(() => expect(valueOf('Actividad')).toBe('Visita (borrador)'));
    await waitFor(async () =>
      expect((await getDb().settings.get(`draft:action:${id}:${actionId}`))?.value).toMatchObject({
        values: { activity: 'Visita (borrador)' },
        base: { activity: 'Visita' },
      }),
    );
    await withMission(id, (m) => updateRecord(m, 'action', actionId, { status: 'in_progress' }, jordi));
    await waitFor(() => expect(valueOf('Estado')).toBe('in_progress'));
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(location.pathname).toBe(`/missions/${id}/actions`));
    expect((await snapshotOf(id)).actions[0]).toMatchObject({
      activity: 'Visita (borrador)',
      status: 'in_progress',
    });
  });
});
