// The mission screen: overdue actions are flagged in words, deleted notes leave the list for the trash and come back.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { createRecord, deleteRecord } from '../../../src/storage/commands.ts';
import {
  newMission,
  profile,
  renderAt,
  snapshotOf,
  useFreshDatabase,
  withMission,
} from './missionHarness.tsx';

useFreshDatabase();

const item = (selector: string) => document.querySelector<HTMLElement>(selector);
const found = (selector: string) => {
  const element = item(selector);
  if (!element) throw new Error(`${selector} not rendered`);
  return element;
};

describe('MissionScreen', () => {
  it('shows the overview with objectives as plain text and the new-note button', async () => {
    const id = await newMission();
    renderAt(`/missions/${id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Misión Manta' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Resumen' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByText('Manta (EC1308)')).toBeTruthy();
    expect(screen.getByText(/<b>sin HTML<\/b>/)).toBeTruthy();
    expect(document.querySelector('b')).toBeNull();
    const newNote = screen.getByRole('link', { name: 'Nueva nota' });
    expect(newNote.getAttribute('href')).toBe(`/missions/${id}/notes/new`);
    expect(newNote.className).toContain('fab');
    expect(screen.getByRole('link', { name: 'Editar misión' }).getAttribute('href')).toBe(
      `/missions/${id}/edit`,
    );
  });

  it('lists overdue actions first, marked with the word, and counts them on the tab', async () => {
    const id = await newMission();
    const [later, late, done] = await withMission(id, (mission) => [
      createRecord(
        mission,
        'action',
        { activity: 'Taller final', dueDate: '2099-01-01', status: 'planned' },
        profile,
      ),
      createRecord(
        mission,
        'action',
        { activity: 'Informe', dueDate: '2020-01-01', status: 'in_progress' },
        profile,
      ),
      createRecord(mission, 'action', { activity: 'Visita', dueDate: '2019-01-01', status: 'done' }, profile),
    ]);
    renderAt(`/missions/${id}/actions`);
    await screen.findByText('Informe');
    const overdue = item(`li[data-action-id="${late}"]`)!;
    expect(overdue.classList.contains('overdue')).toBe(true);
    expect(within(overdue).getByText('Vencida')).toBeTruthy();
    for (const other of [later, done]) {
      const row = item(`li[data-action-id="${other}"]`)!;
      expect(row.classList.contains('overdue')).toBe(false);
      expect(within(row).queryByText('Vencida')).toBeNull();
    }
    const order = [...document.querySelectorAll('li[data-action-id]')].map((li) =>
      li.getAttribute('data-action-id'),
    );
    expect(order).toEqual([late, done, later]);
    expect(screen.getByRole('link', { name: /Plan de acción \(3, 1 vencidas\)/ })).toBeTruthy();
  });

  it('keeps a deleted note out of the notes tab, shows it in the trash and restores it', async () => {
    const id = await newMission();
    const [gone, kept] = await withMission(id, (mission) => {
      const ids = [
        createRecord(mission, 'note', { text: 'Nota borrada', tags: [] }, profile),
        createRecord(mission, 'note', { text: 'Nota viva', tags: ['agua'] }, profile),
      ];
      deleteRecord(mission, 'note', ids[0]!, profile);
      return ids;
    });
    const view = renderAt(`/missions/${id}/notes`);
    await screen.findByText('Nota viva');
    expect(item(`li[data-note-id="${kept}"]`)).toBeTruthy();
    expect(item(`li[data-note-id="${gone}"]`)).toBeNull();
    expect(screen.getByRole('link', { name: /Notas \(1\)/ })).toBeTruthy();
    view.unmount();

    renderAt(`/missions/${id}/trash`);
    const row = await waitFor(() => found(`li[data-record-id="${gone}"]`));
    expect(within(row).getByText('Nota borrada')).toBeTruthy();
    expect(within(row).getByText(/Eliminado el .* por Test/)).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Restaurar' }));
    expect(await screen.findByText('La papelera está vacía.')).toBeTruthy();
    const note = (await snapshotOf(id)).notes.find((n) => n.id === gone);
    expect(note?.deletedAt).toBeNull();
  });

  it('searches notes and shows them fifty at a time', async () => {
    const id = await newMission();
    await withMission(id, (mission) => {
      for (let i = 0; i < 60; i++) createRecord(mission, 'note', { text: `Nota ${i}`, tags: [] }, profile);
      createRecord(mission, 'note', { text: 'Reunión en Jaramijó', tags: ['agua'] }, profile);
    });
    renderAt(`/missions/${id}/notes`);
    await screen.findByText('Reunión en Jaramijó');
    expect(document.querySelectorAll('li[data-note-id]')).toHaveLength(50);
    fireEvent.click(screen.getByRole('button', { name: 'Mostrar más' }));
    await waitFor(() => expect(document.querySelectorAll('li[data-note-id]')).toHaveLength(61));
    fireEvent.input(screen.getByLabelText('Buscar notas'), { target: { value: 'jaramijo AGUA' } });
    await waitFor(() => expect(document.querySelectorAll('li[data-note-id]')).toHaveLength(1));
  });
});
