// The mission form: refused input writes nothing, a valid one is stored as typed, edits and deletes go through commands.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider, Route, Router, useRoute } from 'preact-iso';
import { MingaDb, getDb, setDbForTests } from '../../../src/storage/db.ts';
import { acquireMission, closeAllMissions, releaseMission } from '../../../src/storage/docStore.ts';
import { createMission, updateMission } from '../../../src/storage/commands.ts';
import { missionRoot, readMission } from '../../../src/storage/missionDoc.ts';
import type { MissionId } from '../../../src/domain/ids.ts';
import type { DeviceProfile } from '../../../src/domain/model.ts';
import type { MissionDraft } from '../../../src/domain/validation.ts';
import { I18nContext } from '../../../src/ui/i18n/context.tsx';
import { translator } from '../../../src/ui/i18n/translate.ts';
import { AppContext } from '../../../src/ui/appContext.ts';
import { routes } from '../../../src/ui/routes.ts';
import { MissionFormScreen } from '../../../src/ui/screens/MissionFormScreen.tsx';

const profile: DeviceProfile = {
  name: 'Anna Puig',
  institution: 'Ajuntament de Girona',
  role: 'lead',
  deviceId: 'd1',
};
const existing: MissionDraft = {
  title: 'Plan de ordenamiento',
  torReference: 'TdR-12',
  torText: '',
  hostCanton: 'EC1301',
  themes: ['urban_planning'],
  team: [],
  startDate: '2017-05-01',
  endDate: '2017-05-14',
  remoteSupportEnd: '',
  objectives: 'Apoyar el plan.',
  status: 2,
  sdgs: ['11'],
  sendai: [],
};

let db: MingaDb;
beforeEach(() => {
  db = new MingaDb(`test-${crypto.randomUUID()}`);
  setDbForTests(db);
});
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await closeAllMissions();
  db.close();
  setDbForTests(null);
});

function Landed() {
  const { path } = useRoute();
  return <p data-testid="landed">{path}</p>;
}

function renderAt(url: string) {
  history.replaceState(null, '', url);
  return render(
    <I18nContext.Provider value={translator('es')}>
      <AppContext.Provider value={{ profile, setProfile: () => {}, setLanguage: () => {} }}>
        <LocationProvider>
          <Router>
            <Route path={routes.newMission} component={MissionFormScreen} />
            <Route path={routes.editMission} component={MissionFormScreen} />
            <Route default component={Landed} />
          </Router>
        </LocationProvider>
      </AppContext.Provider>
    </I18nContext.Provider>,
  );
}

const type = (label: string, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
const errorOf = (label: string) => {
  const input = screen.getByLabelText(label);
  const ids = input.getAttribute('aria-describedby') ?? '';
  return ids ? document.getElementById(ids.split(' ').pop()!)?.textContent : undefined;
};

async function readStored(id: string) {
  const open = await acquireMission(id as MissionId);
  try {
    return readMission(open.doc, open.id);
  } finally {
    releaseMission(open.id);
  }
}

describe('MissionFormScreen, new mission', () => {
  it('shows Spanish messages for a missing title and an end before the start, and writes nothing', async () => {
    renderAt('/missions/new');
    await screen.findByLabelText('Título');
    fireEvent.change(screen.getByLabelText('Municipio anfitrión'), { target: { value: 'EC1301' } });
    type('Fecha de inicio', '2017-05-10');
    type('Fecha de fin', '2017-05-01');
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));

    expect(errorOf('Título')).toBe('Obligatorio.');
    expect(errorOf('Fecha de fin')).toBe('Termina antes de empezar.');
    const summary = screen.getByText('Corrige los campos marcados abajo.');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    // Give a mistaken write every chance to land before checking that none did.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await getDb().docs.count()).toBe(0);
    expect(await getDb().missions.count()).toBe(0);
  });

  it('creates the mission typed, with the device profile as first team member, and opens it', async () => {
    renderAt('/missions/new');
    await screen.findByLabelText('Título');
    expect((screen.getByLabelText('Nombre') as HTMLInputElement).value).toBe('Anna Puig');
    type('Título', '  Gestión costera Jaramijó ');
    type('Referencia de los TdR', 'TdR-7');
    fireEvent.change(screen.getByLabelText('Municipio anfitrión'), { target: { value: 'EC1321' } });
    type('Objetivos', 'Plan de gestión del riesgo costero.');
    type('Fecha de inicio', '2017-05-01');
    type('Fecha de fin', '2017-05-14');
    fireEvent.click(screen.getByRole('button', { name: 'Gestión del riesgo costero' }));
    fireEvent.click(screen.getByRole('button', { name: /^11 · / }));
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));

    const landed = await screen.findByTestId('landed');
    const id = landed.textContent!.split('/')[2]!;
    const rows = await getDb().missions.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id, title: 'Gestión costera Jaramijó', hostCanton: 'EC1321', status: 1 });
    expect(await readStored(id)).toMatchObject({
      torReference: 'TdR-7',
      objectives: 'Plan de gestión del riesgo costero.',
      themes: ['coastal_risk'],
      sdgs: ['11'],
      startDate: '2017-05-01',
      endDate: '2017-05-14',
      team: [{ name: 'Anna Puig', institution: 'Ajuntament de Girona', role: 'lead' }],
    });
    expect(await getDb().settings.get('draft:mission:new')).toBeUndefined();
  });

  it('keeps what was typed across a reload', async () => {
    renderAt('/missions/new');
    await screen.findByLabelText('Título');
    type('Título', 'Borrador de misión');
    await waitFor(async () => expect(await getDb().settings.get('draft:mission:new')).toBeTruthy());
    cleanup();

    renderAt('/missions/new');
    await waitFor(() =>
      expect((screen.getByLabelText('Título') as HTMLInputElement).value).toBe('Borrador de misión'),
    );
    expect(screen.getByText('Se recuperaron los cambios que no guardaste la última vez.')).toBeTruthy();
  });
});

