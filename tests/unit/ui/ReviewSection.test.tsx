// The review section of the mission screen: controls for a coordinator, read-only for the others, absent offline-only.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writeDecision } from '../../../src/storage/reviewDoc.ts';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import type { AccountRole } from '../../../src/domain/access.ts';
import type { MissionId } from '../../../src/domain/ids.ts';
import { createRecord } from '../../../src/storage/commands.ts';
import { getDb } from '../../../src/storage/db.ts';
import { addComment, setDecision } from '../../../src/storage/reviewCommands.ts';
import { acquireReview, closeAllReviews, releaseReview } from '../../../src/storage/reviewStore.ts';
import { ROLE_KEY, TOKEN_KEY } from '../../../src/sync/signedIn.ts';
import { newMission, profile, renderAt, useFreshDatabase, withMission } from './missionHarness.tsx';

useFreshDatabase();
// Registered after the harness, so it runs before the harness closes the database.
afterEach(() => closeAllReviews());

async function signedInAs(role: AccountRole) {
  await getDb().settings.bulkPut([
    { key: TOKEN_KEY, value: 'token' },
    { key: ROLE_KEY, value: role },
  ]);
}

async function reviewOf(id: MissionId) {
  const review = await acquireReview(id);
  try {
    return review.view.snapshot();
  } finally {
    releaseReview(id);
  }
}

const section = () => screen.findByRole('region', { name: 'Revisión' });

