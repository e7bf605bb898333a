// One error type for the whole app, with a reason from a closed list that the UI translates.
export type MingaErrorReason =
  | 'quotaExceeded'
  | 'storageFailed'
  | 'newerSchema'
  | 'notFound'
  | 'invalid'
  | 'photoUnreadable'
  | 'photoNotStored'
  /** Something only its author may change, such as their own reply. */
  | 'notYours';

export class MingaError extends Error {
  readonly reason: MingaErrorReason;

  constructor(reason: MingaErrorReason, options?: { cause?: unknown }) {
    super(reason, options);
    this.name = 'MingaError';
    this.reason = reason;
  }
}

/** Storage full, as browsers report it: directly, or wrapped by Dexie in an AbortError's inner error. */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError') return true;
    if (e instanceof MingaError && e.reason === 'quotaExceeded') return true;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

export function toMingaError(error: unknown): MingaError {
  if (error instanceof MingaError) return error;
  return new MingaError(isQuotaError(error) ? 'quotaExceeded' : 'storageFailed', { cause: error });
}
