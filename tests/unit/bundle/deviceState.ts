// Everything a device has stored, read raw: each y-indexeddb database's records and every Dexie table, blobs as
// bytes. Two dumps are equal only if nothing on the device changed.
import type { Device } from './devices.ts';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function dumpDatabase(factory: IDBFactory, name: string): Promise<Record<string, unknown>> {
  const db = await request(factory.open(name));
  try {
    const dump: Record<string, unknown> = {};
    for (const store of [...db.objectStoreNames].sort()) {
      const tx = db.transaction(store);
      const keys = await request(tx.objectStore(store).getAllKeys());
      const values = await request(tx.objectStore(store).getAll());
      dump[store] = { keys, values };
    }
    return dump;
  } finally {
    db.close();
  }
}

async function plain(value: unknown): Promise<unknown> {
  if (value && typeof (value as Blob).arrayBuffer === 'function')
    return [...new Uint8Array(await (value as Blob).arrayBuffer())];
  if (value instanceof Uint8Array) return [...value];
  if (Array.isArray(value)) return Promise.all(value.map(plain));
  if (value && typeof value === 'object') {
    const entries = await Promise.all(
      Object.entries(value).map(async ([k, v]) => [k, await plain(v)] as const),
    );
    return Object.fromEntries(entries);
  }
  return value;
}

export async function deviceState(device: Device): Promise<unknown> {
  const names = (await device.factory.databases())
    .map((info) => info.name ?? '')
    .filter((name) => name.startsWith('mission:') || name.startsWith('review:'))
    .sort();
  const docs: Record<string, unknown> = {};
  for (const name of names) docs[name] = await dumpDatabase(device.factory, name);
  const tables: Record<string, unknown> = {};
  for (const table of device.db.tables) tables[table.name] = await plain(await table.toArray());
  return { names, docs: await plain(docs), tables };
}
