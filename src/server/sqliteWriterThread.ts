// The worker thread that commits SQLite update batches, so the wait for the disk never holds the event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './db.ts';
import type { WriterReply, WriterRequest } from './sqliteWriter.ts';

const { dataDir } = workerData as { dataDir: string };
const db = openDatabase(dataDir);
const insert = db.prepare('INSERT INTO document_updates (name, update_data) VALUES (?, ?)');

parentPort?.on('message', ({ id, batch }: WriterRequest) => {
  let reply: WriterReply;
  try {
    db.exec('BEGIN');
    try {
      const seqs = batch.map(({ name, update }) => Number(insert.run(name, update).lastInsertRowid));
      db.exec('COMMIT');
      reply = { id, seqs };
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
