// [M2] [M10] Records as other devices leave them: values written on two devices at once are shown with who wrote
// each and settled with one tap; values no device should have written are shown as text, cleared or replaced,
// and never keep a list or a screen from showing every other record.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import * as Y from 'yjs';
import { createRecord } from '../../../src/storage/commands.ts';
import * as missionDoc from '../../../src/storage/missionDoc.ts';
import type { RecordKind } from '../../../src/domain/ids.ts';
import type { MissionId } from '../../../src/domain/ids.ts';
import { routes } from '../../../src/ui/routes.ts';
import { AppContext } from '../../../src/ui/appContext.ts';
import { I18nContext } from '../../../src/ui/i18n/context.tsx';
import { translator } from '../../../src/ui/i18n/translate.ts';
import { AssessmentEditScreen } from '../../../src/ui/screens/AssessmentScreen.tsx';
import { MissionFormScreen } from '../../../src/ui/screens/MissionFormScreen.tsx';
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

const stamp = (name: string, now: string): missionDoc.Stamp => ({
  actor: { name, device: `dev-${name}` },
  now,
});

/** Two phones change the same record offline, then meet: the open document receives the other phone's change. */
function concurrently(
  id: MissionId,
  kind: RecordKind | 'mission',
  recordId: string,
  mine: Record<string, unknown>,
  theirs: Record<string, unknown>,
) {
  return withMission(id, ({ doc }) => {
    const phone = new Y.Doc();
    Y.applyUpdate(phone, Y.encodeStateAsUpdate(doc));
    const write = (target: Y.Doc, patch: Record<string, unknown>, who: ReturnType<typeof stamp>) =>
      kind === 'mission'
        ? missionDoc.updateMission(target, patch, who)
        : missionDoc.updateRecord(target, kind, recordId, patch, who);
    write(doc, mine, stamp('Anna', '2016-05-03T10:00:00.000Z'));
    write(phone, theirs, stamp('Jordi', '2016-05-03T11:00:00.000Z'));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(phone, Y.encodeStateVector(doc)));
  });
}

/** Writes what a broken or hostile device could: values of the wrong type in every field. */
function garbage(map: Y.Map<unknown>, writes: Record<string, unknown>, plain: Record<string, unknown> = {}) {
  let n = 0;
  for (const [path, v] of Object.entries(writes)) {
    map.set(`r:${path}:bad${n++}`, { v, at: Date.parse('2016-05-01T00:00:00Z'), by: 'Mallory', dev: 'x' });
  }
  for (const [key, value] of Object.entries(plain)) map.set(key, value);
}

const MARKUP = `<img src=x onerror="alert(1)">${'x'.repeat(300)}`;

async function withBrokenRecords(id: MissionId) {
  return withMission(id, (mission) => {
    const healthy = {
      assessment: createRecord(mission, 'assessment', { title: 'Tarqui', canton: 'EC1317' }, profile),
      note: createRecord(mission, 'note', { text: 'Nota sana', tags: ['agua'] }, profile),
      action: createRecord(mission, 'action', { activity: 'Taller' }, profile),
    };
    const broken = {
      assessment: createRecord(mission, 'assessment', {}, profile),
      note: createRecord(mission, 'note', {}, profile),
      action: createRecord(mission, 'action', {}, profile),
    };
    const root = (kind: RecordKind, recordId: string) =>
      missionDoc.recordsRoot(mission.doc, kind).get(recordId)!;
    mission.doc.transact(() => {
      garbage(
        root('assessment', broken.assessment),
        {
          title: 42,
          date: 'ayer',
          method: 'telepatía',
          informantRole: { who: 1 },
          siteReason: ['a'],
          canton: 'EC9999',
          parish: MARKUP,
          gps: true,
          'gps.lat': 'norte',
          'gps.lon': 500,
          'sectors.wash.severity': 9,
          'breakdown.women': -3,
          'breakdown.men': 'muchos',
          inspection: true,
          'inspection.storeys': 1.5,
          deletedAt: 'nunca',
        },
        { 's:sectors:wash': true, 's:sectors:nope': true, 's:priorities: ': true, gaps: 7, 's:photos:zz': 1 },
      );
      garbage(
        root('note', broken.note),
        { gps: true, 'gps.lat': 'norte' },
        { text: 12, createdAt: 'garbage', 's:tags:': '', 's:links:zz': { kind: 'x' } },
      );
      garbage(root('action', broken.action), { activity: null, dueDate: 'pronto', status: 'quizás' });
      // Not a record at all: left out.
      missionDoc.recordsRoot(mission.doc, 'note').set('junk', 'junk' as never);
    });
    return { healthy, broken };
  });
}

