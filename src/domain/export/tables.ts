// The CSV files of an export, one per kind of record: codes as stored, with a label column where it helps.
import { PROVINCE, cantonByPcode } from '../codes.ts';
import type { ActionItem, Assessment, Mission, Note, RecordMeta, SectorEntry, TeamMember } from '../model.ts';
import { buildTable, column, labelColumn, num, type Column } from './columns.ts';
import type { Table } from './csv.ts';
import { joined, type LabelOf } from './labels.ts';
import { actionDate, assessmentDate, noteDate, type ScopedMission } from './scope.ts';

interface Of<R> {
  mission: Mission;
  record: R;
}

export function cantonName(pcode: string): string {
  return cantonByPcode(pcode)?.name ?? '';
}

/** The province of a canton P-code: the programme works in one, so only its own cantons name it. */
export function provinceOf(cantonPcode: string): { pcode: string; name: string } | null {
  return cantonPcode.startsWith(PROVINCE.pcode) ? PROVINCE : null;
}

export function highestSeverity(sectors: readonly SectorEntry[]): number | null {
  return sectors.reduce<number | null>(
    (max, s) => (max === null || s.severity > max ? s.severity : max),
    null,
  );
}

function stamps<R>(of: (row: R) => RecordMeta): Column<R>[] {
  return [
    column('created_at', (r) => of(r).createdAt),
    column('created_by', (r) => of(r).createdBy),
    column('updated_at', (r) => of(r).updatedAt),
    column('updated_by', (r) => of(r).updatedBy),
  ];
}

const missionColumns = (counts: Map<string, ScopedMission>): Column<Mission>[] => [
  column('id', (m) => m.id),
  column('title', (m) => m.title),
  column('tor_reference', (m) => m.torReference),
  column('host_canton_pcode', (m) => m.hostCanton),
  column('host_canton', (m) => cantonName(m.hostCanton)),
  column('status', (m) => m.status),
  labelColumn('status_label', 'missionStatus', (m) => m.status),
  column('start_date', (m) => m.startDate),
  column('end_date', (m) => m.endDate),
  column('remote_support_end', (m) => m.remoteSupportEnd),
  column('themes', (m) => joined(m.themes)),
  labelColumn('themes_label', 'theme', (m) => m.themes),
  column('sdgs', (m) => joined(m.sdgs)),
  column('sendai', (m) => joined(m.sendai)),
  labelColumn('sendai_label', 'sendai', (m) => m.sendai),
  column('team_size', (m) => m.team.length),
  column('counterpart_kind', (m) => m.counterpartKind),
  labelColumn('counterpart_kind_label', 'counterpartKind', (m) => m.counterpartKind),
  column('requesting_counterpart', (m) => m.requestingCounterpart),
  column('focal_point', (m) => m.focalPoint),
  column('planned_person_days', (m) => num(m.plannedPersonDays)),
  column('remote_person_days', (m) => num(m.remotePersonDays)),
  column('budget_planned_eur', (m) => num(m.budgetPlannedEur)),
  column('budget_executed_eur', (m) => num(m.budgetExecutedEur)),
  column('products_planned', (m) => m.products.filter((p) => p.planned).length),
  column('products_delivered', (m) => m.products.filter((p) => p.deliveredOn !== '').length),
  column('assessments', (m) => counts.get(m.id)?.assessments.length ?? 0),
  column('notes', (m) => counts.get(m.id)?.notes.length ?? 0),
  column('actions', (m) => counts.get(m.id)?.actions.length ?? 0),
  column('objectives', (m) => m.objectives),
  ...stamps<Mission>((m) => m),
];

const inMission = <R>(): Column<Of<R>>[] => [
  column('mission_id', (r) => r.mission.id),
  column('mission_title', (r) => r.mission.title),
];

const assessmentColumns: Column<Of<Assessment>>[] = [
  column('id', (r) => r.record.id),
  ...inMission<Assessment>(),
  column('title', (r) => r.record.title),
  column('date', (r) => assessmentDate(r.record)),
  column('method', (r) => r.record.method),
  labelColumn('method_label', 'method', (r) => r.record.method),
  column('informant_role', (r) => r.record.informantRole),
  column('site_reason', (r) => r.record.siteReason),
  column('province_pcode', (r) => provinceOf(r.record.canton)?.pcode ?? ''),
  column('province', (r) => provinceOf(r.record.canton)?.name ?? ''),
  column('canton_pcode', (r) => r.record.canton),
  column('canton', (r) => cantonName(r.record.canton)),
  column('parish', (r) => r.record.parish),
  column('latitude', (r) => num(r.record.gps?.lat)),
  column('longitude', (r) => num(r.record.gps?.lon)),
  column('accuracy_m', (r) => num(r.record.gps?.accuracy)),
  column('sectors', (r) => joined(r.record.sectors.map((s) => s.sector))),
  column('highest_severity', (r) => highestSeverity(r.record.sectors)),
  column('affected_women', (r) => num(r.record.breakdown.women)),
  column('affected_men', (r) => num(r.record.breakdown.men)),
  column('affected_children', (r) => num(r.record.breakdown.children)),
  column('affected_elderly', (r) => num(r.record.breakdown.elderly)),
  column('priority_1', (r) => r.record.priorities[0] ?? ''),
  column('priority_2', (r) => r.record.priorities[1] ?? ''),
  column('priority_3', (r) => r.record.priorities[2] ?? ''),
  column('gaps', (r) => r.record.gaps),
  column('recommendations', (r) => r.record.recommendations),
  column('placard', (r) => r.record.inspection?.placard ?? ''),
  labelColumn('placard_label', 'placard', (r) => r.record.inspection?.placard ?? null),
  column('damage_grade', (r) => num(r.record.inspection?.damageGrade)),
  column('structure_type', (r) => r.record.inspection?.structureType ?? ''),
  labelColumn('structure_type_label', 'structure', (r) => r.record.inspection?.structureType ?? null),
  column('building_use', (r) => r.record.inspection?.use ?? ''),
  column('storeys', (r) => num(r.record.inspection?.storeys)),
  column('occupants', (r) => num(r.record.inspection?.occupants)),
  column('photos', (r) => r.record.photos.length),
  ...stamps<Of<Assessment>>((r) => r.record),
];

