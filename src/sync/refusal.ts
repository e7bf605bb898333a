// How a refusal from the sync server reads, whichever way Hocuspocus delivered it.
import type { RefusalReason } from './status.ts';

/** Hocuspocus's own close codes (@hocuspocus/common `Unauthorized`, `Forbidden`). */
export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_FORBIDDEN = 4403;
/** The Minga server's close code for an update that would take a document past its size limit. */
export const CLOSE_TOO_LARGE = 4413;

/**
 * A failed authentication for one document arrives as a permission-denied message whose reason is the thrown
 * error's `reason`: "Forbidden" and "Unauthorized" (or the library's "permission-denied") refuse this token
 * for good; anything else, such as "Too many connections", is a passing state the next retry may clear, so
 * the app must not tell the user their access was refused.
 */
export function refusalOfDenial(reason: string): RefusalReason | null {
  if (/^forbidden$/i.test(reason)) return 'forbidden';
  if (/^(unauthori[sz]ed|permission-denied)$/i.test(reason)) return 'unauthorized';
  // Concerns this new mission only, until the token's day has room again; it is tried at the next connection.
  if (/^mission quota reached$/i.test(reason)) return 'quota';
  return null;
}

/**
 * A close of the whole socket carries the code; a close of one document (a revoked token on an open
 * connection) arrives as code 1000 with the reason text only.
 */
export function refusalOfClose(event: { code?: number; reason?: string } | undefined): RefusalReason | null {
  if (!event) return null;
  if (event.code === CLOSE_UNAUTHORIZED) return 'unauthorized';
  if (event.code === CLOSE_FORBIDDEN) return 'forbidden';
  if (event.code === CLOSE_TOO_LARGE) return 'tooLarge';
  const reason = event.reason ?? '';
  if (/^forbidden$/i.test(reason)) return 'forbidden';
  // Re-sending would be refused again: the document waits, marked, until the next connection.
  if (/^document too large$/i.test(reason)) return 'tooLarge';
  if (/^(unauthori[sz]ed|permission-denied)$/i.test(reason)) return 'unauthorized';
  return null;
}
