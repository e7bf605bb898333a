import type { HocuspocusProviderWebsocket } from '@hocuspocus/provider';

/**
 * While the socket is closed, the provider queues every local update and replays the queue on reconnection,
 * after resetting its count of unacknowledged messages to one (for the sync step). Each replayed copy is then
 * acknowledged against that count: it reaches zero while later edits are still in flight, and the device would
 * record as acknowledged what the server may not have. The copies are redundant — the sync step sends the
 * server everything it lacks — so they are dropped before the socket connects again and the count stays true.
 *
 * The queue is the library's own field (no public method clears it without closing the socket for good); this is
 * the one place that touches it, and tests/unit/sync/providerQueue.test.ts fails if the library changes it.
 */
export function dropQueuedMessages(socket: HocuspocusProviderWebsocket): void {
  const queue = (socket as unknown as { messageQueue?: unknown }).messageQueue;
  if (Array.isArray(queue)) queue.length = 0;
}

/** How many messages the socket holds for its next connection (for the test of the field above). */
export function queuedMessageCount(socket: HocuspocusProviderWebsocket): number | null {
  const queue = (socket as unknown as { messageQueue?: unknown }).messageQueue;
  return Array.isArray(queue) ? queue.length : null;
}
