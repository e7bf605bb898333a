// The QR frame sequence of a transfer: any order, repeats and a fifth of the frames lost still give the bytes back;
// frames of another transfer, another app or garbage are refused by name, never merged.
import { describe, expect, it } from 'vitest';
import {
  MAX_QR_PAYLOAD_BYTES,
  QrError,
  QrReceiver,
  encodeQrFrames,
  newTransferId,
  transferIdOf,
} from '../../../src/domain/bundle/qrFrames.ts';

/** A deterministic generator (Park–Miller), so a failing order can be replayed from its seed. */
function seeded(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 48271) % 2147483647;
    return x / 2147483647;
  };
}

function payload(bytes: number, seed = 1): Uint8Array {
  const random = seeded(seed);
  return new Uint8Array(bytes).map(() => Math.floor(random() * 256));
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof QrError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('QR frames of a transfer', () => {
  it('round trip: every frame once, in order, gives the bytes back', () => {
    const data = payload(5000);
    const receiver = new QrReceiver();
    let done = false;
    for (const frame of encodeQrFrames(data)) done = receiver.receive(frame).done || done;
    expect(done).toBe(true);
    expect(receiver.payload()).toEqual(data);
  });

  it('every frame carries the transfer id; a new transfer has a new id', () => {
    const frames = encodeQrFrames(payload(1000), 'ABCDEFGH');
    expect(frames.every((frame) => transferIdOf(frame) === 'ABCDEFGH')).toBe(true);
    expect(newTransferId()).toMatch(/^[A-Z2-7]{8}$/);
    expect(newTransferId()).not.toBe(newTransferId());
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'seed %i: 20 %% of the frames dropped, the rest in any order, repeated, still decodes',
    (seed) => {
      const data = payload(20 * 1024, seed);
      const random = seeded(seed);
      const receiver = new QrReceiver();
      const fractions: number[] = [];
      // The sender loops; the receiver sees a shuffled pass with a fifth missing, then another, until done.
      for (let pass = 0; pass < 10 && !receiver.payload(); pass++) {
        const kept = encodeQrFrames(data, 'SEEDPASS').filter(() => random() >= 0.2);
        for (const frame of shuffle(kept, random)) {
          const { fraction, done } = receiver.receive(frame);
          fractions.push(fraction);
          if (done) break;
        }
      }
      expect(receiver.payload()).toEqual(data);
      expect(fractions.at(-1)).toBe(1);
      expect(fractions.slice(0, -1).every((fraction) => fraction < 1)).toBe(true);
    },
  );

  it('frames of two transfers are refused as mixed senders', () => {
    const first = encodeQrFrames(payload(3000, 1));
    const second = encodeQrFrames(payload(3000, 2));
    const receiver = new QrReceiver();
    receiver.receive(first[0]!);
    expect(refusal(() => receiver.receive(second[1]!))).toBe('mixedSenders');
    expect(receiver.payload()).toBeNull();
  });

  it.each([
    ['a web address', 'https://example.org/', 'notMinga'],
    [
      'another app’s animated QR',
      'ur:bytes/1-9/lpadascfadaxcywenbpljkhdcahkadaemejtswhhylkepmykhhtsyt',
      'notMinga',
    ],
    ['an empty code', '', 'notMinga'],
    ['a bad transfer id', 'MQ1:abc:AAAA', 'notMinga'],
    ['a frame that is not base64', 'MQ1:ABCDEFGH:%%%%', 'badFrame'],
    ['a frame index beyond its count', 'MQ1:ABCDEFGH:AAABAAUAAA==', 'badFrame'],
    ['a frame claiming a huge transfer', 'MQ1:ABCDEFGH:AP//AAAAAA==', 'tooLarge'],
    ['a frame far too long', `MQ1:ABCDEFGH:${'A'.repeat(5000)}`, 'badFrame'],
  ])('%s is refused', (_, text, code) => {
    expect(refusal(() => new QrReceiver().receive(text))).toBe(code);
  });

  it('data that does not match its checksum is refused', () => {
    const frames = encodeQrFrames(payload(600), 'ABCDEFGH');
    // The first data frame holds qrloop's header (length and MD5): flip a byte of the data after it.
    const data = frames.filter((frame) => !frame.slice(13).startsWith('Z'));
    const bytes = Buffer.from(data[1]!.slice(13), 'base64');
    bytes[10] = bytes[10]! ^ 0xff;
    data[1] = `MQ1:ABCDEFGH:${bytes.toString('base64')}`;
    const receiver = new QrReceiver();
    expect(
      refusal(() => {
        for (const frame of data) receiver.receive(frame);
      }),
    ).toBe('badFrame');
  });

  it('a screen that never stops showing new frames is refused, not followed forever', () => {
    const receiver = new QrReceiver();
    const flood = () => {
      // Fountain frames (version 100) of one transfer, each different, none ever completing it.
      for (let i = 0; i < 100_000; i++) {
        const frame = Buffer.alloc(9);
        frame.writeUInt8(100, 0);
        frame.writeUInt16BE(2, 1);
        frame.writeUInt16BE(0, 3);
        frame.writeUInt16BE(1 + (i % 60_000), 5);
        frame.writeUInt16BE(i >> 4, 7);
        receiver.receive(`MQ1:FLOODAAA:${frame.toString('base64')}`);
      }
    };
    expect(refusal(flood)).toBe('tooLarge');
  });

  it('more than a QR transfer carries is refused before any frame is made', () => {
    expect(refusal(() => encodeQrFrames(new Uint8Array(MAX_QR_PAYLOAD_BYTES + 1)))).toBe('tooLarge');
  });
});