describe('records with invalid values', () => {
  it('lists every healthy record, and the broken ones marked in words', async () => {
    const id = await newMission();
    const { healthy, broken } = await withBrokenRecords(id);
    const view = renderAt(`/missions/${id}/assessments`);
    await screen.findByText('Tarqui');
    const row = document.querySelector<HTMLElement>(`li[data-assessment-id="${broken.assessment}"]`)!;
    expect(within(row).getByText('Valores no válidos recibidos')).toBeTruthy();
    expect(
      document.querySelector(`li[data-assessment-id="${healthy.assessment}"]`)?.textContent,
    ).not.toContain('no válidos');
    view.unmount();

    const notes = renderAt(`/missions/${id}/notes`);
    await screen.findByText('Nota sana');
    expect(document.querySelectorAll('li[data-note-id]')).toHaveLength(2);
    const note = document.querySelector<HTMLElement>(`li[data-note-id="${broken.note}"]`)!;
    expect(within(note).getByText('Valores no válidos recibidos')).toBeTruthy();
    expect(within(note).getByText('garbage')).toBeTruthy();
    notes.unmount();

    renderAt(`/missions/${id}/actions`);
    await screen.findByText('Taller');
    const action = document.querySelector<HTMLElement>(`li[data-action-id="${broken.action}"]`)!;
    expect(within(action).getByText('Valores no válidos recibidos')).toBeTruthy();
  });

  it('shows each invalid value as text beside its field; Clear or a saved new value replaces it', async () => {
    const id = await newMission();
    const { broken } = await withBrokenRecords(id);
    renderAt(`/missions/${id}/assessments/${broken.assessment}/edit`, 'es', {
      path: routes.assessmentEdit,
      component: AssessmentEditScreen,
    });
    const title = await screen.findByLabelText(/^Título/);
    const fieldOf = (label: string | RegExp) => screen.getByLabelText(label).closest('.field') as HTMLElement;
    expect((title as HTMLInputElement).value).toBe('');
    expect(within(fieldOf(/^Título/)).getByText('Valor no válido recibido: 42')).toBeTruthy();
    expect(within(fieldOf('Método')).getByText('Valor no válido recibido: telepatía')).toBeTruthy();
    expect(
      within(fieldOf(/^Rol del informante/)).getByText('Valor no válido recibido: {"who":1}'),
    ).toBeTruthy();
    // Raw text, cut short, never markup.
    const parish = within(fieldOf('Parroquia')).getByText(/^Valor no válido recibido: <img/);
    expect(parish.textContent).toBe(`Valor no válido recibido: ${MARKUP.slice(0, 80)}…`);
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText('Valor no válido recibido: norte')).toBeTruthy();
    expect(screen.getByText('Valor no válido recibido: 1.5')).toBeTruthy();
    expect(screen.getByText('Valor no válido recibido: nope')).toBeTruthy();
    expect(screen.getByText('Valor no válido recibido: 7')).toBeTruthy();
    const women = fieldOf('Mujeres');
    expect(within(women).getByText('Valor no válido recibido: -3')).toBeTruthy();

    // Clear writes the field's default; a position with a broken coordinate is removed, never kept at 0, 0.
    fireEvent.click(within(fieldOf(/^Título/)).getByRole('button', { name: 'Limpiar' }));
    fireEvent.click(
      within(screen.getByText('Valor no válido recibido: norte').parentElement!).getByRole('button', {
        name: 'Limpiar',
      }),
    );
    await waitFor(() => expect(screen.queryByText('Valor no válido recibido: 42')).toBeNull());
    await waitFor(() => expect(screen.queryByText('Valor no válido recibido: norte')).toBeNull());
    expect(screen.queryByText('Valor no válido recibido: 500')).toBeNull();

    // Saving the form with new values replaces the others.
    fireEvent.input(screen.getByLabelText(/^Título/), { target: { value: 'Recuperada' } });
    fireEvent.input(screen.getByLabelText('Fecha'), { target: { value: '2016-05-01' } });
    fireEvent.change(screen.getByLabelText('Cantón'), { target: { value: 'EC1317' } });
    fireEvent.change(screen.getByLabelText('Método'), { target: { value: 'fgd' } });
    fireEvent.input(screen.getByLabelText('Mujeres'), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(location.pathname).toBe(`/missions/${id}/assessments`));
    const saved = (await snapshotOf(id)).assessments.find((a) => a.id === broken.assessment)!;
    expect(saved).toMatchObject({
      title: 'Recuperada',
      date: '2016-05-01',
      canton: 'EC1317',
      method: 'fgd',
      gps: null,
      breakdown: { women: 12 },
    });
    for (const path of ['title', 'date', 'canton', 'method', 'breakdown.women', 'gps.lat']) {
      expect(saved.marks.invalid, path).not.toHaveProperty([path]);
    }
    expect(saved.marks.invalid).toHaveProperty(['breakdown.men']);
  });

  it('opens a note with invalid values, marking them, and an action whose every field is wrong', async () => {
    const id = await newMission();
    const { broken } = await withBrokenRecords(id);
    const view = renderAt(`/missions/${id}/notes/${broken.note}`, 'es', {
      path: routes.note,
      component: NoteScreen,
    });
    expect(await screen.findByText('Valor no válido recibido: 12')).toBeTruthy();
    expect(screen.getByText('Valor no válido recibido: norte')).toBeTruthy();
    expect(screen.getByText('Valor no válido recibido: {"kind":"x"}')).toBeTruthy();
    view.unmount();

    // The read view says the same as the form, beside each value.
    const read = renderAt(`/missions/${id}/actions/${broken.action}`);
    expect(await screen.findByText('Valor no válido recibido: pronto')).toBeTruthy();
    expect(screen.getByText('Valor no válido recibido: quizás')).toBeTruthy();
    read.unmount();

    renderAt(`/missions/${id}/actions/${broken.action}/edit`);
    expect(await screen.findByText('Valor no válido recibido: null')).toBeTruthy();
    expect(screen.getByText('Valor no válido recibido: pronto')).toBeTruthy();
    expect(screen.getByText('Valor no válido recibido: quizás')).toBeTruthy();
    expect((screen.getByLabelText('Estado') as HTMLSelectElement).value).toBe('planned');
  });
});

