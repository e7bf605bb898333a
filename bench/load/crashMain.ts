// `npm run bench:crash -- --crashes 50 --devices 40 --missions 8 --rate 50`: SIGKILLs under load, then checks
// every acknowledged update survived. `--servers hocuspocus` runs it against the plain server instead.
import { runCrashLoop } from './crash.ts';
import { parseCommand } from './options.ts';

const command = parseCommand(process.argv.slice(2), { devices: 40, missions: 8, rate: 50 });
const { devices, missions, rate } = command.workload;
console.info(
  `crash loop: ${command.crashes} SIGKILLs every ${command.crashMinMs}–${command.crashMaxMs} ms, ` +
    `${devices} devices over ${missions} missions editing at ${rate} updates/s`,
);
const figures = await runCrashLoop({
  devices,
  missions,
  rate,
  crashes: command.crashes,
  minMs: command.crashMinMs,
  maxMs: command.crashMaxMs,
  log: (line) => console.info(line),
  server: command.servers[0] === 'hocuspocus' ? 'hocuspocus' : 'minga',
});
console.info(
  `\n| crashes | updates written | acknowledged | of which before the last kill | lost | devices settled at end | restart median (ms) |\n` +
    `|---|---|---|---|---|---|---|\n` +
    `| ${figures.crashes} | ${figures.written} | ${figures.acknowledged} | ${figures.acknowledgedBeforeLastKill} | ${figures.lost} | ` +
    `${figures.settledAtEnd}/${devices} | ${figures.restartMsMedian.toFixed(0)} |`,
);
for (const sample of figures.lostSamples) console.info(`lost: ${sample}`);
// Client libraries leave timers behind after destroy(); the figures are printed, so end here.
process.exit(figures.lost === 0 ? 0 : 1);
