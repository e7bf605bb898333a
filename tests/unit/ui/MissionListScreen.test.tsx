// The mission list: newest first, search and status filter, overdue highlight, deleted missions on request.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { MingaDb, getDb, setDbForTests, type MissionRow } from '../../../src/storage/db.ts';
import type { DeviceProfile } from '../../../src/domain/model.ts';
import { I18nContext } from '../../../src/ui/i18n/context.tsx';
import { translator } from '../../../src/ui/i18n/translate.ts';
import { AppContext } from '../../../src/ui/appContext.ts';
import { MissionListScreen, forgetMissionFilters } from '../../../src/ui/screens/MissionListScreen.tsx';

const profile: DeviceProfile = {
  name: 'Anna',
  institution: 'Ajuntament',
  role: 'technician',
  deviceId: 'd1',
};

function row(id: string, patch: Partial<MissionRow>): MissionRow {
  return {
    id,
    title: '',
    status: 2,
    hostCanton: 'EC1301',
    themes: [],
    startDate: '2017-05-01',
    endDate: '2017-05-14',
    updatedAt: '2017-05-01T10:00:00.000Z',
    deleted: 0,
    readOnly: 0,
    searchText: '',
    counts: { assessments: 0, notes: 0, actions: 0, overdue: 0 },
    sourceKey: 1,
    ...patch,
  };
}

const ROWS: MissionRow[] = [
  row('m-portoviejo', {
    title: 'Plan de ordenamiento Portoviejo',
    searchText: 'Plan de ordenamiento Portoviejo TdR-12 Portoviejo',
    updatedAt: '2017-05-03T10:00:00.000Z',
    counts: { assessments: 3, notes: 2, actions: 4, overdue: 2 },
  }),
  row('m-jaramijo', {
    title: 'Gestión costera Jaramijó',
    hostCanton: 'EC1321',
    status: 4,
    searchText: 'Gestión costera Jaramijó TdR-7 Jaramijó',
    updatedAt: '2017-06-01T10:00:00.000Z',
    counts: { assessments: 1, notes: 0, actions: 1, overdue: 0 },
  }),
  row('m-deleted', {
    title: 'Misión duplicada Manta',
    hostCanton: 'EC1308',
    searchText: 'Misión duplicada Manta',
    deleted: 1,
  }),
];

let db: MingaDb;
beforeEach(() => {
  db = new MingaDb(`test-${crypto.randomUUID()}`);
  setDbForTests(db);
});
afterEach(() => {
  cleanup();
  forgetMissionFilters();
  db.close();
  setDbForTests(null);
});

function renderList() {
  return render(
    <I18nContext.Provider value={translator('es')}>
      <AppContext.Provider value={{ profile, setProfile: () => {}, setLanguage: () => {} }}>
        <MissionListScreen />
      </AppContext.Provider>
    </I18nContext.Provider>,
  );
}

const shownIds = () =>
  [...document.querySelectorAll('.mission-list')[0]!.querySelectorAll('[data-mission-id]')].map((el) =>
    el.getAttribute('data-mission-id'),
  );

describe('MissionListScreen', () => {
  it('explains how to start when there is no mission', async () => {
    renderList();
    expect(await screen.findByText(/Aún no hay misiones/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Nueva misión' }).getAttribute('href')).toBe('/missions/new');
  });

  it('lists live missions newest first, with counts and overdue actions highlighted', async () => {
    await getDb().missions.bulkPut(ROWS);
    renderList();
    await screen.findByText('Gestión costera Jaramijó');
    expect(shownIds()).toEqual(['m-jaramijo', 'm-portoviejo']);
    expect(screen.queryByText('Misión duplicada Manta')).toBeNull();

    const portoviejo = document.querySelector('[data-mission-id="m-portoviejo"]')!;
    expect(portoviejo.querySelector('a')!.getAttribute('href')).toBe('/missions/m-portoviejo');
    expect(portoviejo.textContent).toContain('Evaluaciones: 3');
    expect(portoviejo.querySelector('.overdue')?.textContent).toBe('Vencidas: 2');
    const jaramijo = document.querySelector('[data-mission-id="m-jaramijo"]')!;
    expect(jaramijo.textContent).toContain('Jaramijó');
    expect(jaramijo.textContent).toContain('Cerrada');
    expect(jaramijo.querySelector('.overdue')).toBeNull();
  });

  it('searches without regard to accents or case', async () => {
    await getDb().missions.bulkPut(ROWS);
    renderList();
    await screen.findByText('Gestión costera Jaramijó');
    fireEvent.input(screen.getByLabelText('Buscar'), { target: { value: 'JARAMIJO costera' } });
    expect(shownIds()).toEqual(['m-jaramijo']);
    fireEvent.input(screen.getByLabelText('Buscar'), { target: { value: 'pedernales' } });
    expect(screen.getByText('Ninguna misión coincide con la búsqueda o los filtros.')).toBeTruthy();
  });

  it('filters by status', async () => {
    await getDb().missions.bulkPut(ROWS);
    renderList();
    await screen.findByText('Gestión costera Jaramijó');
    fireEvent.change(screen.getByLabelText('Estado'), { target: { value: '2' } });
    expect(shownIds()).toEqual(['m-portoviejo']);
    expect(screen.getByRole('button', { name: 'Filtros (1)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Quitar filtros' }));
    expect(shownIds()).toEqual(['m-jaramijo', 'm-portoviejo']);
  });

  it('lists deleted missions on request, so they can be opened and restored', async () => {
    await getDb().missions.bulkPut(ROWS);
    renderList();
    await screen.findByText('Gestión costera Jaramijó');
    fireEvent.click(screen.getByLabelText('Mostrar misiones eliminadas'));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Misiones eliminadas' })).toBeTruthy());
    const deleted = document.querySelector('[data-mission-id="m-deleted"]')!;
    expect(deleted.querySelector('a')!.getAttribute('href')).toBe('/missions/m-deleted');
    expect(shownIds()).toEqual(['m-jaramijo', 'm-portoviejo']);
  });

  it('follows the list as missions are written', async () => {
    renderList();
    await screen.findByText(/Aún no hay misiones/);
    await getDb().missions.put(ROWS[0]!);
    expect(await screen.findByText('Plan de ordenamiento Portoviejo')).toBeTruthy();
  });
});
