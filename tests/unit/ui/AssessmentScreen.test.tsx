// The needs-assessment form: refused input is explained in the user's language and writes nothing; a valid
// assessment is stored as typed and can be read back from the mission's snapshot.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { MingaDb, setDbForTests } from '../../../src/storage/db.ts';
import { acquireMission, closeAllMissions, releaseMission } from '../../../src/storage/docStore.ts';
import { createMission, createRecord, updateRecord } from '../../../src/storage/commands.ts';
import { recordsRoot } from '../../../src/storage/missionDoc.ts';
import { savePhoto } from '../../../src/storage/photos.ts';
import type { MissionId, Sha256 } from '../../../src/domain/ids.ts';
import type { DeviceProfile, Language, PhotoRef } from '../../../src/domain/model.ts';
import { todayIso } from '../../../src/domain/rules.ts';
import { I18nContext } from '../../../src/ui/i18n/context.tsx';
import { translator } from '../../../src/ui/i18n/translate.ts';
import type { MessageKey } from '../../../src/ui/i18n/catalog.ts';
import { AppContext } from '../../../src/ui/appContext.ts';
import { routes } from '../../../src/ui/routes.ts';
import { AssessmentEditScreen, AssessmentScreen } from '../../../src/ui/screens/AssessmentScreen.tsx';

// Decoding images needs a real browser; here a chosen file simply becomes a stored photo reference.
vi.mock('../../../src/storage/photos.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../src/storage/photos.ts')>()),
  savePhoto: vi.fn(),
}));

const profile: DeviceProfile = { name: 'Test', institution: '', role: 'technician', deviceId: 'd' };

let db: MingaDb;
beforeEach(() => {
  db = new MingaDb(`test-${crypto.randomUUID()}`);
  setDbForTests(db);
});
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  vi.mocked(savePhoto).mockReset();
  await closeAllMissions();
  db.close();
  setDbForTests(null);
});

function newMission(): Promise<MissionId> {
  return createMission(
    {
      title: 'Reconstrucción Pedernales',
      torReference: '',
      torText: '',
      hostCanton: 'EC1317',
      themes: [],
      team: [],
      startDate: '2016-05-02',
      endDate: '',
      remoteSupportEnd: '',
      objectives: '',
      status: 2,
      sdgs: [],
      sendai: [],
    },
    profile,
  );
}

async function withMission<T>(
  id: MissionId,
  use: (mission: Awaited<ReturnType<typeof acquireMission>>) => T,
) {
  const mission = await acquireMission(id);
  try {
    return use(mission);
  } finally {
    releaseMission(id);
  }
}

const assessmentsOf = (id: MissionId) => withMission(id, (m) => m.view.snapshot().assessments);

function Elsewhere() {
  return null;
}

function renderAt(url: string, lang: Language = 'es') {
  history.replaceState(null, '', url);
  return render(
    <I18nContext.Provider value={translator(lang)}>
      <AppContext.Provider value={{ profile, setProfile: () => {}, setLanguage: () => {} }}>
        <LocationProvider>
          <Router>
            <Route path={routes.assessment} component={AssessmentScreen} />
            <Route path={routes.assessmentEdit} component={AssessmentEditScreen} />
            <Route default component={Elsewhere} />
          </Router>
        </LocationProvider>
      </AppContext.Provider>
    </I18nContext.Provider>,
  );
}

