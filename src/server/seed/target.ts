// Where the demo programme is written: the same stores the server reads (documents, blobs and their mission
// references, tokens), in DATA_DIR's SQLite file and blob directory or in PostgreSQL.
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type pg from 'pg';
import { missionDocName, type MissionId } from '../../domain/ids.ts';
import { reviewDocName } from '../../domain/review.ts';
import { postgresBlobRefs, sqliteBlobRefs, type BlobRefs } from '../blobRefs.ts';
import { directoryBlobStore, postgresBlobStore, type BlobStore } from '../blobStore.ts';
import { openDatabase } from '../db.ts';
import { postgresDocumentStore, sqliteDocumentStore, type DocumentStore } from '../documents.ts';
import { openPostgres } from '../postgres.ts';
import { postgresTokenStore, sqliteTokenStore, type TokenStore } from '../tokens.ts';
import type { SeedPhoto } from './photos.ts';
import type { SeededMission } from './programme.ts';

export interface SeedTarget {
  /** Where it is, to say so: the data directory or the PostgreSQL schema. */
  where: string;
  documents: DocumentStore;
  blobs: BlobStore;
  refs: BlobRefs;
  tokens: TokenStore;
  close(): Promise<void>;
}

/** The stores as the server opens them (src/server/app.ts): PostgreSQL when a URL is given, else the data dir. */
export async function openSeedTarget(options: {
  dataDir: string;
  databaseUrl?: string | undefined;
  databaseSchema?: string | undefined;
}): Promise<SeedTarget> {
  if (options.databaseUrl) {
    const schema = options.databaseSchema || 'public';
    const pool: pg.Pool = await openPostgres(options.databaseUrl, schema);
    return {
      where: `PostgreSQL schema ${schema}`,
      documents: postgresDocumentStore(pool, schema),
      blobs: postgresBlobStore(pool, schema),
      refs: postgresBlobRefs(pool, schema),
      tokens: postgresTokenStore(pool, schema),
      close: () => pool.end(),
    };
  }
  const dataDir = path.resolve(options.dataDir);
  const db: DatabaseSync = openDatabase(dataDir);
  // Demo data is written in one go and can be written again: commits need not each wait for the disk (WAL
  // keeps them atomic), and closing the database makes them durable.
  db.exec('PRAGMA synchronous = NORMAL');
  return {
    where: dataDir,
    documents: sqliteDocumentStore(db),
    blobs: directoryBlobStore(path.join(dataDir, 'blobs')),
    refs: sqliteBlobRefs(db),
    tokens: sqliteTokenStore(db),
    close: async () => db.close(),
  };
}

async function storePhoto(target: SeedTarget, missionId: string, photo: SeedPhoto): Promise<void> {
  if (!(await target.blobs.has(photo.sha256))) {
    const writer = await target.blobs.writer();
    try {
      await writer.write(Buffer.from(photo.bytes));
      await writer.commit(photo.sha256);
    } catch (error) {
      await writer.abort();
      throw error;
    }
  }
  await target.refs.add(photo.sha256, missionId, photo.mime, photo.bytes.length);
}

/**
 * One mission as if its devices had synced it: its photos and their reference, then its documents (the mission
 * last, so a mission listed is complete). False, and nothing written, when the mission is already stored: seeding
 * the same seed again (with --force) leaves what is there, and whatever devices have changed in it, as it is.
 */
export async function storeMission(target: SeedTarget, mission: SeededMission): Promise<boolean> {
  const name = missionDocName(mission.id as MissionId);
  if (await target.documents.exists(name)) return false;
  // Side by side: each blob waits for its own fsyncs, and the waits overlap.
  await Promise.all(mission.photos.map((photo) => storePhoto(target, mission.id, photo)));
  if (mission.review !== null)
    await target.documents.store(reviewDocName(mission.id as MissionId), mission.review);
  await target.documents.store(name, mission.mission);
  return true;
}
