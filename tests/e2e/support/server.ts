// Serves the already-built app (dist/) on a free port for end-to-end tests.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_DIST_DIR, startStaticServer, type RunningServer } from '../../../src/server/static.ts';

export interface BuiltApp {
  /** Origin without a trailing slash, e.g. http://127.0.0.1:41234 (a secure context for service workers). */
  url: string;
  port: number;
  server: RunningServer['server'];
  /** Stops the server and drops its connections: "the network is gone" for pages that were served by it. */
  close(): Promise<void>;
}

export interface StartBuiltAppOptions {
  /** Defaults to dist/ at the repository root. */
  distDir?: string;
  /** Defaults to 0 (a free port). Pass a previous port to restart "the same" origin. */
  port?: number;
}

export async function startBuiltApp(options: StartBuiltAppOptions = {}): Promise<BuiltApp> {
  const distDir = options.distDir ?? DEFAULT_DIST_DIR;
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`No built app at ${distDir} (index.html missing): run npm run build first`);
  }
  const host = '127.0.0.1';
  const running = await startStaticServer({ port: options.port ?? 0, host, distDir });
  return {
    url: `http://${host}:${running.port}`,
    port: running.port,
    server: running.server,
    close: () => running.close(),
  };
}
