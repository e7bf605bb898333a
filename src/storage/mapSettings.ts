// The map's tile address chosen on this device (Settings); empty means the one the app was built with.
import { isTileTemplate } from '../domain/desk/tiles.ts';
import { getDb } from './db.ts';

const KEY = 'tileUrl';

export async function loadTileUrl(): Promise<string> {
  const row = await getDb().settings.get(KEY);
  return typeof row?.value === 'string' && isTileTemplate(row.value) ? row.value : '';
}

/** Saves a valid template, or clears the choice with ''; false when the text is not a tile template. */
export async function saveTileUrl(url: string): Promise<boolean> {
  const trimmed = url.trim();
  if (trimmed === '') {
    await getDb().settings.delete(KEY);
    return true;
  }
  if (!isTileTemplate(trimmed)) return false;
  await getDb().settings.put({ key: KEY, value: trimmed });
  return true;
}
