// The HXL needs-assessment export (shared domain reference, "Exchange format: HXL"): one row per sector per
// site, a readable header row and under it a row of hashtags, for OCHA tools and partners.
import type { Assessment, Mission, SectorEntry } from '../model.ts';
import { buildTable, num, type Column } from './columns.ts';
import type { Table } from './csv.ts';
import type { LabelOf } from './labels.ts';
import { assessmentDate, type ScopedMission } from './scope.ts';
import { cantonName, provinceOf } from './tables.ts';

interface Row {
  mission: Mission;
  assessment: Assessment;
  entry: SectorEntry;
  organisation: string;
  priority: number | null;
}

const COLUMNS: readonly (readonly [string, string, Column<Row>['value']])[] = [
  ['Assessment', '#meta+id', (r) => r.assessment.id],
  ['Date', '#date', (r) => assessmentDate(r.assessment)],
  ['Province', '#adm1+name', (r) => provinceOf(r.assessment.canton)?.name ?? ''],
  ['Province P-code', '#adm1+code', (r) => provinceOf(r.assessment.canton)?.pcode ?? ''],
  ['Canton', '#adm2+name', (r) => cantonName(r.assessment.canton)],
  ['Canton P-code', '#adm2+code', (r) => r.assessment.canton],
  ['Parish', '#adm3+name', (r) => r.assessment.parish],
  ['Latitude', '#geo+lat', (r) => num(r.assessment.gps?.lat)],
  ['Longitude', '#geo+lon', (r) => num(r.assessment.gps?.lon)],
  ['Organisation', '#org+name', (r) => r.organisation],
  ['Sector', '#sector', (r) => r.entry.sector],
  ['Severity', '#severity', (r) => num(r.entry.severity)],
  ['Affected', '#affected', (r) => num(r.entry.affected)],
  ['Affected women', '#affected+f', (r) => num(r.assessment.breakdown.women)],
  ['Affected children', '#affected+children', (r) => num(r.assessment.breakdown.children)],
  ['Priority', '#indicator+priority+num', (r) => r.priority],
  ['Method', '#meta+method', (r) => r.assessment.method],
  ['People in need', '#inneed', (r) => num(r.entry.inNeed)],
];

export const HXL_HASHTAGS: readonly string[] = COLUMNS.map(([, tag]) => tag);

/** The institution the mission's team comes from: its lead's, else the first one given. */
export function organisationOf(mission: Mission): string {
  const lead = mission.team.find((m) => m.role === 'lead' && m.institution !== '');
  return (lead ?? mission.team.find((m) => m.institution !== ''))?.institution ?? '';
}

/**
 * The sector's rank (1–3) among the assessment's top priorities, when one of them names it by code or by label;
 * priorities are free text, so a sector no priority names has none.
 */
function priorityRank(assessment: Assessment, entry: SectorEntry, labels: LabelOf | null): number | null {
  const names = [entry.sector, labels?.('sector', entry.sector) ?? ''].map((n) => n.trim().toLowerCase());
  const index = assessment.priorities.findIndex((p) => names.includes(p.trim().toLowerCase()));
  return index < 0 ? null : index + 1;
}

function* rows(scoped: readonly ScopedMission[], labels: LabelOf | null): Generator<Row> {
  for (const s of scoped) {
    const organisation = organisationOf(s.mission);
    for (const assessment of s.assessments)
      for (const entry of assessment.sectors)
        yield {
          mission: s.mission,
          assessment,
          entry,
          organisation,
          priority: priorityRank(assessment, entry, labels),
        };
  }
}

/** assessments-hxl.csv: the hashtag row is the first data row, as HXL expects. */
export function hxlTable(scoped: readonly ScopedMission[], labels: LabelOf | null): Table {
  const columns = COLUMNS.map(([header, , value]) => ({ header, value }));
  const table = buildTable('assessments-hxl.csv', columns, rows(scoped, labels), null);
  return { ...table, rows: [[...HXL_HASHTAGS], ...table.rows] };
}
