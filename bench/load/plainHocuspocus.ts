// A plain Hocuspocus 4 server for comparison: the stock database extension on a SQLite file, the default
// debounced store, no authentication, no limits. Prints {"event":"listening","port":N} once it listens.
import { Database } from '@hocuspocus/extension-database';
import { Server } from '@hocuspocus/server';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';

const db = new DatabaseSync(path.join(process.env.DATA_DIR ?? '.', 'plain-hocuspocus.sqlite'));
db.exec('PRAGMA journal_mode = WAL');
db.exec('CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, data BLOB NOT NULL)');
const select = db.prepare('SELECT data FROM documents WHERE name = ?');
const upsert = db.prepare(
  'INSERT INTO documents (name, data) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET data = excluded.data',
);

const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: '127.0.0.1',
  quiet: true,
  extensions: [
    new Database({
      fetch: async ({ documentName }) => {
        const row = select.get(documentName) as { data: Uint8Array } | undefined;
        return row?.data ?? null;
      },
      store: async ({ documentName, state }) => {
        upsert.run(documentName, state);
      },
    }),
  ],
});
await server.listen();
console.info(JSON.stringify({ event: 'listening', port: server.address.port }));
