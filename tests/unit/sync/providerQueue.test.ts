// The provider's private message queue, touched in one place (src/sync/providerQueue.ts): this fails if a new
// version of @hocuspocus/provider renames the field or stops queueing what is sent while the socket is down.
import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterEach, describe, expect, it } from 'vitest';
import { dropQueuedMessages, queuedMessageCount } from '../../../src/sync/providerQueue.ts';

describe('the provider socket queue', () => {
  let socket: HocuspocusProviderWebsocket | null = null;
  afterEach(() => {
    socket?.destroy();
    socket = null;
  });

  it('holds what is sent while disconnected, and dropping empties it', () => {
    socket = new HocuspocusProviderWebsocket({ url: 'ws://127.0.0.1:9/sync', autoConnect: false });
    expect(queuedMessageCount(socket)).toBe(0);
    socket.send(new Uint8Array([1, 2, 3]));
    socket.send(new Uint8Array([4, 5, 6]));
    expect(queuedMessageCount(socket)).toBe(2);
    dropQueuedMessages(socket);
    expect(queuedMessageCount(socket)).toBe(0);
  });
});
