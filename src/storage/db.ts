// The Dexie database: what must be queried or is not a CRDT. Never the source of truth for mission content.
import { Dexie, type EntityTable } from 'dexie';
import type { Sha256 } from '../domain/ids.ts';
import type { SearchEntry } from '../domain/search/fields.ts';
import type { AccountsMission } from '../domain/accounts/indicators.ts';
import type { MissionSeverityFacts } from '../domain/desk/severity.ts';
import type { MissionDeskFacts, MissionNews, ReviewFacts } from '../domain/desk/desk.ts';
import type { MissionSnapshot } from '../domain/records/snapshot.ts';

/** One row per mission, rebuilt from its Y.Doc: the list, its filters and search. */
export interface MissionRow {
  id: string;
  title: string;
  status: number;
  hostCanton: string;
  themes: string[];
  startDate: string;
  endDate: string;
  updatedAt: string;
  deleted: 0 | 1;
  readOnly: 0 | 1;
  searchText: string;
  counts: { assessments: number; notes: number; actions: number; overdue: number };
  /** The document's newest update-log key when this row was computed; a larger one on disk means stale. */
  sourceKey: number;
  /** PROJECTION_VERSION of the code that wrote the row: rows of an earlier one are rebuilt. */
  projection?: number;
  /** What the year's accounts count of this mission (absent in rows of an earlier projection). */
  accounts?: AccountsMission;
}

/** One row per assessment, note or action item, for search across missions. */
export interface RecordRow {
  key: string;
  missionId: string;
  kind: 'assessment' | 'note' | 'action';
  id: string;
  label: string;
  searchText: string;
  createdAt: string;
  updatedAt: string;
  deleted: 0 | 1;
}

/**
 * The texts of one mission and of its live records, for the search across everything: one row per mission, so
 * the first search reads 200 rows rather than 20,000 (reading many small rows is what IndexedDB is slow at).
 */
export interface SearchRow {
  missionId: string;
  entries: SearchEntry[];
}

/**
 * Where and how severe: one mission's live assessments (canton, sectors, GPS) and geolocated notes, so the
 * severity matrix and map across missions read one row per mission and never open a mission document.
 */
export type SeverityRow = MissionSeverityFacts;

/** A mission's team and the last write of each live record, for the coordinator's desk (one row per mission). */
export type DeskRowFacts = MissionDeskFacts;

/** The desk facts compacted for the desk's list (what is new per author), written with them. */
export type NewsRow = MissionNews;

/** A mission's review decision and comments, projected when its review document changes. */
export type ReviewRow = ReviewFacts;

/**
 * Every live record of one mission as read through the record schema, for exports: one row per mission, so a
 * full export reads 200 rows instead of opening 200 documents (deleted records are left out: no export holds
 * them). Written in the same transaction as the mission's list row, with the same source key.
 */
export interface ExportRow {
  missionId: string;
  /** PROJECTION_VERSION of the code that wrote the row: a row of another one is read from its document. */
  projection: number;
  sourceKey: number;
  snapshot: MissionSnapshot;
}

/** When this device's user last looked at a mission: what changed after it is new to them. */
export interface SeenRow {
  missionId: string;
  /** ISO date-time. */
  seenAt: string;
}

/** A mission document known on this device; written before the document's first byte, so none is orphaned. */
export interface DocEntry {
  name: string;
  missionId: string;
  createdAt: string;
}

export interface BlobRow {
  sha256: Sha256;
  /** A Blob; the same bytes as an ArrayBuffer where IndexedDB refuses Blobs (read it with photoBlob()). */
  blob: Blob | ArrayBuffer;
  mime: string;
  bytes: number;
  width: number;
  height: number;
  createdAt: string;
  /** Upload state for the sync layer: 'local' until the server has it. */
  upload: 'local' | 'uploaded';
}

/** What a sync server has acknowledged of one document, so "N changes not yet on the server" survives a reload. */
export interface SyncStateRow {
  /** Document name, e.g. `mission:<uuid>`. */
  name: string;
  /** The server the acknowledgement came from: a state vector from another server says nothing. */
  server: string;
  serverStateVector: Uint8Array;
  lastSyncedAt: number;
  /** The server's version of the document when it was last confirmed in step (the change feed's cursor). */
  cursor?: number;
}

/**
 * What this device last exchanged with another device through bundle files, per document: the state vector of
 * what it received from that peer and of what it sent, and the photos either way, so the next bundle for that
 * peer holds only what it lacks.
 */
export interface PeerStateRow {
  /** The other device's id (DeviceProfile.deviceId), as its bundles name it. */
  peer: string;
  /** Document name, e.g. `mission:<uuid>` or `review:<uuid>`. */
  doc: string;
  received: Uint8Array | null;
  sent: Uint8Array | null;
  /** Photos (SHA-256) of this document's records that the peer holds: received from it or sent to it. */
  photos: string[];
  /** The peer's name as its last bundle gave it (not indexed: rows from before it simply lack it). */
  name?: string;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export class MingaDb extends Dexie {
  missions!: EntityTable<MissionRow, 'id'>;
  records!: EntityTable<RecordRow, 'key'>;
  docs!: EntityTable<DocEntry, 'name'>;
  blobs!: EntityTable<BlobRow, 'sha256'>;
  settings!: EntityTable<SettingRow, 'key'>;
  syncState!: EntityTable<SyncStateRow, 'name'>;
  search!: EntityTable<SearchRow, 'missionId'>;
  peerState!: Dexie.Table<PeerStateRow, [string, string]>;
  severity!: EntityTable<SeverityRow, 'missionId'>;
  desk!: EntityTable<DeskRowFacts, 'missionId'>;
  reviews!: EntityTable<ReviewRow, 'missionId'>;
  seen!: EntityTable<SeenRow, 'missionId'>;
  exports!: EntityTable<ExportRow, 'missionId'>;
  news!: EntityTable<NewsRow, 'missionId'>;

  constructor(name = 'minga') {
    // Strict durability: a write Dexie reports as done has been flushed to disk (Chrome defaults to relaxed).
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      missions: 'id, status, hostCanton, *themes, startDate, updatedAt, deleted',
      records: 'key, missionId, kind, [missionId+kind], updatedAt',
      docs: 'name, missionId',
      blobs: 'sha256, upload',
      settings: 'key',
    });
    // Version 2 only adds a table: nothing to migrate.
    this.version(2).stores({ syncState: 'name' });
    // Version 3 only adds a table; its rows are built by ensureProjections (PROJECTION_VERSION).
    this.version(3).stores({ search: 'missionId' });
    // Version 4 only adds a table: nothing to migrate.
    this.version(4).stores({ peerState: '[peer+doc], peer' });
    // Version 5 only adds a table; its rows are built by ensureProjections (PROJECTION_VERSION 3).
    this.version(5).stores({ severity: 'missionId' });
    // Version 6 only adds tables: desk rows are built by ensureProjections (PROJECTION_VERSION 4), review rows
    // when a review document is opened, seen rows when a mission is looked at.
    this.version(6).stores({ desk: 'missionId', reviews: 'missionId', seen: 'missionId' });
    // Version 7 only adds tables: export and news rows are built by ensureProjections (PROJECTION_VERSION 5);
    // until a mission has them, its export reads the mission's document and the desk its desk row.
    this.version(7).stores({ exports: 'missionId', news: 'missionId' });
  }
}

let shared: MingaDb | null = null;

export function getDb(): MingaDb {
  shared ??= new MingaDb();
  return shared;
}

/** Tests open a fresh database per case. */
export function setDbForTests(db: MingaDb | null): void {
  shared = db;
}
