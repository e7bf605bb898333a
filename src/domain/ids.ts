// Branded identifiers: a note id cannot be passed where a mission id is expected.
export type MissionId = string & { readonly __brand: 'MissionId' };
export type AssessmentId = string & { readonly __brand: 'AssessmentId' };
export type NoteId = string & { readonly __brand: 'NoteId' };
export type ActionId = string & { readonly __brand: 'ActionId' };
export type Sha256 = string & { readonly __brand: 'Sha256' };

export type RecordKind = 'assessment' | 'note' | 'action';
export type RecordId = AssessmentId | NoteId | ActionId;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SHA256 = /^[0-9a-f]{64}$/;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function asMissionId(value: string): MissionId | null {
  return isUuid(value) ? (value as MissionId) : null;
}

export function asSha256(value: string): Sha256 | null {
  return SHA256.test(value) ? (value as Sha256) : null;
}

/** A new random id; the generator is injectable so tests can be deterministic. */
export function newId<T extends string>(random: () => string = () => crypto.randomUUID()): T {
  return random() as T;
}

export function missionDocName(id: MissionId): string {
  return `mission:${id}`;
}
