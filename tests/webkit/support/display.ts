// A virtual X display for WebKitGTK (MiniBrowser and WebKitWebView need one), started and stopped by the tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export const XVFB_PATH = '/usr/bin/Xvfb';

export interface VirtualDisplay {
  /** The value for DISPLAY, e.g. ":99". */
  display: string;
  close(): Promise<void>;
}

/** Starts Xvfb on a free display number (it picks one and reports it through -displayfd). */
export async function startDisplay(): Promise<VirtualDisplay> {
  if (!existsSync(XVFB_PATH)) {
    throw new Error(`Xvfb not found at ${XVFB_PATH}: run .ci/ensure-webkit.sh (apt-get install -y xvfb)`);
  }
  const xvfb = spawn(XVFB_PATH, ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const number = await new Promise<string>((resolve, reject) => {
    let out = '';
    xvfb.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before reporting its display`)));
    xvfb.once('error', reject);
  });
  return { display: `:${number}`, close: () => stopProcess(xvfb) };
}

/** Ends a child process: SIGTERM, then SIGKILL if it has not gone within two seconds. */
export async function stopProcess(child: ChildProcess, group = false): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      if (group && child.pid !== undefined) process.kill(-child.pid, name);
      else child.kill(name);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 2000);
  await exited;
  clearTimeout(timer);
}
