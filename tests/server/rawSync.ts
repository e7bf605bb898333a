// A bare WebSocket speaking the Hocuspocus protocol by hand, to send what no provider would.
import { waitFor } from './syncHarness.ts';

export function varUint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}
export function varBytes(bytes: Uint8Array): number[] {
  return [...varUint(bytes.length), ...bytes];
}
export function varString(s: string): number[] {
  return varBytes(new TextEncoder().encode(s));
}

export interface RawClient {
  ws: WebSocket;
  /** Every message the server sent. */
  received: Uint8Array[];
  closed(): number | null;
  /** Sync-status messages the server sent: one per update it applied (and saved). */
  acknowledgements(): number;
  sendUpdate(update: Uint8Array): void;
}

/** Opens a socket and authenticates `token` for the document `name` (throws if refused). */
export async function rawClient(url: string, token: string, name: string): Promise<RawClient> {
  const ws = new WebSocket(url);
  ws.binaryType = 'arraybuffer';
  const received: Uint8Array[] = [];
  let closed: number | null = null;
  ws.addEventListener('message', (e) => received.push(new Uint8Array(e.data as ArrayBuffer)));
  ws.addEventListener('close', (e) => {
    closed = e.code;
  });
  await waitFor(() => ws.readyState === WebSocket.OPEN, 5000, 'raw socket open');
  // Auth message: name, type Auth (2), Token (0), token.
  ws.send(new Uint8Array([...varString(name), 2, 0, ...varString(token)]));
  const prefix = varString(name);
  const startsWith = (m: Uint8Array, bytes: number[]) => bytes.every((b, i) => m[i] === b);
  await waitFor(() => received.some((m) => startsWith(m, [...prefix, 2, 2])), 5000, 'raw authentication');
  return {
    ws,
    received,
    closed: () => closed,
    // SyncStatus (8) with "applied" set.
    acknowledgements: () => received.filter((m) => startsWith(m, [...prefix, 8, 1])).length,
    sendUpdate: (update) => ws.send(new Uint8Array([...prefix, 0, 2, ...varBytes(update)])),
  };
}

/**
 * Opens a socket (with extra request headers if given), sends one authentication and resolves with the
 * outcome: 'authenticated', the denial reason, or the close code if the socket closed first.
 */
export async function authOutcome(
  url: string,
  token: string,
  name: string,
  headers: Record<string, string> = {},
): Promise<{ outcome: string; ws: WebSocket }> {
  // Node's WebSocket (undici) takes request headers in its options.
  const ws = new (WebSocket as unknown as new (url: string, options: object) => WebSocket)(url, { headers });
  ws.binaryType = 'arraybuffer';
  const prefix = varString(name);
  return new Promise((resolve) => {
    ws.addEventListener('open', () => ws.send(new Uint8Array([...prefix, 2, 0, ...varString(token)])));
    ws.addEventListener('message', (e) => {
      const m = new Uint8Array(e.data as ArrayBuffer);
      if (!prefix.every((b, i) => m[i] === b) || m[prefix.length] !== 2) return;
      if (m[prefix.length + 1] === 2) resolve({ outcome: 'authenticated', ws });
      else if (m[prefix.length + 1] === 1) {
        const reason = new TextDecoder().decode(m.subarray(prefix.length + 3));
        resolve({ outcome: reason, ws });
      }
    });
    ws.addEventListener('close', (e) => resolve({ outcome: `closed ${e.code}`, ws }));
    ws.addEventListener('error', () => resolve({ outcome: 'error', ws }));
  });
}
