// Drives Debian's WebKitGTK (WebKitWebDriver with its MiniBrowser) over the W3C WebDriver protocol, with plain
// fetch: the handful of commands the WebKit tests need do not justify a client library.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { startDisplay, stopProcess, type VirtualDisplay } from './display.ts';

export const WEBDRIVER_PATH = '/usr/bin/WebKitWebDriver';
const MULTIARCH: Partial<Record<NodeJS.Architecture, string>> = { x64: 'x86_64', arm64: 'aarch64' };
/** Where Debian's libwebkit2gtk-4.1-0 puts the MiniBrowser that WebKitWebDriver drives; MINIBROWSER_PATH overrides. */
export const MINIBROWSER_PATH =
  process.env.MINIBROWSER_PATH ||
  `/usr/lib/${MULTIARCH[process.arch] ?? process.arch}-linux-gnu/webkit2gtk-4.1/MiniBrowser`;

const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

export interface ElementRef {
  [ELEMENT_KEY]: string;
}

export class WebDriverError extends Error {
  readonly error: string;

  constructor(error: string, message: string) {
    super(`${error}: ${message}`);
    this.error = error;
  }
}

/** One WebDriver session: one MiniBrowser whose website data lives only as long as the session. */
export class WebKitSession {
  readonly id: string;
  private readonly base: string;

  constructor(base: string, id: string) {
    this.base = base;
    this.id = id;
  }

  async command<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.base}/session/${this.id}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
    });
    const payload = (await response.json()) as { value: T & { error?: string; message?: string } };
    if (!response.ok) {
      throw new WebDriverError(payload.value.error ?? String(response.status), payload.value.message ?? '');
    }
    return payload.value;
  }

  navigate(url: string): Promise<void> {
    return this.command('POST', '/url', { url });
  }

  refresh(): Promise<void> {
    return this.command('POST', '/refresh');
  }

  url(): Promise<string> {
    return this.command('GET', '/url');
  }

  setWindowSize(width: number, height: number): Promise<void> {
    return this.command('POST', '/window/rect', { width, height });
  }

  /** Runs a function body in the page; `arguments` are the args (element references become elements). */
  execute<T>(script: string, ...args: unknown[]): Promise<T> {
    return this.command('POST', '/execute/sync', { script, args });
  }

  /** Like execute, for a body that calls arguments[arguments.length - 1](result) when done. */
  executeAsync<T>(script: string, ...args: unknown[]): Promise<T> {
    return this.command('POST', '/execute/async', { script, args });
  }

  async find(css: string): Promise<ElementRef> {
    return this.command<ElementRef>('POST', '/element', { using: 'css selector', value: css });
  }

  click(element: ElementRef): Promise<void> {
    return this.command('POST', `/element/${element[ELEMENT_KEY]}/click`);
  }

  /** Types into an element as a user would, key by key; for a file input, `text` is a file path. */
  sendKeys(element: ElementRef, text: string): Promise<void> {
    return this.command('POST', `/element/${element[ELEMENT_KEY]}/value`, { text });
  }

  property<T>(element: ElementRef, name: string): Promise<T> {
    return this.command('GET', `/element/${element[ELEMENT_KEY]}/property/${name}`);
  }

  /** Polls a function body until it returns something other than null, undefined or false. */
  async waitFor<T>(script: string, what: string, timeoutMs = 20_000, ...args: unknown[]): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    for (;;) {
      try {
        const result = await this.execute<T | null | false>(script, ...args);
        if (result !== null && result !== undefined && result !== false) return result;
      } catch (error) {
        // A page being replaced (reload, navigation) refuses scripts for a moment.
        lastError = error;
      }
      if (Date.now() > deadline) {
        const text = await this.execute<string>('return document.body?.innerText ?? ""').catch(() => '');
        throw new Error(
          `Timed out waiting for ${what}${lastError ? ` (${String(lastError)})` : ''}\n${text}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  newWindow(): Promise<{ handle: string }> {
    return this.command('POST', '/window/new', { type: 'window' });
  }

  switchToWindow(handle: string): Promise<void> {
    return this.command('POST', '/window', { handle });
  }

  /** Closes the current window; returns the handles still open. */
  closeWindow(): Promise<string[]> {
    return this.command('DELETE', '/window');
  }

  windowHandle(): Promise<string> {
    return this.command('GET', '/window');
  }
}

export interface WebKitDriver {
  session: WebKitSession;
  /** Ends the session (MiniBrowser quits), then the driver and the display. */
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForDriver(base: string, driver: ChildProcess): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driver.exitCode})`);
    try {
      const response = await fetch(`${base}/status`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('WebKitWebDriver did not answer /status within 15 s');
}

/** Starts Xvfb, WebKitWebDriver and a MiniBrowser session at the smallest size it takes (447 × 602 inside). */
export async function launchWebKit(): Promise<WebKitDriver> {
  for (const path of [WEBDRIVER_PATH, MINIBROWSER_PATH]) {
    if (!existsSync(path)) {
      throw new Error(`${path} not found: run .ci/ensure-webkit.sh (apt-get install -y webkit2gtk-driver)`);
    }
  }
  let display: VirtualDisplay | undefined;
  let driver: ChildProcess | undefined;
  try {
    display = await startDisplay();
    const port = await freePort();
    // Its own process group, so MiniBrowser and WebKit's helper processes go with it.
    driver = spawn(WEBDRIVER_PATH, [`--port=${port}`], {
      env: { ...process.env, DISPLAY: display.display },
      stdio: 'ignore',
      detached: true,
    });
    const base = `http://127.0.0.1:${port}`;
    await waitForDriver(base, driver);
    const response = await fetch(`${base}/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        capabilities: {
          alwaysMatch: {
            'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] },
          },
        },
      }),
    });
    const created = (await response.json()) as { value: { sessionId?: string; message?: string } };
    if (!created.value.sessionId) throw new Error(`No WebKit session: ${created.value.message ?? ''}`);
    const session = new WebKitSession(base, created.value.sessionId);
    // MiniBrowser's toolbar keeps its window at least 447 px wide; the persistent view test runs at 360.
    await session.setWindowSize(360, 640);
    const running = { display, driver };
    return {
      session,
      async close() {
        await session.command('DELETE', '').catch(() => undefined);
        await stopProcess(running.driver, true);
        await running.display.close();
      },
    };
  } catch (error) {
    if (driver) await stopProcess(driver, true);
    await display?.close();
    throw error;
  }
}
