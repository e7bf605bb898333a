// Comments on the record they are about: an action's read view shows the comments on it with their threads; a
// technician replies and marks done while changes are requested; an observer only reads.
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import type { AccountRole } from '../../../src/domain/access.ts';
import type { ActionId, MissionId } from '../../../src/domain/ids.ts';
import type { CommentId } from '../../../src/domain/review.ts';
import { createRecord } from '../../../src/storage/commands.ts';
import { getDb } from '../../../src/storage/db.ts';
import { addReply, readThreads } from '../../../src/storage/replies.ts';
import { addComment, setDecision } from '../../../src/storage/reviewCommands.ts';
import { acquireReview, closeAllReviews, releaseReview } from '../../../src/storage/reviewStore.ts';
import { ROLE_KEY, TOKEN_KEY } from '../../../src/sync/signedIn.ts';
import { newMission, profile, renderAt, useFreshDatabase, withMission } from './missionHarness.tsx';

useFreshDatabase();
afterEach(() => closeAllReviews());

const laia = { name: 'Laia', deviceId: 'laptop-laia' };

async function signedInAs(role: AccountRole) {
  await getDb().settings.bulkPut([
    { key: TOKEN_KEY, value: 'token' },
    { key: ROLE_KEY, value: role },
  ]);
}

/** A mission with an action and a comment on it, changes requested; and a comment on the mission itself. */
async function reviewed(): Promise<{ id: MissionId; actionId: ActionId; commentId: CommentId }> {
  const id = await newMission();
  const actionId = (await withMission(id, (mission) =>
    createRecord(mission, 'action', { activity: 'Clorar el pozo', status: 'planned' }, profile),
  )) as ActionId;
  const review = await acquireReview(id);
  setDecision(review, { decision: 'changesRequested', note: '' }, laia, 'coordinator');
  const commentId = addComment(
    review,
    { target: { kind: 'action', id: actionId }, text: 'Falta el responsable.' },
    laia,
    'coordinator',
  );
  addComment(review, { target: { kind: 'mission', id }, text: 'Sobre la misión.' }, laia, 'coordinator');
  releaseReview(id);
  return { id, actionId, commentId };
}

describe('RecordComments', () => {
  it('shows only the record’s comments; a technician replies and marks the change done', async () => {
    const { id, actionId } = await reviewed();
    await signedInAs('technician');
    renderAt(`/missions/${id}/actions/${actionId}`);
    const region = await screen.findByRole('region', { name: 'Comentarios de la revisión' });
    await within(region).findByText('Falta el responsable.');
    expect(within(region).queryByText('Sobre la misión.')).toBeNull();

    fireEvent.input(within(region).getByLabelText(/Tu respuesta/), {
      target: { value: ' Añadido: Jordi. ' },
    });
    fireEvent.click(within(region).getByRole('button', { name: 'Enviar respuesta' }));
    await within(region).findByText('Añadido: Jordi.');
    const toggle = within(region).getByRole('button', { name: 'Marcar como hecho' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-pressed')).toBe('true'));
    expect(within(region).getByText(/^Hecho: marcado por Test el /)).toBeTruthy();

    const threads = await withMission(id, (mission) => readThreads(mission.doc));
    const [thread] = [...threads.values()];
    expect(thread?.map((reply) => [reply.text, reply.done])).toEqual([
      ['Añadido: Jordi.', false],
      ['', true],
    ]);
  });

  it('the author deletes their reply after confirming; it stays as "Respuesta eliminada"', async () => {
    const { id, actionId } = await reviewed();
    await signedInAs('technician');
    renderAt(`/missions/${id}/actions/${actionId}`);
    const region = await screen.findByRole('region', { name: 'Comentarios de la revisión' });
    await within(region).findByText('Falta el responsable.');
    fireEvent.input(within(region).getByLabelText(/Tu respuesta/), { target: { value: 'Me equivoqué.' } });
    fireEvent.click(within(region).getByRole('button', { name: 'Enviar respuesta' }));
    await within(region).findByText('Me equivoqué.');

    // Keeping it changes nothing.
    fireEvent.click(within(region).getByRole('button', { name: 'Eliminar respuesta' }));
    let dialog = await screen.findByRole('dialog', { name: '¿Eliminar tu respuesta?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Conservarla' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(within(region).getByText('Me equivoqué.')).toBeTruthy();

    fireEvent.click(within(region).getByRole('button', { name: 'Eliminar respuesta' }));
    dialog = await screen.findByRole('dialog', { name: '¿Eliminar tu respuesta?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Eliminar respuesta' }));
    await within(region).findByText(/^Respuesta eliminada · Test, /);
    expect(within(region).queryByText('Me equivoqué.')).toBeNull();
    expect(within(region).queryByRole('button', { name: 'Eliminar respuesta' })).toBeNull();
    const threads = await withMission(id, (mission) => readThreads(mission.doc));
    expect([...threads.values()][0]?.[0]?.deletedAt).not.toBeNull();
  });

  it('offers no delete on another’s reply', async () => {
    const { id, actionId, commentId } = await reviewed();
    await withMission(id, (mission) => addReply(mission, { commentId, text: 'De Laia.', done: false }, laia));
    await signedInAs('technician');
    renderAt(`/missions/${id}/actions/${actionId}`);
    const region = await screen.findByRole('region', { name: 'Comentarios de la revisión' });
    await within(region).findByText('De Laia.');
    expect(within(region).queryByRole('button', { name: 'Eliminar respuesta' })).toBeNull();
  });

  it('an observer reads the comment with no reply box and no toggle', async () => {
    const { id, actionId } = await reviewed();
    await signedInAs('observer');
    renderAt(`/missions/${id}/actions/${actionId}`);
    const region = await screen.findByRole('region', { name: 'Comentarios de la revisión' });
    await within(region).findByText('Falta el responsable.');
    expect(within(region).queryByRole('button')).toBeNull();
    expect(within(region).queryByRole('textbox')).toBeNull();
  });

  it('is absent when no comment is about the record', async () => {
    const id = await newMission();
    const actionId = await withMission(id, (mission) =>
      createRecord(mission, 'action', { activity: 'Sin comentarios', status: 'planned' }, profile),
    );
    await signedInAs('technician');
    renderAt(`/missions/${id}/actions/${actionId}`);
    await screen.findByRole('heading', { name: 'Sin comentarios' });
    expect(screen.queryByRole('region', { name: 'Comentarios de la revisión' })).toBeNull();
  });
});