const type = (label: string | RegExp, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
const choose = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
/** The message a field shows, as screen readers get it. */
const messageOf = (label: string | RegExp) => {
  const field = screen.getByLabelText(label);
  expect(field.getAttribute('aria-invalid')).toBe('true');
  return document.getElementById(field.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent;
};

async function openNew(lang: Language = 'es') {
  const id = await newMission();
  renderAt(`/missions/${id}/assessments/new`, lang);
  return id;
}

async function startValid(id: MissionId) {
  await screen.findByLabelText(/^Título/);
  type(/^Título/, 'Barrio Tarqui, Pedernales');
  choose('Añadir sector', 'wash');
  choose('Severidad', '4');
  return id;
}

describe('AssessmentScreen', () => {
  it('offers only severities 1 to 5 and refuses a sector left without one', async () => {
    const id = await openNew();
    await screen.findByLabelText(/^Título/);
    type(/^Título/, 'Barrio Tarqui, Pedernales');
    choose('Añadir sector', 'wash');
    const options = [...(screen.getByLabelText('Severidad') as HTMLSelectElement).options];
    expect(options.map((o) => o.value)).toEqual(['', '1', '2', '3', '4', '5']);
    expect(options[3]?.textContent).toBe('3 · Severa');

    save();
    expect(await screen.findByText('Corrige los campos marcados abajo.')).toBeTruthy();
    expect(messageOf('Severidad')).toBe('La severidad va de 1 a 5.');
    expect(await assessmentsOf(id)).toHaveLength(0);
    // A sector once added is no longer offered.
    const offered = [...(screen.getByLabelText('Añadir sector') as HTMLSelectElement).options].map(
      (o) => o.value,
    );
    expect(offered).not.toContain('wash');
  });

  it('refuses a negative count with a Spanish message and writes nothing', async () => {
    const id = await startValid(await openNew());
    type('Personas afectadas', '-40');
    type('Mujeres', '12a');
    save();
    expect(await screen.findByText('No puede ser negativo.')).toBeTruthy();
    expect(messageOf('Personas afectadas')).toBe('No puede ser negativo.');
    expect(messageOf('Mujeres')).toBe('Introduce un número.');
    expect(await assessmentsOf(id)).toHaveLength(0);
    expect(location.pathname).toBe(`/missions/${id}/assessments/new`);
    // What was typed stays on screen, and a fixed field loses its message at once.
    expect((screen.getByLabelText('Personas afectadas') as HTMLInputElement).value).toBe('-40');
    type('Personas afectadas', '40');
    expect(screen.getByLabelText('Personas afectadas').getAttribute('aria-invalid')).toBeNull();
  });

  it('reads "1,200" as twelve hundred in English, and refuses it as unclear in Spanish without writing', async () => {
    const id = await startValid(await openNew());
    type('Personas afectadas', '1,200');
    save();
    expect(await screen.findByText('Corrige los campos marcados abajo.')).toBeTruthy();
    expect(messageOf('Personas afectadas')).toBe(translator('es').t('validation.ambiguousNumber'));
    expect(await assessmentsOf(id)).toHaveLength(0);
    cleanup();

    const english = await openNew('en');
    await screen.findByLabelText(/^Title/);
    type(/^Title/, 'Barrio Tarqui, Pedernales');
    choose('Add sector', 'wash');
    choose('Severity', '4');
    type('People affected', '1,200');
    type('People in need', '1 150');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(location.pathname).toBe(`/missions/${english}/assessments`));
    const [saved] = await assessmentsOf(english);
    expect(saved?.sectors[0]).toMatchObject({ sector: 'wash', affected: 1200, inNeed: 1150 });
  });

  it('refuses more people in need than people affected', async () => {
    const id = await startValid(await openNew());
    type('Personas afectadas', '100');
    type('Personas con necesidades', '150');
    save();
    await screen.findByText('Corrige los campos marcados abajo.');
    expect(messageOf('Personas con necesidades')).toBe('No puede superar el número de personas afectadas.');
    expect(await assessmentsOf(id)).toHaveLength(0);
  });

  it('saves a valid assessment as typed, readable from the mission snapshot', async () => {
    const id = await openNew();
    await screen.findByLabelText(/^Título/);
    expect((screen.getByLabelText('Fecha') as HTMLInputElement).value).toBe(todayIso());
    expect((screen.getByLabelText('Cantón') as HTMLSelectElement).value).toBe('EC1317');
    type(/^Título/, '  Barrio Tarqui, Pedernales ');
    type('Fecha', '2016-04-20');
    choose('Método', 'fgd');
    type(/^Rol del informante/, 'Presidenta del comité barrial');
    type(/^Por qué este sitio/, 'Mayor concentración de viviendas colapsadas');
    type('Parroquia', 'Pedernales');
    choose('Añadir sector', 'shelter');
    choose('Añadir sector', 'wash');
    const [shelter, wash] = screen
      .getAllByRole('group')
      .filter((g) => g.classList.contains('assessment-sector'));
    fireEvent.change(within(shelter!).getByLabelText('Severidad'), { target: { value: '5' } });
    fireEvent.input(within(shelter!).getByLabelText('Personas afectadas'), { target: { value: '1.200' } });
    fireEvent.input(within(shelter!).getByLabelText('Personas con necesidades'), {
      target: { value: '900' },
    });
    fireEvent.change(within(wash!).getByLabelText('Severidad'), { target: { value: '3' } });
    fireEvent.input(within(wash!).getByLabelText('Notas'), { target: { value: 'Pozos contaminados' } });
    type('Mujeres', '640');
    type('Personas mayores', '150');
    type('Prioridad 1', 'Refugio');
    type('Prioridad 2', 'Agua segura');
    fireEvent.click(screen.getByRole('button', { name: /Subir \(Prioridad 2\)/ }));
    type('Vacíos de información', 'Sin datos de personas con discapacidad');
    type('Acciones recomendadas', 'Distribuir filtros de agua');
    fireEvent.click(screen.getByLabelText('Incluir una inspección de edificación'));
    fireEvent.click(screen.getByLabelText(/^Roja/));
    choose('Grado de daño (EMS-98)', '3');
    choose('Tipo de estructura', 'confined_masonry');
    type('Pisos', '2');
    type('Ocupantes', '7');
    save();

    await waitFor(() => expect(location.pathname).toBe(`/missions/${id}/assessments`));
    const [assessment] = await assessmentsOf(id);
    expect(assessment).toMatchObject({
      title: 'Barrio Tarqui, Pedernales',
      date: '2016-04-20',
      method: 'fgd',
      informantRole: 'Presidenta del comité barrial',
      siteReason: 'Mayor concentración de viviendas colapsadas',
      canton: 'EC1317',
      parish: 'Pedernales',
      gps: null,
      sectors: [
        { sector: 'shelter', severity: 5, affected: 1200, inNeed: 900, notes: '' },
        { sector: 'wash', severity: 3, affected: null, inNeed: null, notes: 'Pozos contaminados' },
      ],
      breakdown: { women: 640, men: null, children: null, elderly: 150 },
      priorities: ['Agua segura', 'Refugio'],
      gaps: 'Sin datos de personas con discapacidad',
      recommendations: 'Distribuir filtros de agua',
      inspection: {
        placard: 'red',
        damageGrade: 3,
        structureType: 'confined_masonry',
        use: '',
        storeys: 2,
        occupants: 7,
      },
      photos: [],
      createdBy: 'Test',
      deletedAt: null,
    });
    // The draft is gone: opening a new assessment starts empty.
    expect(await db.settings.get(`draft:assessment:${id}:new`)).toBeUndefined();
  });

  it('captures a GPS position, or says calmly that the canton will be used', async () => {
    const getCurrentPosition = vi.fn((ok: PositionCallback) =>
      ok({ coords: { latitude: 0.0721234567, longitude: -80.0531, accuracy: 12.4 }, timestamp: 0 } as never),
    );
    Object.defineProperty(navigator, 'geolocation', { value: { getCurrentPosition }, configurable: true });
    const id = await startValid(await openNew());
    fireEvent.click(screen.getByRole('button', { name: 'Capturar posición GPS' }));
    expect(await screen.findByText('Latitud 0.07212, longitud -80.05310 (± 12 m)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Quitar posición' }));
    expect(screen.queryByText(/^Latitud/)).toBeNull();

    getCurrentPosition.mockImplementation(((_ok: PositionCallback, fail: PositionErrorCallback) =>
      fail({ code: 1, PERMISSION_DENIED: 1 } as never)) as never);
    fireEvent.click(screen.getByRole('button', { name: 'Capturar posición GPS' }));
    expect(await screen.findByText(/Se usará el cantón elegido en la lista/)).toBeTruthy();
    save();
    await waitFor(() => expect(location.pathname).toBe(`/missions/${id}/assessments`));
    expect((await assessmentsOf(id))[0]).toMatchObject({ gps: null, canton: 'EC1317' });
  });

  it('adds chosen photos without their location unless asked, and saves them with the assessment', async () => {
    const ref = (n: number): PhotoRef => ({
      sha256: String(n).repeat(64) as Sha256,
      mime: 'image/jpeg',
      bytes: 1000,
      width: 1600,
      height: 1200,
      takenAt: '2016-04-20T15:00:00.000Z',
      location: null,
    });
    vi.mocked(savePhoto).mockResolvedValueOnce(ref(1)).mockResolvedValueOnce(ref(2));
    const id = await startValid(await openNew());
    const files = [
      new File(['a'], 'a.jpg', { type: 'image/jpeg' }),
      new File(['b'], 'b.jpg', { type: 'image/jpeg' }),
    ];
    expect(screen.getByLabelText('Tomar foto').getAttribute('capture')).toBe('environment');
    expect((screen.getByLabelText('Guardar la ubicación con las fotos') as HTMLInputElement).checked).toBe(
      false,
    );
    fireEvent.change(screen.getByLabelText('Elegir fotos'), { target: { files } });
    expect(await screen.findByRole('button', { name: 'Quitar foto 2' })).toBeTruthy();
    expect(vi.mocked(savePhoto).mock.calls.map((call) => call[2])).toEqual([
      { keepLocation: null },
      { keepLocation: null },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Quitar foto 1' }));
    save();
    await waitFor(() => expect(location.pathname).toBe(`/missions/${id}/assessments`));
    expect((await assessmentsOf(id))[0]?.photos).toEqual([ref(2)]);
  });

  it('edits only what changed, and deletes to the trash after confirming', async () => {
    const id = await newMission();
    const recordId = await withMission(id, (m) =>
      createRecord(
        m,
        'assessment',
        {
          title: 'Tarqui',
          date: '2016-04-20',
          method: 'kii',
          canton: 'EC1317',
          sectors: [],
          priorities: ['Agua'],
        },
        profile,
      ),
    );
    renderAt(`/missions/${id}/assessments/${recordId}/edit`, 'ca');
    expect(((await screen.findByLabelText(/^Títol/)) as HTMLInputElement).value).toBe('Tarqui');
    expect((screen.getByLabelText('Prioritat 1') as HTMLInputElement).value).toBe('Agua');
    type(/^Títol/, 'Barrio Tarqui');
    // A colleague's edit to another field arrives while the form is open: saving must not undo it.
    await withMission(id, (m) => updateRecord(m, 'assessment', recordId, { parish: 'Cojimíes' }, profile));
    fireEvent.click(screen.getByRole('button', { name: 'Desa' }));
    await waitFor(() => expect(location.pathname).toBe(`/missions/${id}/assessments`));
    expect((await assessmentsOf(id))[0]).toMatchObject({
      title: 'Barrio Tarqui',
      parish: 'Cojimíes',
      priorities: ['Agua'],
    });

    cleanup();
    const confirm = vi.fn(() => false);
    Object.defineProperty(window, 'confirm', { value: confirm, configurable: true });
    renderAt(`/missions/${id}/assessments/${recordId}/edit`, 'ca');
    fireEvent.click(await screen.findByRole('button', { name: 'Elimina l’avaluació' }));
    expect(confirm).toHaveBeenCalledWith(
      'Vols moure aquesta avaluació a la paperera? Es pot restaurar des d’allà.',
    );
    expect((await assessmentsOf(id))[0]?.deletedAt).toBeNull();
    confirm.mockReturnValue(true);
    fireEvent.click(screen.getByRole('button', { name: 'Elimina l’avaluació' }));
    await waitFor(() => expect(location.pathname).toBe(`/missions/${id}/assessments`));
    expect((await assessmentsOf(id))[0]?.deletedAt).not.toBeNull();
  });

  it('shows an assessment written by a newer version read-only', async () => {
    const id = await newMission();
    const recordId = await withMission(id, (m) => {
      const created = createRecord(m, 'assessment', { title: 'Del futuro', canton: 'EC1317' }, profile);
      recordsRoot(m.doc, 'assessment').get(created)!.set('schema', 99);
      return created;
    });
    // Its edit address too opens the read view, without Edit.
    renderAt(`/missions/${id}/assessments/${recordId}/edit`);
    expect(await screen.findByText(/Solo lectura/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Del futuro' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Guardar' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Editar la evaluación' })).toBeNull();
    expect(document.querySelectorAll('input, select, textarea')).toHaveLength(0);
  });

  it.each<Language>(['en', 'es', 'ca'])('finds every control by its label in %s', async (lang) => {
    const { t } = translator(lang);
    const labels = FIELD_LABELS.map(([key, params]) => t(key, params));
    if (lang === 'en') expect(labels).toEqual(ENGLISH_LABELS);
    await openNew(lang);
    await screen.findByText(labels[0]!, { selector: 'label' });
    choose(t('assessments.addSector'), 'health');
    fireEvent.click(screen.getByLabelText(t('assessments.includeInspection')));
    for (const label of labels) expect(screen.getByLabelText(label), label).toBeTruthy();
    for (const key of ['assessments.gps.capture', 'action.save'] as const) {
      expect(screen.getByRole('button', { name: t(key) }), key).toBeTruthy();
    }
  });
});

const FIELD_LABELS: [MessageKey, Record<string, number>?][] = [
  ['assessments.field.title'],
  ['assessments.field.date'],
  ['assessments.field.method'],
  ['assessments.field.informantRole'],
  ['assessments.field.siteReason'],
  ['assessments.field.canton'],
  ['assessments.field.parish'],
  ['assessments.addSector'],
  ['assessments.field.severity'],
  ['assessments.field.affected'],
  ['assessments.field.inNeed'],
  ['assessments.field.women'],
  ['assessments.field.men'],
  ['assessments.field.children'],
  ['assessments.field.elderly'],
  ['assessments.field.priority', { n: 1 }],
  ['assessments.field.priority', { n: 2 }],
  ['assessments.field.priority', { n: 3 }],
  ['assessments.field.gaps'],
  ['assessments.field.recommendations'],
  ['assessments.includeInspection'],
  ['assessments.field.damageGrade'],
  ['assessments.field.structureType'],
  ['photos.take'],
  ['photos.choose'],
  ['photos.keepLocation'],
];

const ENGLISH_LABELS = [
  'Title',
  'Date',
  'Method',
  'Informant role',
  'Why this site',
  'Canton',
  'Parish',
  'Add sector',
  'Severity',
  'People affected',
  'People in need',
  'Women',
  'Men',
  'Children',
  'Elderly',
  'Priority 1',
  'Priority 2',
  'Priority 3',
  'Information gaps',
  'Recommended actions',
  'Include a building inspection',
  'Damage grade (EMS-98)',
  'Structure type',
  'Take photo',
  'Choose photos',
  'Keep location with photos',
];
