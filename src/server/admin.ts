// `npm run admin -- token create|revoke|list | check | export | history`: manages tokens, checks and exports stored missions,
// in DATA_DIR/minga.sqlite or PostgreSQL.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isUuid } from '../domain/ids.ts';
import { openDatabase, ROLES, type Role } from './db.ts';
import { openPostgres } from './postgres.ts';
import { postgresTokenStore, sqliteTokenStore, type TokenStore } from './tokens.ts';
import { checkMissions, formatChecks } from './check.ts';
import { postgresDocumentStore, sqliteDocumentStore, type DocumentStore } from './documents.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../domain/export/index.ts';
import { exportStoredMissions } from './exportMissions.ts';
import { historyList, historyRestore, parseRecordOption } from './adminHistory.ts';

const USAGE = `Usage: npm run admin -- <command>
  token create --role coordinator|technician|observer --name NAME [--mission UUID ...]
      prints the new token alone on its last line (it is shown once and stored only as a hash)
  token revoke <token-id | token>
  token list
  member add|remove --token TOKEN-ID --mission UUID
      assigns a token to a mission, or takes it off (its open connections to the mission are closed)
  check [--mission UUID ...]
      lists, per stored mission, the fields changed on two devices and not yet settled, the values the record
      schema refuses, and entries that are not records (one tab-separated line each)
  export --format csv|hxl|geojson [--year YYYY] [--mission UUID ...] --out DIR
      writes the app's exports of the stored missions into DIR: csv = missions, assessments, assessment-sectors,
      notes, actions and team .csv; hxl = assessments-hxl.csv; geojson = minga.geojson (deleted records left out)
  history list <mission-uuid>
      the mission's stored versions, newest first: version, when, who wrote, what changed
  history restore <mission-uuid> <version> [--record kind:id] [--url URL]
      asks the running server (default http://127.0.0.1:$PORT, 8080) to restore the mission, or one record, to
      that version as a new change every device receives
Environment: DATA_DIR (default ./data), or DATABASE_URL (and DATABASE_SCHEMA) as the server uses them`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

/** `token revoke <token>` takes the token as it is, even one issued earlier that starts with '-'. */
function revokeArgs(argv: string[]): string[] {
  const [group, command, arg, ...rest] = argv;
  return group === 'token' && command === 'revoke' && arg?.startsWith('-') && arg !== '--'
    ? [group, command, '--', arg, ...rest]
    : argv;
}

/** `member add|remove`: one token, one or more missions; says what changed. */
async function member(
  store: TokenStore,
  command: string | undefined,
  tokenId: string | undefined,
  missionArgs: string[],
): Promise<void> {
  if (command !== 'add' && command !== 'remove') fail(`Unknown member command: ${command ?? '(none)'}`);
  if (!tokenId) fail('--token TOKEN-ID is required');
  const row = (await store.list()).find((t) => t.id === tokenId);
  if (row === undefined) fail('No such token');
  const missions = missionArgs.map((m) => m.toLowerCase());
  if (missions.length === 0) fail('--mission UUID is required');
  const bad = missions.find((m) => !isUuid(m));
  if (bad !== undefined) fail(`--mission must be a UUID, got ${JSON.stringify(bad)}`);
  for (const mission of missions) {
    if (command === 'add') {
      await store.addMembership(row.id, mission);
      process.stdout.write(`Added ${row.id} to mission ${mission}\n`);
    } else if (await store.removeMembership(row.id, mission)) {
      process.stdout.write(`Removed ${row.id} from mission ${mission}\n`);
    } else {
      process.stdout.write(`${row.id} was not a member of mission ${mission}\n`);
    }
  }
}

