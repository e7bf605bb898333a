// The per-document record of what the sync server has acknowledged, kept in Dexie so it survives a reload.
import { getDb, type SyncStateRow } from '../storage/db.ts';

/** The server's acknowledged state, or null when this server never confirmed this document. */
export async function loadServerState(name: string, server: string): Promise<SyncStateRow | null> {
  const row = await getDb().syncState.get(name);
  if (!row || row.server !== server || !(row.serverStateVector instanceof Uint8Array)) return null;
  return row;
}

/**
 * Writes are coalesced per document: while one is on its way only the newest waiting state is kept, so a burst
 * of acknowledgements costs at most two transactions.
 */
const inFlight = new Map<string, Promise<void>>();
const waiting = new Map<string, SyncStateRow>();

export function saveServerState(row: SyncStateRow): Promise<void> {
  const { name } = row;
  waiting.set(name, row);
  const running = inFlight.get(name);
  if (running) return running;
  const promise = (async () => {
    try {
      for (let next = waiting.get(name); next; next = waiting.get(name)) {
        waiting.delete(name);
        await getDb().syncState.put(next);
      }
    } finally {
      // Same synchronous step as the loop's last look at `waiting`: no row can slip in between.
      inFlight.delete(name);
    }
  })();
  inFlight.set(name, promise);
  return promise;
}

export async function allServerStates(server: string): Promise<Map<string, SyncStateRow>> {
  const rows = await getDb().syncState.toArray();
  return new Map(rows.filter((row) => row.server === server).map((row) => [row.name, row]));
}
