// Server memory: the RSS a loaded document and an idle connection cost the real server (a child process), and
// whether idle documents leave memory once their devices have gone.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { waitFor } from '../tests/server/syncHarness.ts';
import { startBenchServer, type BenchServer } from './benchServer.ts';

export interface ServerMemoryFigures {
  documents: number;
  documentBytes: number;
  /** RSS added per loaded document (held by one provider; providers share sockets, 20 to a socket). */
  rssPerDocumentBytes: number;
  idleConnections: number;
  /** RSS added per idle WebSocket holding one provider of an already loaded document. */
  rssPerIdleConnectionBytes: number;
  rssBytes: { base: number; documentsLoaded: number; connectionsOpen: number; afterUnload: number };
  /** Documents the server logged as unloaded once every device had gone (of `documents`). */
  unloaded: number;
}

const envInt = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

interface Device {
  socket: HocuspocusProviderWebsocket;
  providers: HocuspocusProvider[];
}

function open(server: BenchServer, names: readonly string[], content?: (doc: Y.Doc) => void): Device {
  const socket = new HocuspocusProviderWebsocket({ url: server.url });
  const providers = names.map((name) => {
    const doc = new Y.Doc();
    content?.(doc);
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name,
      token: server.token,
      document: doc,
    });
    provider.attach();
    return provider;
  });
  return { socket, providers };
}

function close(devices: readonly Device[]): void {
  for (const device of devices) {
    for (const provider of device.providers) provider.destroy();
    device.socket.destroy();
  }
}

/** RSS once it has stopped moving (the server's collector runs on its own schedule). */
async function settledRss(server: BenchServer): Promise<number> {
  let last = server.rssBytes();
  for (let i = 0; i < 10; i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = server.rssBytes();
    if (Math.abs(now - last) < 256 * 1024) return now;
    last = now;
  }
  return last;
}

export async function measureServerMemory(): Promise<ServerMemoryFigures> {
  const documents = envInt('BENCH_MEMORY_DOCUMENTS', 200);
  const idleConnections = envInt('BENCH_MEMORY_CONNECTIONS', 300);
  const text = 'Puente dañado en la calle principal; acceso cortado. '.repeat(40);
  const server = await startBenchServer('sqlite');
  const holders: Device[] = [];
  const idle: Device[] = [];
  try {
    // A first device warms the server up, so the base includes what any first connection loads.
    const shared = `mission:${randomUUID()}`;
    const warm = open(server, [shared]);
    holders.push(warm);
    await waitFor(() => warm.providers.every((p) => p.synced), 30_000, 'the first device synced');
    const base = await settledRss(server);

    const names = Array.from({ length: documents }, () => `mission:${randomUUID()}`);
    for (let i = 0; i < names.length; i += 20) {
      holders.push(open(server, names.slice(i, i + 20), (doc) => doc.getText('text').insert(0, text)));
    }
    const providers = holders.flatMap((d) => d.providers);
    await waitFor(
      () => providers.every((p) => p.synced && p.unsyncedChanges === 0),
      120_000,
      'every document stored',
    );
    const documentsLoaded = await settledRss(server);

    for (let i = 0; i < idleConnections; i++) idle.push(open(server, [shared]));
    await waitFor(
      () => idle.every((d) => d.providers.every((p) => p.synced)),
      120_000,
      'every connection synced',
    );
    const connectionsOpen = await settledRss(server);

    close(holders.splice(1));
    await waitFor(
      () => names.every((name) => server.logged('document-unloaded', name) === 1),
      60_000,
      'the idle documents unloaded',
    ).catch(() => undefined);
    const afterUnload = await settledRss(server);
    return {
      documents,
      documentBytes: Y.encodeStateAsUpdate(providers[1]?.document ?? new Y.Doc()).length,
      rssPerDocumentBytes: (documentsLoaded - base) / documents,
      idleConnections,
      rssPerIdleConnectionBytes: (connectionsOpen - documentsLoaded) / idleConnections,
      rssBytes: { base, documentsLoaded, connectionsOpen, afterUnload },
      unloaded: names.filter((name) => server.logged('document-unloaded', name) > 0).length,
    };
  } finally {
    close(holders);
    close(idle);
    await server.stop();
  }
}

export function describeServerMemory(f: ServerMemoryFigures): string {
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  return (
    `server memory: ${f.documents} loaded documents of ${(f.documentBytes / 1024).toFixed(1)} KB: ` +
    `${(f.rssPerDocumentBytes / 1024).toFixed(1)} KB RSS each · ${f.idleConnections} idle connections: ` +
    `${(f.rssPerIdleConnectionBytes / 1024).toFixed(1)} KB RSS each · RSS ${mb(f.rssBytes.base)} MB at rest, ` +
    `${mb(f.rssBytes.documentsLoaded)} MB with the documents, ${mb(f.rssBytes.connectionsOpen)} MB with the ` +
    `connections, ${mb(f.rssBytes.afterUnload)} MB once ${f.unloaded} of ${f.documents} idle documents unloaded`
  );
}

// Run alone: `node bench/serverMemory.ts`.
if (import.meta.main) {
  const figures = await measureServerMemory();
  console.info(JSON.stringify(figures, null, 2));
  console.info(describeServerMemory(figures));
}
