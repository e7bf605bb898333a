// Launches Debian's Chromium through playwright-core. No test tool may download a browser.
import { existsSync } from 'node:fs';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type BrowserType,
  type LaunchOptions,
} from 'playwright-core';

/** Debian's chromium package; CHROMIUM_PATH overrides it for other machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags that work on this machine (see docs: architecture, "Testing that means something"). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** A small phone: spread into newContext() or launchPersistent() options. */
export const PHONE_VIEWPORT = { width: 360, height: 640 };
export const PHONE = {
  viewport: PHONE_VIEWPORT,
  screen: PHONE_VIEWPORT,
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
} satisfies BrowserContextOptions;

export type PersistentOptions = NonNullable<Parameters<BrowserType['launchPersistentContext']>[1]>;

function executablePath(): string {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: run .ci/ensure-chromium.sh (apt-get install -y chromium) ` +
        'or set CHROMIUM_PATH',
    );
  }
  return CHROMIUM_PATH;
}

function withArgs(extra: readonly string[] | undefined): string[] {
  return [...CHROMIUM_ARGS, ...(extra ?? [])];
}

/**
 * A headless browser. Its contexts (browser.newContext()) are incognito: use launchPersistent() where
 * installability or storage persistence is checked.
 */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    headless: true,
    ...options,
    executablePath: executablePath(),
    args: withArgs(options.args),
  });
}

/** A headless persistent (non-incognito) context on userDataDir, which should be a fresh directory. */
export function launchPersistent(
  userDataDir: string,
  options: PersistentOptions = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    headless: true,
    ...options,
    executablePath: executablePath(),
    args: withArgs(options.args),
  });
}
