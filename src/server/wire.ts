// The Hocuspocus wire format as far as the server must read it itself, and the close codes it sends.

/** Close codes and reasons the clients see (Hocuspocus's own conventions for 4401 and 4403). */
export const Unauthorized = { code: 4401, reason: 'Unauthorized' } as const;
export const Forbidden = { code: 4403, reason: 'Forbidden' } as const;
export const TooManyConnections = { code: 4429, reason: 'Too many connections' } as const;
export const TooManyWrites = { code: 4429, reason: 'Too many writes' } as const;
/** A token that wrote too fast or sent what no device of the app sends, back too soon; it may retry later. */
export const OffenceWait = { code: 4429, reason: 'Wait before reconnecting' } as const;
/** A socket that did not authenticate in time; clients reconnect as after any passing close. */
export const AuthenticationTimeout = { code: 4408, reason: 'Authentication timeout' } as const;
/** The token created as many missions as its daily quota allows; the device keeps the mission and retries. */
export const MissionQuotaReached = { code: 4429, reason: 'Mission quota reached' } as const;
export const DocumentTooLarge = { code: 4413, reason: 'Document too large' } as const;
export const InvalidUpdate = { code: 1007, reason: 'Invalid update' } as const;
/**
 * The store or Redis cannot serve for now (WebSocket "Try Again Later"): nothing was acknowledged, the client
 * keeps its changes and reconnects with its backoff. Never 4401/4403, which clients take as refused access.
 */
export const Unavailable = { code: 1013, reason: 'Try again later' } as const;

const SYNC = 0;
const SYNC_REPLY = 4;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

/** Reads a lib0 varUint at `pos` (7 bits per byte, little-endian); throws past the end. */
function readVarUint(bytes: Uint8Array, cursor: { pos: number }): number {
  let value = 0;
  let multiplier = 1;
  while (cursor.pos < bytes.length) {
    const byte = bytes[cursor.pos++] ?? 0;
    value += (byte & 0x7f) * multiplier;
    if (byte < 0x80) return value;
    multiplier *= 128;
    if (value > Number.MAX_SAFE_INTEGER) throw new Error('varUint out of range');
  }
  throw new Error('unexpected end of message');
}

/** The byte length of the document name a message starts with. Throws if the framing is broken. */
export function documentNameLength(message: Uint8Array): number {
  return readVarUint(message, { pos: 0 });
}

const AWARENESS = 1;
const QUERY_AWARENESS = 3;
const SYNC_STATUS = 8;

/** Hocuspocus's acknowledgement of an update ("saved" or not), which the server holds until it is durable. */
export function isSyncStatus(message: Uint8Array): boolean {
  try {
    const cursor = { pos: 0 };
    const nameLength = readVarUint(message, cursor);
    cursor.pos += nameLength;
    return readVarUint(message, cursor) === SYNC_STATUS;
  } catch {
    return false;
  }
}

/** An awareness message (presence), which the app does not use and the server does not relay. */
export function isAwareness(message: Uint8Array): boolean {
  const cursor = { pos: 0 };
  const nameLength = readVarUint(message, cursor);
  cursor.pos += nameLength;
  const type = readVarUint(message, cursor);
  return type === AWARENESS || type === QUERY_AWARENESS;
}

/** The Yjs update carried by a sync message, or null for other messages. Throws if the framing is broken. */
export function updateOf(message: Uint8Array): Uint8Array | null {
  const cursor = { pos: 0 };
  const nameLength = readVarUint(message, cursor);
  cursor.pos += nameLength; // skips the document name
  const type = readVarUint(message, cursor);
  if (type !== SYNC && type !== SYNC_REPLY) return null;
  const step = readVarUint(message, cursor);
  if (step !== SYNC_STEP2 && step !== SYNC_UPDATE) return null;
  const length = readVarUint(message, cursor);
  // A truncated message must not pass for a shorter update.
  if (cursor.pos + length !== message.length) throw new Error('truncated or padded update');
  return message.subarray(cursor.pos, cursor.pos + length);
}
