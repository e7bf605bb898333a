// Who may open which document, and how: the role table of the sync server contract, as a pure function.
import type { Role } from './db.ts';

export type DocumentKind = 'mission' | 'review' | 'programme';
export type Access = 'read-write' | 'read-only' | 'forbidden';

export interface ParsedName {
  kind: DocumentKind;
  id: string;
}

/** The only spelling of a document name: a kind and a lower-case UUID (memberships are kept per id). */
const DOCUMENT_NAME =
  /^(mission|review|programme):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Longest document name the server reads at all; anything longer is refused before it is parsed or logged. */
export const MAX_DOCUMENT_NAME_BYTES = 64;

export function parseDocumentName(name: string): ParsedName | null {
  const match = DOCUMENT_NAME.exec(name);
  if (match === null) return null;
  const [, kind, id] = match;
  if (kind === undefined || id === undefined) return null;
  return { kind: kind as DocumentKind, id };
}

export interface AccessFacts {
  role: Role;
  /** The token is a member of the mission the document belongs to. */
  member: boolean;
  /** A mission document with this id already exists on the server. */
  missionExists: boolean;
}

/**
 * The decision, and whether the token becomes a member: a technician opening a mission the server has never
 * seen is syncing a mission it created offline.
 */
export function decideAccess(doc: ParsedName, facts: AccessFacts): { access: Access; join: boolean } {
  const { role, member, missionExists } = facts;
  if (role === 'coordinator') return { access: 'read-write', join: false };
  if (doc.kind === 'programme') return { access: 'forbidden', join: false };
  if (role === 'technician') {
    if (doc.kind === 'mission') {
      if (member) return { access: 'read-write', join: false };
      if (!missionExists) return { access: 'read-write', join: true };
      return { access: 'forbidden', join: false };
    }
    return { access: member ? 'read-only' : 'forbidden', join: false };
  }
  // Observers read the missions they are assigned to, and their reviews.
  return { access: member ? 'read-only' : 'forbidden', join: false };
}