describe('MissionFormScreen, existing mission', () => {
  it('saves only the fields changed, keeping a colleague’s concurrent edit, and goes back', async () => {
    const id = await createMission(existing, profile);
    renderAt(`/missions/${id}/edit`);
    await waitFor(() =>
      expect((screen.getByLabelText('Título') as HTMLInputElement).value).toBe(existing.title),
    );
    const open = await acquireMission(id);
    updateMission(open, { objectives: 'Objetivos revisados por Jordi.' }, { ...profile, name: 'Jordi' });
    releaseMission(id);
    type('Título', 'Plan de ordenamiento territorial');
    fireEvent.change(screen.getByLabelText('Estado'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));

    await waitFor(() => expect(screen.getByTestId('landed').textContent).toBe(`/missions/${id}`));
    expect(await readStored(id)).toMatchObject({
      ...existing,
      title: 'Plan de ordenamiento territorial',
      status: 3,
      objectives: 'Objetivos revisados por Jordi.',
    });
  });

  it('[M6][M9] continues a draft the earlier version kept, whose team rows had no ids, without losing a row', async () => {
    const id = await createMission(existing, profile);
    const open = await acquireMission(id);
    // The team as the earlier version stored it: rows without ids, read as L0 and L1.
    const oldTeam = [
      { name: 'Anna Puig', institution: 'Ajuntament de Girona', role: 'lead' },
      { name: 'Jordi Vila', institution: 'AMB', role: 'technician' },
    ];
    open.doc.transact(() => missionRoot(open.doc).set('team', oldTeam));
    releaseMission(id);
    const started = { ...existing, team: oldTeam };
    // The user had renamed Jordi's row and added a row, without saving.
    const typed = {
      ...existing,
      team: [
        oldTeam[0],
        { ...oldTeam[1], name: 'Jordi Vila i Pons' },
        { name: 'Laia', institution: '', role: 'support' },
      ],
    };
    await getDb().settings.put({ key: `draft:mission:${id}`, value: { values: typed, base: started } });
    renderAt(`/missions/${id}/edit`);
    await waitFor(() =>
      expect((screen.getAllByLabelText('Nombre')[2] as HTMLInputElement | undefined)?.value).toBe('Laia'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(screen.getByTestId('landed').textContent).toBe(`/missions/${id}`));
    const team = (await readStored(id))!.team;
    expect(team.map(({ name, role }) => [name, role])).toEqual([
      ['Anna Puig', 'lead'],
      ['Jordi Vila i Pons', 'technician'],
      ['Laia', 'support'],
    ]);
    expect(team.slice(0, 2).map((row) => row.id)).toEqual(['L0', 'L1']);
  });

  it('deletes after confirmation, and restores', async () => {
    const id = await createMission(existing, profile);
    const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    window.confirm = confirm;
    renderAt(`/missions/${id}/edit`);
    fireEvent.click(await screen.findByRole('button', { name: 'Eliminar misión' }));
    expect(confirm).toHaveBeenCalledWith(expect.stringMatching(/^¿Eliminar esta misión\?/));
    expect((await readStored(id))?.deletedAt).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Eliminar misión' }));
    await waitFor(() => expect(screen.getByTestId('landed').textContent).toBe('/'));
    expect((await readStored(id))?.deletedAt).toBeTruthy();
    cleanup();

    renderAt(`/missions/${id}/edit`);
    expect(await screen.findByText(/Esta misión está eliminada/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Restaurar' }));
    await waitFor(() => expect(screen.queryByText(/Esta misión está eliminada/)).toBeNull());
    expect((await readStored(id))?.deletedAt).toBeNull();
  });

  it('shows a mission written by a newer version read-only, without Save', async () => {
    const id = await createMission(existing, profile);
    const open = await acquireMission(id);
    missionRoot(open.doc).set('schema', 99);
    releaseMission(id);
    renderAt(`/missions/${id}/edit`);
    expect(await screen.findByText(/Solo lectura/)).toBeTruthy();
    expect((screen.getByLabelText('Título') as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Guardar' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Eliminar misión' })).toBeNull();
  });
});