interface SectorRow {
  mission: Mission;
  assessment: Assessment;
  entry: SectorEntry;
}

const sectorColumns: Column<SectorRow>[] = [
  column('assessment_id', (r) => r.assessment.id),
  column('assessment_title', (r) => r.assessment.title),
  column('mission_id', (r) => r.mission.id),
  column('date', (r) => assessmentDate(r.assessment)),
  column('canton_pcode', (r) => r.assessment.canton),
  column('sector', (r) => r.entry.sector),
  labelColumn('sector_label', 'sector', (r) => r.entry.sector),
  column('severity', (r) => num(r.entry.severity)),
  column('affected', (r) => num(r.entry.affected)),
  column('in_need', (r) => num(r.entry.inNeed)),
  column('notes', (r) => r.entry.notes),
];

const noteColumns: Column<Of<Note>>[] = [
  column('id', (r) => r.record.id),
  ...inMission<Note>(),
  column('date', (r) => noteDate(r.record)),
  column('text', (r) => r.record.text),
  column('tags', (r) => joined(r.record.tags)),
  column('latitude', (r) => num(r.record.gps?.lat)),
  column('longitude', (r) => num(r.record.gps?.lon)),
  column('accuracy_m', (r) => num(r.record.gps?.accuracy)),
  column('links', (r) => joined(r.record.links.map((l) => `${l.kind}:${l.id}`))),
  column('photos', (r) => r.record.photos.length),
  ...stamps<Of<Note>>((r) => r.record),
];

const actionColumns: Column<Of<ActionItem>>[] = [
  column('id', (r) => r.record.id),
  ...inMission<ActionItem>(),
  column('activity', (r) => r.record.activity),
  column('responsible', (r) => r.record.responsible),
  column('due_date', (r) => r.record.dueDate),
  column('date', (r) => actionDate(r.record)),
  column('status', (r) => r.record.status),
  labelColumn('status_label', 'actionStatus', (r) => r.record.status),
  column('tor_product', (r) => r.record.torProduct),
  ...stamps<Of<ActionItem>>((r) => r.record),
];

const teamColumns: Column<Of<TeamMember>>[] = [
  ...inMission<TeamMember>(),
  column('member_id', (r) => r.record.id),
  column('name', (r) => r.record.name),
  column('institution', (r) => r.record.institution),
  column('role', (r) => r.record.role),
  labelColumn('role_label', 'teamRole', (r) => r.record.role),
];

type Product = Mission['products'][number];
type PersonMet = Mission['peopleMet'][number];

const productColumns: Column<Of<Product>>[] = [
  ...inMission<Product>(),
  column('product_id', (r) => r.record.id),
  column('title', (r) => r.record.title),
  column('kind', (r) => r.record.kind),
  labelColumn('kind_label', 'productKind', (r) => r.record.kind),
  column('planned', (r) => (r.record.planned ? 'yes' : 'no')),
  column('delivered_on', (r) => r.record.deliveredOn),
];

// People met are recorded by role and organisation only, never by name, and exported so.
const peopleMetColumns: Column<Of<PersonMet>>[] = [
  ...inMission<PersonMet>(),
  column('row_id', (r) => r.record.id),
  column('role', (r) => r.record.role),
  column('organisation', (r) => r.record.organisation),
  column('count', (r) => num(r.record.count)),
];

function* records<R>(scoped: readonly ScopedMission[], pick: (s: ScopedMission) => readonly R[]) {
  for (const s of scoped) for (const record of pick(s)) yield { mission: s.mission, record };
}

function* sectorRows(scoped: readonly ScopedMission[]): Generator<SectorRow> {
  for (const s of scoped)
    for (const assessment of s.assessments)
      for (const entry of assessment.sectors) yield { mission: s.mission, assessment, entry };
}

/** missions.csv, assessments.csv, assessment-sectors.csv, notes.csv, actions.csv, team.csv, products.csv and
 * people-met.csv. */
export function csvTables(scoped: readonly ScopedMission[], labels: LabelOf | null): Table[] {
  const listed = scoped.filter((s) => s.listed);
  const byId = new Map(scoped.map((s) => [s.mission.id, s]));
  return [
    buildTable(
      'missions.csv',
      missionColumns(byId),
      listed.map((s) => s.mission),
      labels,
    ),
    buildTable(
      'assessments.csv',
      assessmentColumns,
      records(scoped, (s) => s.assessments),
      labels,
    ),
    buildTable('assessment-sectors.csv', sectorColumns, sectorRows(scoped), labels),
    buildTable(
      'notes.csv',
      noteColumns,
      records(scoped, (s) => s.notes),
      labels,
    ),
    buildTable(
      'actions.csv',
      actionColumns,
      records(scoped, (s) => s.actions),
      labels,
    ),
    buildTable(
      'team.csv',
      teamColumns,
      records(listed, (s) => s.mission.team),
      labels,
    ),
    buildTable(
      'products.csv',
      productColumns,
      records(listed, (s) => s.mission.products),
      labels,
    ),
    buildTable(
      'people-met.csv',
      peopleMetColumns,
      records(listed, (s) => s.mission.peopleMet),
      labels,
    ),
  ];
}
