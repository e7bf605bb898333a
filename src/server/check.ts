// `npm run admin -- check`: which stored missions hold values changed on two devices and not yet settled, values
// the record schema refuses, or entries that are not records at all — read by the same rules as the app.
import * as Y from 'yjs';
import type { ConflictValue } from '../domain/model.ts';
import { auditMission } from '../domain/records/mission.ts';
import type { DocumentStore } from './documents.ts';

const MISSION_PREFIX = 'mission:';
/** A value is shown as JSON, cut so that one hostile value cannot flood the report. */
const MAX_SHOWN = 80;

export interface MissionCheck {
  mission: string;
  records: number;
  conflicts: { kind: string; id: string; path: string; values: readonly ConflictValue[] }[];
  invalid: { kind: string; id: string; path: string; value: unknown }[];
  broken: { kind: string; id: string }[];
}

export async function checkMissions(
  store: DocumentStore,
  only: readonly string[] = [],
): Promise<MissionCheck[]> {
  const names = only.length > 0 ? only.map((id) => MISSION_PREFIX + id) : await store.names(MISSION_PREFIX);
  const checks: MissionCheck[] = [];
  for (const name of names) {
    const state = await store.fetch(name);
    if (state === null) continue;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    const mission = name.slice(MISSION_PREFIX.length);
    const check: MissionCheck = { mission, records: 0, conflicts: [], invalid: [], broken: [] };
    for (const audit of auditMission(doc, mission)) {
      check.records++;
      const where = { kind: audit.kind, id: audit.id };
      if (audit.broken) check.broken.push(where);
      for (const [path, values] of Object.entries(audit.marks.conflicts))
        check.conflicts.push({ ...where, path, values });
      for (const [path, value] of Object.entries(audit.marks.invalid))
        check.invalid.push({ ...where, path, value });
    }
    doc.destroy();
    checks.push(check);
  }
  return checks;
}

function shown(value: unknown): string {
  let text: string;
  try {
    text =
      JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? `${inner}n` : inner)) ??
      'undefined';
  } catch {
    text = String(value);
  }
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/** One summary line per mission, then one tab-separated line per finding. */
export function formatChecks(checks: readonly MissionCheck[]): string {
  const lines: string[] = [];
  for (const check of checks) {
    lines.push(
      `mission ${check.mission}: ${check.records} records, ${check.conflicts.length} changed on two devices, ` +
        `${check.invalid.length} invalid, ${check.broken.length} not records`,
    );
    for (const c of check.conflicts) {
      const values = c.values.map((v) => `${shown(v.value)} (${v.by}, ${v.at}, ${v.device})`).join(' | ');
      lines.push(`  conflict\t${c.kind}\t${c.id}\t${c.path}\t${values}`);
    }
    for (const i of check.invalid) lines.push(`  invalid\t${i.kind}\t${i.id}\t${i.path}\t${shown(i.value)}`);
    for (const b of check.broken) lines.push(`  broken\t${b.kind}\t${b.id}`);
  }
  return lines.join('\n') + (lines.length > 0 ? '\n' : '');
}
