// `npm start`: builds the app if dist/ is missing, then serves it on PORT (default 8080) and HOST (0.0.0.0).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_DIST_DIR, REPO_ROOT, startStaticServer } from './static.ts';

function log(event: string, fields: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ event, ...fields })}\n`);
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 8080;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got ${JSON.stringify(value)}`);
  }
  return port;
}

/** Runs `npm run build` in the repository root with inherited stdio, using the npm that started us if any. */
function build(): Promise<void> {
  const npmCli = process.env.npm_execpath;
  const [command, args]: [string, string[]] =
    npmCli !== undefined && /\.[cm]?js$/.test(npmCli)
      ? [process.execPath, [npmCli, 'run', 'build']]
      : ['npm', ['run', 'build']];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`npm run build failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

async function main(): Promise<void> {
  const port = parsePort(process.env.PORT);
  const host = process.env.HOST || '0.0.0.0';
  const distDir = DEFAULT_DIST_DIR;

  if (!existsSync(path.join(distDir, 'index.html'))) {
    log('build', { reason: 'dist/index.html missing' });
    await build();
  }

  const running = await startStaticServer({ port, host, distDir });
  log('listening', { port: running.port, host });

  const stop = (signal: string) => {
    log('stopping', { signal });
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ event: 'fatal', message: error instanceof Error ? error.message : String(error) })}\n`,
  );
  process.exit(1);
});
