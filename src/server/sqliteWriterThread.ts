// The worker thread that writes update batches and compactions to SQLite, so neither the wait for the disk nor
// the merge of a document's states ever holds the event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './db.ts';
import { sqliteCompactor } from './documents.ts';
import { sqliteHistory } from './history.ts';
import { sqliteTransaction } from './sqliteTransaction.ts';
import type { WriterReply, WriterRequest } from './sqliteWriter.ts';

const { dataDir, retentionDays } = workerData as { dataDir: string; retentionDays: number };
const db = openDatabase(dataDir);
const insert = db.prepare('INSERT INTO document_updates (name, update_data) VALUES (?, ?)');
const compact = sqliteCompactor(db, sqliteHistory(db, retentionDays));

function appendBatch(batch: Extract<WriterRequest, { kind: 'append' }>['batch']): number[] {
  return sqliteTransaction(db, 'BEGIN', () =>
    batch.map(({ name, update }) => Number(insert.run(name, update).lastInsertRowid)),
  );
}

parentPort?.on('message', (message: WriterRequest) => {
  let reply: WriterReply;
  try {
    const result = message.kind === 'append' ? appendBatch(message.batch) : compact(message.request);
    reply = { id: message.id, result };
  } catch (error) {
    reply = { id: message.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
