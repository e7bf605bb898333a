// Who may open which document, and how: the role table of the sync server contract, as a pure function.
import { isUuid } from '../domain/ids.ts';
import type { Role } from './db.ts';

export type DocumentKind = 'mission' | 'review' | 'programme';
export type Access = 'read-write' | 'read-only' | 'forbidden';

export interface ParsedName {
  kind: DocumentKind;
  id: string;
}

export function parseDocumentName(name: string): ParsedName | null {
  const match = /^(mission|review|programme):(.+)$/.exec(name);
  if (match === null) return null;
  const [, kind, id] = match;
  if (id === undefined || !isUuid(id)) return null;
  return { kind: kind as DocumentKind, id: id.toLowerCase() };
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
