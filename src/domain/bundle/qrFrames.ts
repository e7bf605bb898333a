// Camera-to-camera transfer: a bundle (documents only, no photos) cut into an endless loop of QR frame texts with
// qrloop's fountain frames, so a receiver that misses frames catches them on the next pass. Every frame carries
// the transfer's id: a frame of another app, or of a second phone seen by the same camera, is recognised and the
// transfer refused, never merged. The result is a bundle's bytes, read and imported exactly as a file.
import { Buffer } from 'buffer';
import {
  areFramesComplete,
  dataToFrames,
  framesToData,
  parseFramesReducer,
  progressOfFrames,
  type State,
} from 'qrloop';

/** `MQ1:<id>:<qrloop frame>`: the app, the frame format's version, the transfer's id. */
const PREFIX = 'MQ1:';
const ID_PATTERN = /^[A-Z2-7]{8}$/;
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * Bytes of bundle per frame. A frame then holds ~420 characters: a version-13 QR code at level M, which a phone
 * camera reads at arm's length and the fallback decoder reads from a 640×480 picture.
 */
export const QR_CHUNK_BYTES = 300;
/** Passes over the data in one loop of frames; the sender repeats the loop until the receiver is done. */
export const QR_LOOPS = 3;
/** Beyond this a transfer takes minutes: a file is the better way, and the app says so. */
export const MAX_QR_PAYLOAD_BYTES = 48 * 1024;
/** qrloop's own header: 4 bytes of length and 16 of MD5 before the data. */
const WRAP_BYTES = 20;
const MAX_FRAMES = Math.ceil((MAX_QR_PAYLOAD_BYTES + WRAP_BYTES) / QR_CHUNK_BYTES);
/**
 * A loop holds ~3.5 frames per chunk and then repeats: a transfer showing many more distinct frames than that is
 * not one this app made, and each kept frame costs memory and time.
 */
const MAX_DISTINCT_FRAMES = 4 * MAX_FRAMES;
/** A frame longer than any this app makes is not one of its frames. */
const MAX_FRAME_CHARS = 64 + Math.ceil(((QR_CHUNK_BYTES + 3 + 2 * MAX_FRAMES) * 4) / 3);

export type QrRefusal =
  /** A QR code that is not a frame of this app's transfers. */
  | 'notMinga'
  /** Frames of two transfers (two phones, or one phone that started again) seen in one scan. */
  | 'mixedSenders'
  /** A frame of this app that does not parse, or data that does not match its checksum. */
  | 'badFrame'
  /** More data than a QR transfer ever carries. */
  | 'tooLarge';

export const QR_REFUSALS: readonly QrRefusal[] = ['notMinga', 'mixedSenders', 'badFrame', 'tooLarge'];

export class QrError extends Error {
  readonly code: QrRefusal;

  constructor(code: QrRefusal, detail = '', options?: { cause?: unknown }) {
    super(detail ? `${code}: ${detail}` : code, options);
    this.name = 'QrError';
    this.code = code;
  }
}

export function isQrError(error: unknown): error is QrError {
  return error instanceof QrError;
}

/** A fresh transfer id: 8 base32 characters (40 bits), so two phones never share one by chance. */
export function newTransferId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return [...bytes].map((byte) => ID_ALPHABET[byte & 31]).join('');
}

/** One loop of frame texts; showing it over and over is the transfer. */
export function encodeQrFrames(payload: Uint8Array, transferId: string = newTransferId()): string[] {
  if (!ID_PATTERN.test(transferId)) throw new QrError('badFrame', 'transfer id');
  if (payload.length > MAX_QR_PAYLOAD_BYTES) throw new QrError('tooLarge', `${payload.length} bytes`);
  const frames = dataToFrames(Buffer.from(payload), QR_CHUNK_BYTES, QR_LOOPS);
  return frames.map((frame) => `${PREFIX}${transferId}:${frame}`);
}

/** The transfer id of a frame of this app, or null for any other QR code. */
export function transferIdOf(text: string): string | null {
  if (!text.startsWith(PREFIX)) return null;
  const id = text.slice(PREFIX.length, PREFIX.length + 8);
  return ID_PATTERN.test(id) && text[PREFIX.length + 8] === ':' ? id : null;
}

export interface QrProgress {
  /** 0 to 1: the share of the data decoded so far. */
  fraction: number;
  done: boolean;
}

/**
 * Collects frames as the camera reads them, in any order, repeats and gaps included. A refusal (QrError) is
 * final for this receiver: the caller starts a new one.
 */
export class QrReceiver {
  private state: State = null;
  private id: string | null = null;
  private result: Uint8Array | null = null;
  private readonly seen = new Set<string>();

  get transferId(): string | null {
    return this.id;
  }

  receive(text: string): QrProgress {
    if (this.result) return { fraction: 1, done: true };
    const id = transferIdOf(text);
    if (id === null) throw new QrError('notMinga');
    if (this.id !== null && id !== this.id) throw new QrError('mixedSenders', `${this.id} then ${id}`);
    if (text.length > MAX_FRAME_CHARS) throw new QrError('badFrame', `${text.length} characters`);
    this.id = id;
    // The same frame read twice in a row (a camera runs faster than the screen changes) costs nothing.
    if (this.seen.has(text)) return this.progress();
    if (this.seen.size >= MAX_DISTINCT_FRAMES) throw new QrError('tooLarge', 'distinct frames');
    this.seen.add(text);
    this.state = this.parse(text.slice(PREFIX.length + 9));
    if (areFramesComplete(this.state)) this.result = this.finish();
    return this.progress();
  }

  private parse(frame: string): State {
    if (!/^[A-Za-z0-9+/]+=*$/.test(frame)) throw new QrError('badFrame', 'not base64');
    const head = Buffer.from(frame.slice(0, 8), 'base64');
    // A data frame says how many frames the transfer has; fountain frames (version 100) name frame indexes.
    if (head.length >= 3 && head[0]! < 100 && head.readUInt16BE(1) > MAX_FRAMES)
      throw new QrError('tooLarge', 'frames');
    try {
      return parseFramesReducer(this.state, frame);
    } catch (error) {
      throw new QrError('badFrame', 'frame', { cause: error });
    }
  }

  private finish(): Uint8Array {
    let data: Buffer;
    try {
      data = framesToData(this.state);
    } catch (error) {
      throw new QrError('badFrame', 'checksum', { cause: error });
    }
    if (data.length > MAX_QR_PAYLOAD_BYTES) throw new QrError('tooLarge', `${data.length} bytes`);
    this.state = null;
    return new Uint8Array(data);
  }

  progress(): QrProgress {
    if (this.result) return { fraction: 1, done: true };
    return { fraction: this.state ? Math.min(0.99, progressOfFrames(this.state)) : 0, done: false };
  }

  /** The bundle's bytes once every frame has been recovered; null before. */
  payload(): Uint8Array | null {
    return this.result;
  }
}
