// Whether the server's photo quota holds photos back now: plain listeners, read by the sync settings panel.

/** The server's codes (429): the mission's photos reached their limit, or this account's photos of the day. */
export type PhotoQuota = 'quota_mission_bytes' | 'quota_token_bytes';

export function isPhotoQuota(value: unknown): value is PhotoQuota {
  return value === 'quota_mission_bytes' || value === 'quota_token_bytes';
}

let current: PhotoQuota | null = null;
const listeners = new Set<(quota: PhotoQuota | null) => void>();

export function photoQuota(): PhotoQuota | null {
  return current;
}

export function setPhotoQuota(next: PhotoQuota | null): void {
  if (next === current) return;
  current = next;
  for (const listener of listeners) listener(next);
}

export function onPhotoQuota(listener: (quota: PhotoQuota | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
