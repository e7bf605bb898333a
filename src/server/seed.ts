// `npm run seed -- [options]`: fills an empty store with a realistic demo programme (missions in Manabí with
// assessments, notes and photos, actions and reviews) and prints a coordinator's invite to open it at once.
import { parseArgs } from 'node:util';
import { seedMission, type SeedOptions } from './seed/programme.ts';
import { openSeedTarget, storeMission } from './seed/target.ts';

const USAGE = `Usage: npm run seed -- [--missions N] [--seed TEXT] [--year YYYY] [--photos N|on|off]
                       [--data-dir DIR] [--url BASE] [--force]
  --missions N   missions to create (default 20, at most 500)
  --seed TEXT    the same seed gives the same programme (default "minga")
  --year YYYY    missions start during that year (default: from the April 2016 earthquake to the end of 2017)
  --photos N     photos per mission, spread over its notes and assessments (default 3; "off" for none)
  --data-dir DIR the server's data directory (default DATA_DIR, or ./data)
  --url BASE     the address the app is served at, for the invite link (default http://localhost:PORT)
  --force        write even into a store that already holds missions: the demo missions are added beside
                 them, and a demo mission already stored (same seed) is left as it is
Environment: DATA_DIR, or DATABASE_URL (and DATABASE_SCHEMA) as the server uses them.
Prints one line per mission, an invite link for a coordinator, and the coordinator's token alone on the last line.
Exits with 3, writing nothing, when the store already holds missions and --force is not given.`;

const DEFAULT_PHOTOS = 3;
const MAX_MISSIONS = 500;
const MAX_PHOTOS = 50;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function wholeNumber(value: string, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    fail(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}

function photosOption(value: string | undefined): number {
  if (value === undefined || value === 'on') return DEFAULT_PHOTOS;
  if (value === 'off') return 0;
  return wholeNumber(value, '--photos', 0, MAX_PHOTOS);
}

/** Missions start within these days: the year asked for, or the reconstruction after the 2016 earthquake. */
function period(year: string | undefined): Pick<SeedOptions, 'from' | 'to'> {
  if (year === undefined) return { from: '2016-04-20', to: '2017-12-10' };
  const y = wholeNumber(year, '--year', 1990, 2100);
  return { from: y === 2016 ? '2016-04-20' : `${y}-01-01`, to: `${y}-12-10` };
}

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      missions: { type: 'string' },
      seed: { type: 'string' },
      year: { type: 'string' },
      photos: { type: 'string' },
      'data-dir': { type: 'string' },
      url: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const options: SeedOptions = {
    missions:
      values.missions === undefined ? 20 : wholeNumber(values.missions, '--missions', 1, MAX_MISSIONS),
    seed: values.seed ?? 'minga',
    photos: photosOption(values.photos),
    ...period(values.year),
  };
  const base = (values.url ?? `http://localhost:${process.env.PORT || 8080}`).replace(/\/+$/, '');
  return {
    options,
    base,
    dataDir: values['data-dir'] ?? (process.env.DATA_DIR || './data'),
    force: !!values.force,
  };
}

async function main(argv: string[]): Promise<void> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { options, base, dataDir, force } = parsed;
  const target = await openSeedTarget({
    dataDir,
    databaseUrl: process.env.DATABASE_URL,
    databaseSchema: process.env.DATABASE_SCHEMA,
  });
  try {
    const held = (await target.documents.names('mission:')).length;
    if (held > 0 && !force) {
      process.stderr.write(
        `${target.where} already holds ${plural(held, 'mission')}: the demo programme is written ` +
          'only into an empty store, so nobody’s data is mixed with demo data.\n' +
          'Seed another --data-dir (or DATABASE_SCHEMA), or add --force to write beside them anyway.\n',
      );
      process.exitCode = 3;
      return;
    }
    let written = 0;
    for (let i = 0; i < options.missions; i++) {
      const mission = seedMission(options, i);
      if (!(await storeMission(target, mission))) {
        process.stdout.write(`${mission.id}\talready stored, left as it is\t${mission.title}\n`);
        continue;
      }
      written += 1;
      const { assessments, notes, actions } = mission.counts;
      const counts = [
        plural(assessments, 'assessment'),
        plural(notes, 'note'),
        plural(actions, 'action'),
        plural(mission.photos.length, 'photo'),
        ...(mission.review ? ['reviewed'] : []),
      ];
      process.stdout.write(
        `${mission.id}\tstatus ${mission.status}\t${counts.join(', ')}\t${mission.title}\n`,
      );
    }
    const { id, token } = await target.tokens.create({ role: 'coordinator', name: 'Coordinació (demo)' });
    // The token travels in the link's fragment, which browsers never send (src/sync/account.ts inviteLink).
    process.stdout.write(
      `Seeded ${plural(written, 'mission')} into ${target.where}.\n` +
        `Created coordinator token ${id}; open the desk: ${base}/join#token=${encodeURIComponent(token)}\n` +
        `${token}\n`,
    );
  } finally {
    await target.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
