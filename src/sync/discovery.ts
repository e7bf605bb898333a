// Learns from the server which missions this device may sync, so they arrive without anyone sharing a link.
import { asMissionId } from '../domain/ids.ts';
import { getDb } from '../storage/db.ts';
import { registerMission } from '../storage/docStore.ts';
import type { BlobEndpoint } from './blobEndpoint.ts';

/**
 * Registers every mission the server lists for this token that the device does not hold yet; the background
 * pass then opens and syncs them like any other. Returns the ids added. Offline or refused: adds nothing.
 */
export async function discoverMissions(
  endpoint: BlobEndpoint,
  fetchImpl: typeof fetch = fetch,
  now: () => Date = () => new Date(),
): Promise<string[]> {
  let listed: unknown;
  try {
    const response = await fetchImpl(`${endpoint.baseUrl}/api/missions`, {
      headers: { Authorization: `Bearer ${endpoint.token}` },
    });
    if (!response.ok) return [];
    listed = ((await response.json()) as { missions?: unknown }).missions;
  } catch {
    return [];
  }
  if (!Array.isArray(listed)) return [];
  const held = new Set((await getDb().docs.toArray()).map((entry) => entry.missionId));
  const added: string[] = [];
  for (const value of listed) {
    const id = typeof value === 'string' ? asMissionId(value) : null;
    if (!id || held.has(id)) continue;
    await registerMission(id, now().toISOString());
    added.push(id);
  }
  return added;
}
