// An observer's device shows missions read-only, says why, and offers no control that would write to them;
// a technician's device offers the same screens for editing.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { AccountRole } from '../../../src/domain/access.ts';
import type { MissionId } from '../../../src/domain/ids.ts';
import {
  createRecord,
  deleteRecord,
  setMissionDeleted,
  updateRecord,
} from '../../../src/storage/commands.ts';
import { getDb } from '../../../src/storage/db.ts';
import { ROLE_KEY, TOKEN_KEY } from '../../../src/sync/signedIn.ts';
import { AppContext } from '../../../src/ui/appContext.ts';
import { I18nContext } from '../../../src/ui/i18n/context.tsx';
import type { MessageKey } from '../../../src/ui/i18n/catalog.ts';
import { translator } from '../../../src/ui/i18n/translate.ts';
import { routes } from '../../../src/ui/routes.ts';
import { MissionListScreen } from '../../../src/ui/screens/MissionListScreen.tsx';
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

const { t } = translator('es');
const noteRoute = { path: routes.note, component: NoteScreen };
const OBSERVER_NOTICE = t('readOnly.observer');

async function signedInAs(role: AccountRole) {
  await getDb().settings.bulkPut([
    { key: TOKEN_KEY, value: 'a-token' },
    { key: ROLE_KEY, value: role },
  ]);
}

/** A mission with one of each record, as a technician would have filled it. */
async function filledMission() {
  const id = await newMission();
  const ids = await withMission(id, (mission) => ({
    note: createRecord(
      mission,
      'note',
      { text: 'Reunión con el GAD', tags: ['agua'], gps: null, photos: [], links: [] },
      profile,
    ),
    assessment: createRecord(mission, 'assessment', { title: 'Barrio El Matal' }, profile),
    action: createRecord(mission, 'action', { activity: 'Taller de riesgos', status: 'planned' }, profile),
  }));
  return { id, ...ids };
}

/** The controls that would change mission content, by role and name, found on screen now. */
function editControls(): string[] {
  const buttons: MessageKey[] = [
    'action.save',
    'action.delete',
    'action.restore',
    'action.remove',
    'note.gps.add',
  ];
  const links: MessageKey[] = [
    'mission.newNote',
    'mission.newAssessment',
    'mission.newAction',
    'mission.editMission',
  ];
  const labels: MessageKey[] = ['photos.take', 'photos.choose', 'note.links.add'];
  return [
    ...buttons.filter((key) => screen.queryByRole('button', { name: t(key) })),
    ...links.filter((key) => screen.queryByRole('link', { name: t(key) })),
    ...labels.filter((key) => screen.queryByLabelText(t(key))),
  ];
}

/** Renders each tab of the mission screen in turn and collects what it offers. */
async function missionTabs(id: MissionId) {
  const seen: { notice: boolean; controls: string[] }[] = [];
  for (const tab of ['', '/assessments', '/notes', '/actions']) {
    const view = renderAt(`/missions/${id}${tab}`);
    await screen.findByRole('heading', { level: 1, name: 'Misión Manta' });
    seen.push({ notice: screen.queryByText(OBSERVER_NOTICE) !== null, controls: editControls() });
    view.unmount();
  }
  return seen;
}