/** `export`: checks its options, writes the files and names each one written. */
async function exportCommand(
  documents: DocumentStore,
  values: { format?: string; year?: string; out?: string },
  missions: string[],
): Promise<void> {
  const format = values.format as ExportFormat | undefined;
  if (format === undefined || !EXPORT_FORMATS.includes(format)) fail('--format must be csv, hxl or geojson');
  if (values.year !== undefined && !/^\d{4}$/.test(values.year)) fail('--year must be a year, as 2016');
  if (!values.out) fail('--out DIR is required');
  const year = values.year === undefined ? null : Number(values.year);
  const written = await exportStoredMissions(documents, format, { missions, year }, path.resolve(values.out));
  for (const file of written) process.stdout.write(`Wrote ${file}\n`);
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: revokeArgs(argv),
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      token: { type: 'string' },
      mission: { type: 'string', multiple: true },
      format: { type: 'string' },
      year: { type: 'string' },
      out: { type: 'string' },
      record: { type: 'string' },
      url: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const [group, command, arg, extra] = positionals;
  if (
    group !== 'token' &&
    group !== 'check' &&
    group !== 'member' &&
    group !== 'export' &&
    group !== 'history'
  )
    fail(`Unknown command: ${positionals.join(' ') || '(none)'}`);
  const url = process.env.DATABASE_URL;
  const schema = process.env.DATABASE_SCHEMA || 'public';
  const pool = url ? await openPostgres(url, schema) : null;
  const db = pool ? null : openDatabase(path.resolve(process.env.DATA_DIR || './data'));
  const store: TokenStore = pool ? postgresTokenStore(pool, schema) : sqliteTokenStore(db!);
  try {
    if (group === 'member') {
      await member(store, command, values.token, values.mission ?? []);
    } else if (group === 'history') {
      const mission = arg?.toLowerCase();
      if (mission === undefined || !isUuid(mission)) fail('history needs a mission UUID');
      const documents = pool ? postgresDocumentStore(pool, schema) : sqliteDocumentStore(db!);
      if (command === 'list') {
        process.stdout.write(await historyList(documents, store, mission));
      } else if (command === 'restore') {
        if (extra === undefined || !/^\d{1,15}$/.test(extra)) fail('history restore needs a version number');
        const record = parseRecordOption(values.record);
        if (typeof record === 'string') fail(`--record: ${record}`);
        const url = values.url ?? `http://127.0.0.1:${process.env.PORT || 8080}`;
        process.stdout.write(await historyRestore(store, url, mission, Number(extra), record));
      } else {
        fail(`Unknown history command: ${command ?? '(none)'}`);
      }
    } else if (group === 'check' || group === 'export') {
      const missions = (values.mission ?? []).map((m) => m.toLowerCase());
      const bad = missions.find((m) => !isUuid(m));
      if (bad !== undefined) fail(`--mission must be a UUID, got ${JSON.stringify(bad)}`);
      const documents = pool ? postgresDocumentStore(pool, schema) : sqliteDocumentStore(db!);
      if (group === 'check') process.stdout.write(formatChecks(await checkMissions(documents, missions)));
      else await exportCommand(documents, values, missions);
    } else if (command === 'create') {
      const role = values.role as Role | undefined;
      if (role === undefined || !ROLES.includes(role))
        fail('--role must be coordinator, technician or observer');
      const name = values.name?.trim();
      if (!name) fail('--name is required');
      const missions = (values.mission ?? []).map((m) => m.toLowerCase());
      const bad = missions.find((m) => !isUuid(m));
      if (bad !== undefined) fail(`--mission must be a UUID, got ${JSON.stringify(bad)}`);
      const { id, token } = await store.create({ role, name, missions });
      process.stdout.write(`Created ${role} token ${id} for ${JSON.stringify(name)}\n${token}\n`);
    } else if (command === 'revoke') {
      if (!arg) fail('token revoke needs a token id or the token');
      const id = await store.revoke(arg);
      if (id === null) fail('No such token');
      process.stdout.write(`Revoked ${id}\n`);
    } else if (command === 'list') {
      for (const row of await store.list()) {
        const state = row.revoked_at === null ? 'active' : `revoked ${row.revoked_at}`;
        const missions = row.missions.length > 0 ? ` missions=${row.missions.join(',')}` : '';
        process.stdout.write(
          `${row.id}\t${row.role}\t${JSON.stringify(row.name)}\t${row.created_at}\t${state}${missions}\n`,
        );
      }
    } else {
      fail(`Unknown token command: ${command ?? '(none)'}`);
    }
  } finally {
    db?.close();
    await pool?.end();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
