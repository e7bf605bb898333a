// Document names: only the canonical spelling is served, and no name a client sends can flood the log.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { varString, varUint } from './rawSync.ts';
import { connect, removeDir, settled, startTestServer, waitFor, type TestServer } from './syncHarness.ts';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});

afterAll(async () => {
  await t?.stop();
  if (t) await removeDir(t.dataDir);
});

describe('document names', () => {
  it('a bad token with a 15 MiB document name produces less than 1 KB of log', async () => {
    const consoleBytes: number[] = [];
    const spies = (['error', 'warn', 'log', 'info'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        consoleBytes.push(args.map(String).join(' ').length);
      }),
    );
    try {
      const before = t.logs.length;
      const ws = new WebSocket(t.url);
      let closed: number | null = null;
      ws.addEventListener('close', (e) => {
        closed = e.code;
      });
      await waitFor(() => ws.readyState === WebSocket.OPEN, 5000, 'socket open');
      const name = new TextEncoder().encode(`mission:${'A'.repeat(15 * 1024 * 1024)}`);
      const rest = [2, 0, ...varString('not-a-token')];
      const head = varUint(name.length);
      const auth = new Uint8Array(head.length + name.length + rest.length);
      auth.set(head);
      auth.set(name, head.length);
      auth.set(rest, head.length + name.length);
      ws.send(auth);
      ws.send(auth);
      await waitFor(() => closed !== null, 10_000, 'socket closed');
      const logged = t.logs.slice(before).map((entry) => JSON.stringify(entry));
      expect(logged.some((line) => line.includes('bad-document-name'))).toBe(true);
      expect(logged.join('\n').length + consoleBytes.reduce((a, b) => a + b, 0)).toBeLessThan(1024);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  }, 30_000);

  it('refuses a mission id spelled in upper case, even to its member', async () => {
    const mission = randomUUID();
    const member = t.token('technician', [mission]);
    const upper = connect(t.url, member.token, `mission:${mission.toUpperCase()}`);
    await settled(upper);
    expect(upper.denied).toBe('Forbidden');
    upper.destroy();
    const lower = connect(t.url, member.token, `mission:${mission}`);
    await settled(lower);
    expect(lower.denied).toBeNull();
    lower.destroy();
  });

  it('logs every untrusted string cut short', async () => {
    const before = t.logs.length;
    const res = await fetch(`http://127.0.0.1:${t.server.port}/api/${'x'.repeat(5000)}`);
    expect(res.status).toBe(401);
    const line = t.logs.slice(before).find((l) => l.refusal === 'api-unauthorized');
    expect(line).toBeDefined();
    expect(JSON.stringify(line).length).toBeLessThan(400);
  });
});
