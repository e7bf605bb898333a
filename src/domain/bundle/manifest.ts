// The bundle's manifest (`manifest.json`): who made it and when, and every document and photo it holds. Read
// through a valibot schema like every value from outside the device; the version is read first, so a newer file
// is told apart from a broken one.
import * as v from 'valibot';
import { fromBase64 } from './bytes.ts';
import {
  BUNDLE_DOC_KINDS,
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  BundleError,
  MAX_DOC_BYTES,
  MAX_ENTRIES,
  MAX_PHOTO_BYTES,
  type BundleDocKind,
} from './format.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SHA256 = /^[0-9a-f]{64}$/;
/** A Yjs state vector is a few bytes per device that ever wrote: this bounds a hostile one, not a real one. */
const MAX_STATE_VECTOR_CHARS = 64 * 1024;

const sha256 = v.pipe(v.string(), v.regex(SHA256));
const stateVector = v.pipe(
  v.string(),
  v.maxLength(MAX_STATE_VECTOR_CHARS),
  v.check((text) => fromBase64(text) !== null),
);

const docSchema = v.strictObject({
  kind: v.picklist(BUNDLE_DOC_KINDS),
  mission: v.pipe(v.string(), v.regex(UUID)),
  /** Base64 state vector the update was computed against; '' for the whole document. */
  since: stateVector,
  bytes: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_DOC_BYTES)),
  sha256,
});

const photoSchema = v.strictObject({
  sha256,
  mime: v.pipe(v.string(), v.regex(/^image\/[a-z0-9.+-]{1,40}$/)),
  bytes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_PHOTO_BYTES)),
});

const manifestSchema = v.strictObject({
  format: v.literal(BUNDLE_FORMAT),
  version: v.literal(BUNDLE_VERSION),
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  sender: v.strictObject({
    name: v.pipe(v.string(), v.maxLength(200)),
    device: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  }),
  docs: v.pipe(v.array(docSchema), v.minLength(1), v.maxLength(MAX_ENTRIES)),
  photos: v.pipe(v.array(photoSchema), v.maxLength(MAX_ENTRIES)),
});

export type BundleManifest = v.InferOutput<typeof manifestSchema>;
export type ManifestDoc = BundleManifest['docs'][number];
export type ManifestPhoto = BundleManifest['photos'][number];

const headerSchema = v.looseObject({ format: v.literal(BUNDLE_FORMAT), version: v.number() });

/** The manifest's bytes as a manifest, or the reason they are not one. */
export function parseManifest(bytes: Uint8Array): BundleManifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new BundleError('notABundle', 'manifest is not JSON', { cause: error });
  }
  const header = v.safeParse(headerSchema, json);
  if (!header.success) throw new BundleError('notABundle', 'manifest names no minga bundle');
  if (header.output.version > BUNDLE_VERSION)
    throw new BundleError('newerVersion', String(header.output.version));
  const manifest = v.safeParse(manifestSchema, json);
  if (!manifest.success) {
    const issue = manifest.issues[0];
    throw new BundleError('badManifest', `${v.getDotPath(issue) ?? ''} ${issue.message}`.trim());
  }
  assertUnique(manifest.output);
  return manifest.output;
}

/** One entry per document and per photo: a second one could only disagree with the first. */
function assertUnique(manifest: BundleManifest): void {
  const docs = new Set(manifest.docs.map((doc) => docKey(doc.kind, doc.mission)));
  const photos = new Set(manifest.photos.map((photo) => photo.sha256));
  if (docs.size !== manifest.docs.length || photos.size !== manifest.photos.length)
    throw new BundleError('badManifest', 'listed twice');
}

export function docKey(kind: BundleDocKind, mission: string): string {
  return `${kind}-${mission}`;
}