describe('ReviewSection', () => {
  it('lets a coordinator approve with a note and comment on a note, shown newest first with a link', async () => {
    const id = await newMission();
    const noteId = await withMission(id, (mission) =>
      createRecord(mission, 'note', { text: 'Reunión con el GAD\nsegunda línea', tags: [] }, profile),
    );
    await signedInAs('coordinator');
    renderAt(`/missions/${id}`);
    const review = await section();
    expect(await within(review).findByText('Todavía sin revisar.')).toBeTruthy();

    fireEvent.input(within(review).getByLabelText(/Nota para el equipo/), {
      target: { value: '  Buen trabajo.  ' },
    });
    fireEvent.click(within(review).getByRole('button', { name: 'Aprobar' }));
    await within(review).findByText('Aprobada');
    expect(within(review).getByText('Buen trabajo.')).toBeTruthy();
    expect(within(review).getByText(/^Decisión de Test el /)).toBeTruthy();

    fireEvent.change(within(review).getByLabelText('Sobre qué'), { target: { value: `note:${noteId}` } });
    fireEvent.input(within(review).getByLabelText('Comentario'), { target: { value: 'Falta la foto.' } });
    fireEvent.click(within(review).getByRole('button', { name: 'Añadir comentario' }));
    const target = await within(review).findByRole('link', { name: 'Nota: Reunión con el GAD' });
    expect(target.getAttribute('href')).toBe(`/missions/${id}/notes/${noteId}`);
    expect(within(review).getByText('Comentario añadido.')).toBeTruthy();

    fireEvent.input(within(review).getByLabelText('Comentario'), { target: { value: 'Sobre la misión.' } });
    fireEvent.click(within(review).getByRole('button', { name: 'Añadir comentario' }));
    await within(review).findByText('Sobre la misión.');
    const texts = [...review.querySelectorAll('[data-comment-id] .pre-wrap')].map((p) => p.textContent);
    expect(texts).toEqual(['Sobre la misión.', 'Falta la foto.']);

    const stored = await reviewOf(id);
    expect(stored.decision).toMatchObject({ decision: 'approved', by: 'Test', note: 'Buen trabajo.' });
    expect(stored.comments.map((c) => c.target)).toEqual([
      { kind: 'mission', id },
      { kind: 'note', id: noteId },
    ]);
  });

  it('[M2] names both decisions when two coordinators decided at once, and a new decision settles it', async () => {
    const id = await newMission();
    await signedInAs('coordinator');
    const review = await acquireReview(id);
    // A decision made offline on another coordinator's device, merged into this device's review.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(review.doc));
    writeDecision(other, 'approved', '', {
      actor: { name: 'Pere', device: 'device-pere' },
      now: '2024-05-02T09:00:00.000Z',
    });
    writeDecision(review.doc, 'changesRequested', 'Falta el presupuesto.', {
      actor: { name: 'Laia', device: 'device-laia' },
      now: '2024-05-02T09:00:05.000Z',
    });
    Y.applyUpdate(review.doc, Y.encodeStateAsUpdate(other));
    releaseReview(id);
    renderAt(`/missions/${id}`);
    const section_ = await section();
    await within(section_).findByText('Se piden cambios');
    expect(
      within(section_).getByText('Dos coordinadores decidieron a la vez. También se decidió:'),
    ).toBeTruthy();
    expect(within(section_).getByText(/^Aprobada, de Pere el /)).toBeTruthy();
    fireEvent.click(within(section_).getByRole('button', { name: 'Aprobar' }));
    await waitFor(() => expect(within(section_).queryByText(/decidieron a la vez/)).toBeNull());
    expect((await reviewOf(id)).decision).toMatchObject({ decision: 'approved', marks: { conflicts: {} } });
  });

  it('says what is wrong with a comment in the user’s language and keeps what was typed', async () => {
    const id = await newMission();
    await signedInAs('coordinator');
    renderAt(`/missions/${id}`, 'ca');
    const review = await screen.findByRole('region', { name: 'Revisió' });
    fireEvent.click(await within(review).findByRole('button', { name: 'Afegeix el comentari' }));
    expect((await within(review).findByRole('alert')).textContent).toBe('Obligatori.');

    const long = 'a'.repeat(4001);
    const field = within(review).getByLabelText('Comentari') as HTMLTextAreaElement;
    fireEvent.input(field, { target: { value: long } });
    fireEvent.click(within(review).getByRole('button', { name: 'Afegeix el comentari' }));
    await waitFor(() => expect(within(review).getByRole('alert').textContent).toMatch(/llarg/i));
    expect(field.value).toBe(long);
    const [hint] = (field.getAttribute('aria-describedby') ?? '').split(' ');
    expect(document.getElementById(hint!)?.textContent).toBe('Fins a 4.000 caràcters.');
    expect((await reviewOf(id)).comments).toEqual([]);
  });

  it('deletes a comment softly and brings it back with Undo', async () => {
    const id = await newMission();
    await signedInAs('coordinator');
    renderAt(`/missions/${id}`);
    const review = await section();
    fireEvent.input(await within(review).findByLabelText('Comentario'), {
      target: { value: 'Provisional.' },
    });
    fireEvent.click(within(review).getByRole('button', { name: 'Añadir comentario' }));
    fireEvent.click(await within(review).findByRole('button', { name: 'Eliminar comentario' }));
    await waitFor(() => expect(within(review).queryByText('Provisional.')).toBeNull());
    expect((await reviewOf(id)).comments[0]?.deletedAt).not.toBeNull();
    fireEvent.click(within(review).getByRole('button', { name: 'Deshacer' }));
    await within(review).findByText('Provisional.');
    expect((await reviewOf(id)).comments[0]?.deletedAt).toBeNull();
  });

  it.each(['technician', 'observer'] as const)(
    '%s: the review is read-only, live as it arrives',
    async (role) => {
      const id = await newMission();
      await signedInAs(role);
      renderAt(`/missions/${id}`);
      const empty = await section();
      expect(await within(empty).findByText('Todavía sin revisar.')).toBeTruthy();
      expect(within(empty).queryByRole('button')).toBeNull();
      expect(within(empty).queryByRole('textbox')).toBeNull();

      // What a coordinator wrote, as it arrives from the server.
      const review = await acquireReview(id);
      setDecision(
        review,
        { decision: 'changesRequested', note: 'Completar el plan.' },
        { name: 'Laia', deviceId: 'device-1' },
        'coordinator',
      );
      addComment(
        review,
        { target: { kind: 'mission', id }, text: 'Ver el presupuesto.' },
        { name: 'Laia', deviceId: 'device-1' },
        'coordinator',
      );
      releaseReview(id);
      await within(empty).findByText('Se piden cambios');
      expect(within(empty).getByText('Completar el plan.')).toBeTruthy();
      expect(within(empty).getByText('Ver el presupuesto.')).toBeTruthy();
      // No decision control for either; a technician answers the comment in the mission document (M14).
      const buttons = within(empty)
        .queryAllByRole('button')
        .map((button) => button.textContent);
      expect(buttons).toEqual(role === 'technician' ? ['Marcar como hecho', 'Enviar respuesta'] : []);
    },
  );

  it('is not shown on a device that is not signed in', async () => {
    const id = await newMission();
    renderAt(`/missions/${id}`);
    await screen.findByRole('heading', { level: 1, name: 'Misión Manta' });
    // The role is read from the database: give the live query its turn before asserting the absence.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('region', { name: 'Revisión' })).toBeNull();
    expect(screen.queryByText('Revisión')).toBeNull();
  });
});
