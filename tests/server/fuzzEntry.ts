// The fuzzed server's process: the same server as `npm start`, its options from MINGA_FUZZ_OPTIONS (JSON), its
// logs on stdout. Run as a child so that a crash, an unhandled rejection or a hang is visible from outside.
import { startMingaServer, type MingaServerOptions } from '../../src/server/app.ts';
import { jsonLogger } from '../../src/server/log.ts';

const options = JSON.parse(process.env.MINGA_FUZZ_OPTIONS ?? '{}') as MingaServerOptions;
const running = await startMingaServer({ ...options, log: jsonLogger });
jsonLogger({ event: 'listening', port: running.port });
// A test runner that dies without stopping it must not leave it running: it ends once its parent is gone.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(1);
}, 1000).unref();
process.once('SIGTERM', () => {
  running.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
