// QR transfer figures: how long a 20 KB delta takes camera to camera at 10 frames a second with a fifth of the
// frames lost (each frame shown is lost with probability 0.2, seeded), counted as frames shown until the receiver
// has it all × 100 ms, averaged over seeds; and how large a frame is (characters, QR version). Target ≤ 30 s.
import { encode } from 'uqr';
import { QrReceiver, QR_CHUNK_BYTES, encodeQrFrames } from '../src/domain/bundle/qrFrames.ts';

export interface QrFigures {
  payloadBytes: number;
  chunkBytes: number;
  framesPerLoop: number;
  frameChars: { max: number; mean: number };
  /** The largest QR code a frame needs (level M). */
  qrVersion: number;
  lossRate: number;
  seeds: number;
  framesNeeded: { mean: number; max: number };
  seconds: { mean: number; max: number };
}

const FRAME_MS = 100;

function seeded(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 48271) % 2147483647) / 2147483647;
}

export function measureQr(payloadBytes = 20 * 1024, lossRate = 0.2, seeds = 50): QrFigures {
  // A bundle is deflated already: random bytes stand for it without flattering the figures.
  const random = seeded(7);
  const payload = new Uint8Array(payloadBytes).map(() => Math.floor(random() * 256));
  const frames = encodeQrFrames(payload);
  const needed: number[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const lose = seeded(seed * 7919);
    const receiver = new QrReceiver();
    let shown = 0;
    while (!receiver.payload()) {
      const frame = frames[shown % frames.length]!;
      shown++;
      if (lose() >= lossRate) receiver.receive(frame);
    }
    needed.push(shown);
  }
  const chars = frames.map((frame) => frame.length);
  const mean = needed.reduce((sum, n) => sum + n, 0) / needed.length;
  return {
    payloadBytes,
    chunkBytes: QR_CHUNK_BYTES,
    framesPerLoop: frames.length,
    frameChars: {
      max: Math.max(...chars),
      mean: Math.round(chars.reduce((s, n) => s + n, 0) / chars.length),
    },
    qrVersion: Math.max(...frames.map((frame) => encode(frame, { ecc: 'M' }).version)),
    lossRate,
    seeds,
    framesNeeded: { mean, max: Math.max(...needed) },
    seconds: { mean: (mean * FRAME_MS) / 1000, max: (Math.max(...needed) * FRAME_MS) / 1000 },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.info(JSON.stringify(measureQr(), null, 2));
