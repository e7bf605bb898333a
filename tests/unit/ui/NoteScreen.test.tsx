// The note screen: the first keystroke creates exactly one note, later ones update it; tags are saved; others' edits keep the caret.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { createRecord, updateRecord } from '../../../src/storage/commands.ts';
import { routes } from '../../../src/ui/routes.ts';
import { NoteScreen } from '../../../src/ui/screens/NoteScreen.tsx';
import {
  newMission,
  profile,
  renderAt,
  snapshotOf,
  useFreshDatabase,
  withMission,
} from './missionHarness.tsx';

useFreshDatabase();

const noteRoute = { path: routes.note, component: NoteScreen };

/** Types like a keyboard: one input event per character, the caret after it, no pause for re-rendering. */
function typeInto(field: HTMLTextAreaElement, text: string) {
  for (const char of text) {
    const at = field.selectionEnd ?? field.value.length;
    field.value = field.value.slice(0, at) + char + field.value.slice(at);
    field.setSelectionRange(at + 1, at + 1);
    fireEvent.input(field);
  }
}

describe('NoteScreen', () => {
  it('writes nothing on opening, creates one note on the first keystroke and updates it afterwards', async () => {
    const id = await newMission();
    renderAt(`/missions/${id}/notes/new`, 'es', noteRoute);
    const field = (await screen.findByLabelText('Nota')) as HTMLTextAreaElement;
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect((await snapshotOf(id)).notes).toHaveLength(0);

    typeInto(field, 'Reunión');
    await waitFor(() => expect(location.pathname).toMatch(/\/notes\/[0-9a-f-]{36}$/));
    typeInto(field, ' con el GAD');

    const notes = (await snapshotOf(id)).notes;
    expect(notes).toHaveLength(1);
    expect(notes[0]!.text).toBe('Reunión con el GAD');
    expect(location.pathname).toBe(`/missions/${id}/notes/${notes[0]!.id}`);
    // Same element, still focused, nothing lost: typing was never interrupted.
    expect(screen.getByLabelText('Nota')).toBe(field);
    expect(document.activeElement).toBe(field);
    expect(field.value).toBe('Reunión con el GAD');
  });

  it('saves tags typed with commas when the field is left', async () => {
    const id = await newMission();
    const noteId = await withMission(id, (mission) =>
      createRecord(mission, 'note', { text: 'Pozo', tags: [], gps: null, photos: [], links: [] }, profile),
    );
    renderAt(`/missions/${id}/notes/${noteId}`, 'es', noteRoute);
    const tags = await screen.findByLabelText('Etiquetas');
    fireEvent.input(tags, { target: { value: 'agua, pozo,, agua ' } });
    fireEvent.change(tags);
    await waitFor(async () => expect((await snapshotOf(id)).notes[0]!.tags).toEqual(['agua', 'pozo']));
    expect((tags as HTMLInputElement).value).toBe('agua, pozo');
  });

  it('[M4] saves tags on every keystroke, without leaving the field, and tidies them only when it is left', async () => {
    const id = await newMission();
    const noteId = await withMission(id, (mission) =>
      createRecord(
        mission,
        'note',
        { text: 'Pozo', tags: ['agua'], gps: null, photos: [], links: [] },
        profile,
      ),
    );
    const view = renderAt(`/missions/${id}/notes/${noteId}`, 'es', noteRoute);
    const tags = (await screen.findByLabelText('Etiquetas')) as HTMLInputElement;
    tags.focus();
    fireEvent.input(tags, { target: { value: 'agua, pozo,' } });
    // On disk before the field is left; the comma just typed stays where the user put it.
    await waitFor(async () => expect((await snapshotOf(id)).notes[0]!.tags).toEqual(['agua', 'pozo']));
    expect(tags.value).toBe('agua, pozo,');
    fireEvent.input(tags, { target: { value: 'agua, pozo, escuela' } });
    await waitFor(async () =>
      expect((await snapshotOf(id)).notes[0]!.tags).toEqual(['agua', 'escuela', 'pozo']),
    );
    view.unmount();
    renderAt(`/missions/${id}/notes/${noteId}`, 'es', noteRoute);
    const reopened = (await screen.findByLabelText('Etiquetas')) as HTMLInputElement;
    await waitFor(() => expect(reopened.value).toBe('agua, escuela, pozo'));
  });

  it('shows a change made elsewhere while keeping the caret in place', async () => {
    const id = await newMission();
    const noteId = await withMission(id, (mission) =>
      createRecord(
        mission,
        'note',
        { text: 'con el GAD', tags: [], gps: null, photos: [], links: [] },
        profile,
      ),
    );
    renderAt(`/missions/${id}/notes/${noteId}`, 'es', noteRoute);
    const field = (await screen.findByLabelText('Nota')) as HTMLTextAreaElement;
    await waitFor(() => expect(field.value).toBe('con el GAD'));
    field.focus();
    field.setSelectionRange(3, 3);
    await withMission(id, (mission) =>
      updateRecord(mission, 'note', noteId, { text: 'Reunión con el GAD' }, { ...profile, name: 'Jordi' }),
    );
    await waitFor(() => expect(field.value).toBe('Reunión con el GAD'));
    expect(field.selectionStart).toBe(11);
  });
});