describe('values changed on two devices', () => {
  it('marks the record in its list and settles a note’s position with one tap', async () => {
    const id = await newMission();
    const noteId = await withMission(id, (m) => createRecord(m, 'note', { text: 'Pozo' }, profile));
    const fix = (lat: number) => ({ lat, lon: -80.05, accuracy: 12, capturedAt: '2016-05-03T10:00:00.000Z' });
    await concurrently(id, 'note', noteId, { gps: fix(0.07) }, { gps: fix(0.08) });
    const list = renderAt(`/missions/${id}/notes`);
    const row = await waitFor(() => {
      const found = document.querySelector<HTMLElement>(`li[data-note-id="${noteId}"]`);
      expect(found).toBeTruthy();
      return found!;
    });
    expect(within(row).getByText('Cambiado en dos dispositivos')).toBeTruthy();
    list.unmount();

    renderAt(`/missions/${id}/notes/${noteId}`, 'es', { path: routes.note, component: NoteScreen });
    const mark = (await screen.findByText('Cambiado en dos dispositivos:')).parentElement!;
    expect(within(mark).getByText(/^0\.08000 \(Jordi, .*\)$/)).toBeTruthy();
    expect(within(mark).getByText(/^0\.07000 \(Anna, .*\)$/)).toBeTruthy();
    fireEvent.click(within(mark).getByRole('button', { name: /Conservar este \(0\.07000\)/ }));
    await waitFor(() => expect(screen.queryByText('Cambiado en dos dispositivos:')).toBeNull());
    const note = (await snapshotOf(id)).notes.find((n) => n.id === noteId)!;
    expect(note.gps?.lat).toBe(0.07);
    expect(note.marks.conflicts).toEqual({});
  });

  it('settles a mission’s team row and status from the mission form, and the overview says so first', async () => {
    const id = await newMission();
    const rowId = 'row-1';
    const row = { id: rowId, name: 'Anna', institution: 'Girona', role: 'lead' as const };
    await withMission(id, (m) =>
      missionDoc.updateMission(m.doc, { team: [row] }, stamp('Anna', '2016-05-02T10:00:00.000Z')),
    );
    await concurrently(
      id,
      'mission',
      id,
      { team: [{ ...row, role: 'technician' }], status: 3 },
      { team: [{ ...row, role: 'support' }], status: 4 },
    );
    const overview = renderAt(`/missions/${id}`);
    expect(await screen.findByText('Cambiado en dos dispositivos')).toBeTruthy();
    overview.unmount();

    history.replaceState(null, '', `/missions/${id}/edit`);
    render(
      <I18nContext.Provider value={translator('es')}>
        <AppContext.Provider value={{ profile, setProfile: () => {}, setLanguage: () => {} }}>
          <LocationProvider>
            <Router>
              <Route path={routes.editMission} component={MissionFormScreen} />
              <Route default component={() => null} />
            </Router>
          </LocationProvider>
        </AppContext.Provider>
      </I18nContext.Provider>,
    );
    const role = (await screen.findByLabelText('Rol en la misión')).closest('.field') as HTMLElement;
    await waitFor(() => expect(within(role).getByText('Cambiado en dos dispositivos:')).toBeTruthy());
    expect(within(role).getByText(/^Apoyo \(Jordi, /)).toBeTruthy();
    expect(within(role).getByText(/^Técnico\/a \(Anna, /)).toBeTruthy();
    const status = screen.getByLabelText('Estado').closest('.field') as HTMLElement;
    expect(within(status).getAllByRole('button', { name: /^Conservar este/ })).toHaveLength(2);

    fireEvent.click(within(role).getByRole('button', { name: /Conservar este \(Técnico\/a\)/ }));
    await waitFor(() => expect(within(role).queryByText('Cambiado en dos dispositivos:')).toBeNull());
    await waitFor(() =>
      expect((screen.getByLabelText('Rol en la misión') as HTMLSelectElement).value).toBe('technician'),
    );
    const mission = (await snapshotOf(id)).mission!;
    expect(mission.team).toEqual([{ ...row, role: 'technician' }]);
    expect(Object.keys(mission.marks.conflicts)).toEqual(['status']);
  });
});