describe('an observer reads missions without being offered changes', () => {
  it('the mission screen says why on every tab and offers no way to add, edit or delete', async () => {
    const { id } = await filledMission();
    await signedInAs('observer');
    const tabs = await missionTabs(id);
    expect(tabs).toEqual(Array.from({ length: 4 }, () => ({ notice: true, controls: [] })));

    renderAt(`/missions/${id}/notes`);
    // What there is to read is all there.
    expect(await screen.findByText('Reunión con el GAD')).toBeTruthy();
  });

  it('a technician is offered every one of those controls, with no observer notice', async () => {
    const { id } = await filledMission();
    await signedInAs('technician');
    const tabs = await missionTabs(id);
    expect(tabs.map((tab) => tab.notice)).toEqual([false, false, false, false]);
    expect(tabs.flatMap((tab) => tab.controls).sort()).toEqual(
      [
        'mission.editMission',
        'mission.newAction',
        'mission.newAssessment',
        'mission.newNote',
        'mission.newNote',
        'mission.newNote',
        'mission.newNote',
      ].sort(),
    );
  });

  it('a note shows its text and tags read-only, with the notice and nothing to save or delete', async () => {
    const { id, note } = await filledMission();
    await signedInAs('observer');
    renderAt(`/missions/${id}/notes/${note}`, 'es', noteRoute);
    expect(await screen.findByText(OBSERVER_NOTICE)).toBeTruthy();
    const text = screen.getByLabelText(t('note.text')) as HTMLTextAreaElement;
    await waitFor(() => expect(text.value).toBe('Reunión con el GAD'));
    expect(text.readOnly).toBe(true);
    expect(document.activeElement).not.toBe(text);
    const tags = screen.getByLabelText(t('note.tags')) as HTMLInputElement;
    expect(tags.value).toBe('agua');
    expect(tags.disabled).toBe(true);
    expect(editControls()).toEqual([]);
    expect(screen.getByText(t('note.gps.none'))).toBeTruthy();
  });

  it('the same note is editable for a technician, with Delete, GPS and photos', async () => {
    const { id, note } = await filledMission();
    await signedInAs('technician');
    renderAt(`/missions/${id}/notes/${note}`, 'es', noteRoute);
    const text = (await screen.findByLabelText(t('note.text'))) as HTMLTextAreaElement;
    await waitFor(() => expect(text.value).toBe('Reunión con el GAD'));
    expect(text.readOnly).toBe(false);
    expect(screen.queryByText(OBSERVER_NOTICE)).toBeNull();
    expect(editControls().sort()).toEqual(
      ['action.delete', 'note.gps.add', 'note.links.add', 'photos.choose', 'photos.take'].sort(),
    );
  });

  it('the new-note address shows the notice and a way back instead of a form, and writes nothing', async () => {
    const id = await newMission();
    await signedInAs('observer');
    renderAt(`/missions/${id}/notes/new`, 'es', noteRoute);
    expect(await screen.findByText(OBSERVER_NOTICE)).toBeTruthy();
    expect(screen.queryByLabelText(t('note.text'))).toBeNull();
    expect(screen.getByRole('link', { name: new RegExp(t('note.backToNotes')) }).getAttribute('href')).toBe(
      `/missions/${id}/notes`,
    );
    expect((await snapshotOf(id)).notes).toHaveLength(0);
  });

  it('the new-action address shows the notice instead of a form', async () => {
    const id = await newMission();
    await signedInAs('observer');
    renderAt(`/missions/${id}/actions/new`);
    expect(await screen.findByText(OBSERVER_NOTICE)).toBeTruthy();
    expect(screen.queryByLabelText(t('actionItem.activity'))).toBeNull();
    expect(screen.getByRole('link', { name: new RegExp(t('mission.backToMission')) })).toBeTruthy();
  });

  it('an action opens as stored, not as a draft left on the device, and no draft is written', async () => {
    const { id, action } = await filledMission();
    const draftKey = `draft:action:${id}:${action}`;
    const leftOver = {
      activity: 'Cambio sin guardar',
      responsible: '',
      dueDate: '',
      status: 'planned',
      torProduct: '',
    };
    await getDb().settings.put({ key: draftKey, value: leftOver });
    await signedInAs('observer');
    // Its edit address too opens the read view: no form, no Edit.
    renderAt(`/missions/${id}/actions/${action}/edit`);
    expect(await screen.findByText(OBSERVER_NOTICE)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Taller de riesgos' })).toBeTruthy();
    expect(document.querySelectorAll('input, select, textarea')).toHaveLength(0);
    expect(screen.queryByRole('link', { name: t('actionItem.editThis') })).toBeNull();
    expect(screen.queryByText(t('actionItem.restoredDraft'))).toBeNull();
    expect(editControls()).toEqual([]);
    // A colleague's change shows at once: the view follows the record.
    await withMission(id, (mission) =>
      updateRecord(mission, 'action', action, { activity: 'Taller de riesgos y agua' }, profile),
    );
    await screen.findByRole('heading', { level: 1, name: 'Taller de riesgos y agua' });
    screen.getByRole('link', { name: new RegExp(t('mission.backToMission')) }).click();
    await waitFor(() => expect(location.pathname).toBe(`/missions/${id}/actions`));
    // The observer's Back neither saved nor removed anything on the device.
    expect((await getDb().settings.get(draftKey))?.value).toEqual(leftOver);
    expect((await snapshotOf(id)).actions[0]!.activity).toBe('Taller de riesgos y agua');
  });

  it('a technician gets that draft back, to save or discard', async () => {
    const { id, action } = await filledMission();
    const leftOver = {
      activity: 'Cambio sin guardar',
      responsible: '',
      dueDate: '',
      status: 'planned',
      torProduct: '',
    };
    await getDb().settings.put({ key: `draft:action:${id}:${action}`, value: leftOver });
    await signedInAs('technician');
    renderAt(`/missions/${id}/actions/${action}`);
    // The read view shows the item as stored; Edit opens the form with the draft.
    expect(await screen.findByRole('heading', { level: 1, name: 'Taller de riesgos' })).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: t('actionItem.editThis') }));
    const activity = (await screen.findByLabelText(t('actionItem.activity'))) as HTMLInputElement;
    await waitFor(() => expect(activity.value).toBe('Cambio sin guardar'));
    expect(screen.getByText(t('actionItem.restoredDraft'))).toBeTruthy();
    expect(screen.getByRole('button', { name: t('action.save') })).toBeTruthy();
  });

  it('a deleted mission and the trash offer no Restore to an observer, and do to a technician', async () => {
    const { id, note } = await filledMission();
    await withMission(id, (mission) => {
      deleteRecord(mission, 'note', note, profile);
      setMissionDeleted(mission, true, profile);
    });
    const restoreOffered = async (role: AccountRole) => {
      await signedInAs(role);
      const missionView = renderAt(`/missions/${id}`);
      await screen.findByText(t('mission.deleted'));
      const onMission = screen.queryByRole('button', { name: t('action.restore') }) !== null;
      missionView.unmount();
      const trashView = renderAt(`/missions/${id}/trash`);
      await screen.findByText('Reunión con el GAD');
      const inTrash = screen.queryByRole('button', { name: t('action.restore') }) !== null;
      trashView.unmount();
      return { onMission, inTrash };
    };
    expect(await restoreOffered('observer')).toEqual({ onMission: false, inTrash: false });
    expect(await restoreOffered('technician')).toEqual({ onMission: true, inTrash: true });
  });

  it('the mission list offers no New mission and says where an observer’s missions come from', async () => {
    await signedInAs('observer');
    render(
      <I18nContext.Provider value={translator('es')}>
        <AppContext.Provider value={{ profile, setProfile: () => {}, setLanguage: () => {} }}>
          <MissionListScreen />
        </AppContext.Provider>
      </I18nContext.Provider>,
    );
    expect(await screen.findByText(t('missions.emptyObserver'))).toBeTruthy();
    expect(screen.queryByRole('link', { name: t('missions.new') })).toBeNull();
    expect(screen.getByRole('link', { name: t('nav.settings') })).toBeTruthy();
  });
});
