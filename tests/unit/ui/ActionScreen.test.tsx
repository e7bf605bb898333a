// The action-item form: refused input is explained in Spanish and writes nothing; a valid one is stored as typed.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { createRecord } from '../../../src/storage/commands.ts';
import {
  newMission,
  profile,
  renderAt,
  snapshotOf,
  useFreshDatabase,
  withMission,
} from './missionHarness.tsx';

useFreshDatabase();

const type = (label: string | RegExp, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('ActionScreen', () => {
  it('refuses an empty activity with a Spanish message and writes nothing', async () => {
    const id = await newMission();
    renderAt(`/missions/${id}/actions/new`);
    await screen.findByLabelText('Actividad');
    type(/^Responsable/, 'GAD Manta');
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect(await screen.findByText('Obligatorio.')).toBeTruthy();
    expect(screen.getByLabelText('Actividad').getAttribute('aria-invalid')).toBe('true');
    expect((await snapshotOf(id)).actions).toHaveLength(0);
    expect(location.pathname).toBe(`/missions/${id}/actions/new`);
    expect((screen.getByLabelText(/^Responsable/) as HTMLInputElement).value).toBe('GAD Manta');
  });

  it('saves a valid action as typed and goes back to the plan', async () => {
    const id = await newMission();
    renderAt(`/missions/${id}/actions/new`);
    await screen.findByLabelText('Actividad');
    type('Actividad', 'Taller de ordenamiento territorial');
    type(/^Responsable/, 'Dirección de Planificación');
    type(/^Fecha límite/, '2016-06-30');
    fireEvent.change(screen.getByLabelText('Estado'), { target: { value: 'in_progress' } });
    type(/^Producto de los términos de referencia/, 'Informe de diagnóstico');
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(location.pathname).toBe(`/missions/${id}/actions`));
    const [action] = (await snapshotOf(id)).actions;
    expect(action).toMatchObject({
      activity: 'Taller de ordenamiento territorial',
      responsible: 'Dirección de Planificación',
      dueDate: '2016-06-30',
      status: 'in_progress',
      torProduct: 'Informe de diagnóstico',
      deletedAt: null,
    });
  });

  it('edits an existing action in place', async () => {
    const id = await newMission();
    const actionId = await withMission(id, (mission) =>
      createRecord(
        mission,
        'action',
        { activity: 'Visita', responsible: '', dueDate: '', status: 'planned', torProduct: '' },
        profile,
      ),
    );
    renderAt(`/missions/${id}/actions/${actionId}/edit`);
    expect(((await screen.findByLabelText('Actividad')) as HTMLInputElement).value).toBe('Visita');
    fireEvent.change(screen.getByLabelText('Estado'), { target: { value: 'done' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(location.pathname).toBe(`/missions/${id}/actions`));
    const actions = (await snapshotOf(id)).actions;
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ id: actionId, activity: 'Visita', status: 'done' });
  });
});
