// `npm run bench:load -- --devices 1000 --missions 200 --rate 2600 --seconds 20 --servers minga,hocuspocus,ywebsocket
// --instances 1 [--kill-one]`: the same workload against each server in turn, then one table. Prints; asserts nothing.
import { parseCommand } from './options.ts';
import { runAgainst, type RunFigures } from './run.ts';
import { table } from './table.ts';

const command = parseCommand(process.argv.slice(2));
const { workload } = command;
console.info(
  `load: ${workload.devices} devices over ${workload.missions} missions, ${workload.backlogNotes} offline notes each, ` +
    `${workload.rate} updates/s for ${workload.seconds} s (+ drain ≤ ${workload.drainMs} ms); ` +
    `our server ×${command.instances}${command.killOne ? ', one killed midway' : ''}`,
);
// y-websocket's provider listens for the process's exit, one listener per device.
process.setMaxListeners(workload.devices + 10);
const runs: RunFigures[] = [];
for (const server of command.servers) {
  console.info(`— ${server}`);
  const figures = await runAgainst(server, workload, {
    instances: command.instances,
    killOne: command.killOne,
  });
  for (const sample of figures.errorSamples) console.info(`  server error: ${sample}`);
  runs.push(figures);
}
console.info(`\n${table(runs)}`);
// Client libraries leave timers behind after destroy(); the figures are printed, so end here.
process.exit(0);
