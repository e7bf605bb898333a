// What a mission bundle file is: its name and version, the entries it may hold, the bounds a reader enforces, and
// the closed list of reasons a bundle is refused (the UI translates each).

export const BUNDLE_FORMAT = 'minga-bundle';
/** Bumped when a reader of this version could not read a newer file correctly; a newer file is refused. */
export const BUNDLE_VERSION = 1;
export const BUNDLE_MIME = 'application/zip';
export const BUNDLE_EXTENSION = '.minga.zip';

/** Kinds of document a bundle carries: a mission's records, and its review (a document of its own). */
export type BundleDocKind = 'mission' | 'review';
export const BUNDLE_DOC_KINDS: readonly BundleDocKind[] = ['mission', 'review'];

// Bounds, checked on the zip's central directory before any byte is decompressed. They follow the sync server's
// own limits (MAX_DOCUMENT_BYTES 64 MiB, MAX_BLOB_BYTES 20 MiB) and what a small phone can hold in memory at once.
export const MAX_BUNDLE_FILE_BYTES = 256 * 1024 * 1024;
export const MAX_ENTRIES = 10_000;
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
export const MAX_DOC_BYTES = 64 * 1024 * 1024;
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 256 * 1024 * 1024;

export const MANIFEST_ENTRY = 'manifest.json';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const DOC_ENTRY = new RegExp(`^docs/(mission|review)-(${UUID})\\.bin$`);
const PHOTO_ENTRY = /^photos\/([0-9a-f]{64})$/;

/** `docs/<kind>-<mission uuid>.bin`: the Yjs update of one document. */
export function docEntryName(kind: BundleDocKind, missionId: string): string {
  return `docs/${kind}-${missionId}.bin`;
}

/** `photos/<sha256>`: a photo's bytes, named by their hash. */
export function photoEntryName(sha256: string): string {
  return `photos/${sha256}`;
}

export type EntryKind = 'manifest' | 'doc' | 'photo';

/** The kind of an entry name, or null for a name a bundle never holds (paths, other files, upper case…). */
export function entryKind(name: string): EntryKind | null {
  if (name === MANIFEST_ENTRY) return 'manifest';
  if (DOC_ENTRY.test(name)) return 'doc';
  if (PHOTO_ENTRY.test(name)) return 'photo';
  return null;
}

export function entryLimit(kind: EntryKind): number {
  return kind === 'manifest' ? MAX_MANIFEST_BYTES : kind === 'doc' ? MAX_DOC_BYTES : MAX_PHOTO_BYTES;
}

export type BundleRefusal =
  /** Not a zip, or a zip without a manifest of ours. */
  | 'notABundle'
  /** A zip whose structure or compressed data is broken (truncated, flipped bytes). */
  | 'corrupt'
  /** Made by a newer app version: this one cannot read it correctly. */
  | 'newerVersion'
  /** Too many entries, or an entry or the whole larger than the bounds above. */
  | 'tooLarge'
  /** An entry the format does not have, a duplicate, or one the manifest does not list (or lists but is absent). */
  | 'unexpectedEntry'
  /** The manifest does not follow the format (missing or malformed fields). */
  | 'badManifest'
  /** A document's bytes differ from the size or hash the manifest gives. */
  | 'docMismatch'
  /** A document update that does not parse, or holds data a mission or review never holds. */
  | 'badUpdate'
  /** A change that builds on changes neither this device nor the bundle has: an earlier bundle is missing. */
  | 'missingHistory'
  /** A photo's bytes do not match its hash or declared size. */
  | 'photoMismatch';

export const BUNDLE_REFUSALS: readonly BundleRefusal[] = [
  'notABundle',
  'corrupt',
  'newerVersion',
  'tooLarge',
  'unexpectedEntry',
  'badManifest',
  'docMismatch',
  'badUpdate',
  'missingHistory',
  'photoMismatch',
];

/** A bundle refused before anything on the device changed; `detail` names the entry or field, for logs. */
export class BundleError extends Error {
  readonly code: BundleRefusal;
  readonly detail: string;

  constructor(code: BundleRefusal, detail = '', options?: { cause?: unknown }) {
    super(detail ? `${code}: ${detail}` : code, options);
    this.name = 'BundleError';
    this.code = code;
    this.detail = detail;
  }
}

export function isBundleError(error: unknown): error is BundleError {
  return error instanceof BundleError;
}
