// Per-peer memory of bundle exchanges: what each other device has of each document, so a bundle for a known peer
// is a small delta. Only ever a hint: a delta made against state the peer lacks is refused there, never misapplied.
import * as Y from 'yjs';
import { getDb, type PeerStateRow } from './db.ts';

/** The per-device maximum of two state vectors: everything either says is held. */
export function unionStateVectors(a: Uint8Array | null, b: Uint8Array | null): Uint8Array | null {
  if (!a || !b) return a ?? b;
  const merged = Y.decodeStateVector(a);
  for (const [client, clock] of Y.decodeStateVector(b))
    merged.set(client, Math.max(clock, merged.get(client) ?? 0));
  return Y.encodeStateVector(merged);
}

export interface PeerKnowledge {
  /** What the peer is taken to hold: all it sent us and all we sent it. */
  since: Uint8Array | null;
  photos: Set<string>;
}

export async function peerKnowledge(peer: string, doc: string): Promise<PeerKnowledge> {
  const row = await getDb().peerState.get([peer, doc]);
  return {
    since: row ? unionStateVectors(row.received, row.sent) : null,
    photos: new Set(row?.photos ?? []),
  };
}

export interface PeerExchange {
  doc: string;
  stateVector: Uint8Array;
  photos: readonly string[];
}

/** Records, in one transaction, what was sent to or received from `peer`. */
export async function rememberExchange(
  peer: string,
  direction: 'sent' | 'received',
  exchanges: readonly PeerExchange[],
  name?: string,
): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.peerState, async () => {
    for (const { doc, stateVector, photos } of exchanges) {
      const row: PeerStateRow = (await db.peerState.get([peer, doc])) ?? {
        peer,
        doc,
        received: null,
        sent: null,
        photos: [],
      };
      if (name) row.name = name;
      row[direction] = unionStateVectors(row[direction], stateVector);
      row.photos = [...new Set([...row.photos, ...photos])].sort();
      await db.peerState.put(row);
    }
  });
}

export interface KnownPeer {
  device: string;
  /** The name its bundles gave, when one did. */
  name: string;
  /** Missions it holds, as far as this device knows. */
  missions: string[];
}

/** Every device this one has exchanged bundles with, by name. */
export async function knownPeers(): Promise<KnownPeer[]> {
  const peers = new Map<string, KnownPeer>();
  for (const row of await getDb().peerState.toArray()) {
    const peer = peers.get(row.peer) ?? { device: row.peer, name: '', missions: [] };
    if (row.name) peer.name = row.name;
    if (row.doc.startsWith('mission:')) peer.missions.push(row.doc.slice('mission:'.length));
    peers.set(row.peer, peer);
  }
  return [...peers.values()].sort((a, b) => (a.name || a.device).localeCompare(b.name || b.device));
}
