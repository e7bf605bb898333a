// One simulated device: a Y.Doc of its mission and a real client library over a real WebSocket, for
// Hocuspocus servers (ours and plain: @hocuspocus/provider) and for the reference server (y-websocket).
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { dropQueuedMessages } from '../../src/sync/providerQueue.ts';

export interface Device {
  readonly doc: Y.Doc;
  /** Handshake done and, where the server acknowledges updates, every local change acknowledged. */
  settled(): boolean;
  /** Connected and past the handshake. */
  online(): boolean;
  /** Acknowledgements received (Hocuspocus "sync status: applied"); null where the protocol has none. */
  acks(): number | null;
  /** The address it uses now (it moves on when a connection fails). */
  currentUrl(): string;
  /** Connections that closed under this device (server killed, refused, network). */
  readonly closes: number[];
  /** Called each time every local change of the document is acknowledged, as the app confirms a document. */
  onAcknowledged(listener: () => void): void;
  destroy(): void;
}

export interface DeviceOptions {
  /** Addresses to use, first the device's own; on a failed connection the device moves to the next. */
  urls: readonly string[];
  /** The document's name as the server knows it. */
  name: string;
  token: string;
  doc: Y.Doc;
}

/**
 * A device on a Hocuspocus server: one socket, one provider, reconnecting with a short backoff. On every close
 * it moves to the next address, so devices of a killed instance spread over the others.
 */
export function hocuspocusDevice({ urls, name, token, doc }: DeviceOptions): Device {
  let urlIndex = 0;
  let acks = 0;
  let previous = 0;
  const closes: number[] = [];
  const listeners: (() => void)[] = [];
  const socket = new HocuspocusProviderWebsocket({
    url: urls[0] ?? '',
    delay: 200,
    minDelay: 200,
    maxDelay: 2000,
    // The server may be briefly gone (killed and restarted): never give up.
    maxAttempts: 0,
    // Under a storm the first answer may take long; the default 30 s would drop healthy sockets.
    messageReconnectTimeout: 120_000,
  });
  socket.on('close', ({ event }: { event: { code: number } }) => {
    closes.push(event.code);
    if (urls.length > 1) {
      urlIndex = (urlIndex + 1) % urls.length;
      socket.configuration.url = urls[urlIndex] ?? '';
    }
  });
  // As the app does (src/sync/connection.ts): updates queued while the socket was down are dropped before it
  // reconnects. Replayed after the handshake reset the provider's count to one, their acknowledgements would
  // bring it to zero while later edits are still in flight; the sync step sends the server all it lacks anyway.
  socket.on('status', ({ status }: { status: string }) => {
    if (status === 'connecting') dropQueuedMessages(socket);
  });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, token, document: doc });
  const settled = () => provider.isSynced && provider.unsyncedChanges === 0;
  provider.on('unsyncedChanges', ({ number }: { number: number }) => {
    // A decrement is one "applied" answer of the server; a reset (to 1, on each handshake) is not.
    if (number === previous - 1) acks += 1;
    previous = number;
    if (settled()) for (const listener of listeners) listener();
  });
  provider.on('synced', () => {
    if (settled()) for (const listener of listeners) listener();
  });
  provider.attach();
  return {
    doc,
    settled,
    online: () => provider.isSynced,
    acks: () => acks,
    currentUrl: () => socket.configuration.url,
    closes,
    onAcknowledged: (listener) => listeners.push(listener),
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** A device on the reference server: y-websocket's provider (it has no acknowledgements). */
export function yWebsocketDevice({ urls, name, doc }: DeviceOptions): Device {
  // Without disableBc, devices in one process would pass updates through a BroadcastChannel, not the server.
  const provider = new WebsocketProvider(urls[0] ?? '', name, doc, { maxBackoffTime: 2000, disableBc: true });
  const closes: number[] = [];
  provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
  return {
    doc,
    settled: () => provider.synced,
    online: () => provider.wsconnected && provider.synced,
    acks: () => null,
    currentUrl: () => urls[0] ?? '',
    closes,
    onAcknowledged: () => {},
    destroy: () => provider.destroy(),
  };
}
