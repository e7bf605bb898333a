// What the WebSocket fuzz sends: Hocuspocus frames built from a fast-check description (so a seed replays the same
// bytes), valid ones and mutated ones (truncated, bits flipped, varints that overflow, lengths past the end,
// other documents' names), and Yjs updates sent in order, out of order, without their dependencies or as
// deletions of items the server never received.
import fc from 'fast-check';
import * as Y from 'yjs';
import { createMission, createRecord, missionRoot, recordsRoot } from '../../src/storage/missionDoc.ts';
import { varBytes, varString, varUint } from './rawSync.ts';

/** Who authenticates: a role of FuzzTokens, or a token that is no token at all. */
export const WHO = ['coordinator', 'technician', 'stranger', 'observer', 'revoked', 'empty', 'bad'] as const;
export type Who = (typeof WHO)[number];

/** Which document a frame names, resolved against the server's missions (see documentName). */
export type DocChoice =
  | { kind: 'mission' | 'review'; mission: number }
  | { kind: 'fresh-mission'; n: number }
  | { kind: 'programme'; n: number }
  | { kind: 'feed' }
  | { kind: 'upper-case'; mission: number }
  | { kind: 'garbage'; name: string }
  | { kind: 'long'; bytes: number }
  | { kind: 'invalid-utf8' };

const uuidOf = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export function documentName(choice: DocChoice, missions: readonly string[]): Uint8Array {
  const text = (s: string) => new TextEncoder().encode(s);
  switch (choice.kind) {
    case 'mission':
    case 'review':
      return text(`${choice.kind}:${missions[choice.mission % missions.length]}`);
    case 'fresh-mission':
      return text(`mission:${uuidOf(choice.n)}`);
    case 'programme':
      return text(`programme:${uuidOf(choice.n)}`);
    case 'feed':
      return text('feed');
    case 'upper-case':
      return text(`mission:${missions[choice.mission % missions.length]}`.toUpperCase());
    case 'garbage':
      return text(choice.name);
    case 'long':
      return text('mission:'.padEnd(choice.bytes, 'a'));
    case 'invalid-utf8':
      return new Uint8Array([0x6d, 0xff, 0xfe, 0xc3, 0x28]);
  }
}

/** Mostly live tokens: a dead one closes the whole socket. */
const whoArbitrary: fc.Arbitrary<Who> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<Who>('coordinator', 'technician', 'stranger', 'observer') },
  { weight: 1, arbitrary: fc.constantFrom<Who>('revoked', 'empty', 'bad') },
);

export const docChoice: fc.Arbitrary<DocChoice> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('mission' as const), mission: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('review' as const), mission: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('fresh-mission' as const), n: fc.nat(1_000_000) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('programme' as const), n: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'feed' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('upper-case' as const), mission: fc.nat(2) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('garbage' as const), name: fc.string({ maxLength: 40 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('long' as const),
      bytes: fc.oneof(fc.nat(200), fc.constant(70_000)),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'invalid-utf8' as const }) },
);

/** Edits made on a device's own Y.Doc; each becomes one update. */
type Edit =
  | { op: 'text'; pos: number; text: string }
  | { op: 'delete'; pos: number; length: number }
  | { op: 'mission'; title: string }
  | { op: 'note'; id: string; text: string }
  | { op: 'raw'; key: string; value: unknown };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    op: fc.constant('text' as const),
    pos: fc.nat(50),
    text: fc.string({ minLength: 1, maxLength: 20 }),
  }),
  fc.record({ op: fc.constant('delete' as const), pos: fc.nat(50), length: fc.integer({ min: 1, max: 10 }) }),
  fc.record({ op: fc.constant('mission' as const), title: fc.string({ maxLength: 30 }) }),
  fc.record({
    op: fc.constant('note' as const),
    id: fc.constantFrom('n1', 'n2', '__proto__', ''),
    text: fc.string({ maxLength: 40 }),
  }),
  fc.record({
    op: fc.constant('raw' as const),
    key: fc.constantFrom('title', 'schema', 'createdAt', 'deletedAt', 'x'),
    value: fc.oneof(fc.string({ maxLength: 20 }), fc.double(), fc.boolean(), fc.constant(null), fc.object()),
  }),
);

/** How a device's updates reach the server: as made, or missing what they depend on. */
type Order = 'in-order' | 'reversed' | 'without-first' | 'deletions-only' | 'merged' | 'last-only';

export interface UpdatesSpec {
  clientId: number;
  edits: Edit[];
  order: Order;
}

export const updatesSpec: fc.Arbitrary<UpdatesSpec> = fc.record({
  clientId: fc.integer({ min: 1, max: 2 ** 31 }),
  edits: fc.array(edit, { minLength: 1, maxLength: 6 }),
  order: fc.constantFrom<Order>(
    'in-order',
    'reversed',
    'without-first',
    'deletions-only',
    'merged',
    'last-only',
  ),
});

const STAMP = { actor: { name: 'Fuzz', device: 'fuzz' }, now: '2016-04-17T09:00:00.000Z' };

/** The updates a device with these edits would send, in the order the spec says. */
export function buildUpdates(spec: UpdatesSpec): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = spec.clientId;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText('text');
  for (const e of spec.edits) {
    try {
      if (e.op === 'text') text.insert(Math.min(e.pos, text.length), e.text);
      else if (e.op === 'delete' && text.length > 0) {
        const pos = Math.min(e.pos, text.length - 1);
        text.delete(pos, Math.min(e.length, text.length - pos));
      } else if (e.op === 'mission') createMission(doc, { title: e.title }, STAMP);
      else if (e.op === 'note') createRecord(doc, 'note', e.id, { text: e.text } as never, STAMP);
      else if (e.op === 'raw') {
        const target = (e.key === 'x' ? recordsRoot(doc, 'note') : missionRoot(doc)) as Y.Map<unknown>;
        target.set(e.key, e.value);
      }
    } catch {
      // A value Yjs cannot hold is simply not sent: what matters is what reaches the server.
    }
  }
  doc.destroy();
  switch (spec.order) {
    case 'in-order':
      return updates;
    case 'reversed':
      return [...updates].reverse();
    case 'without-first':
      return updates.slice(1);
    case 'deletions-only': {
      // The delete sets alone, without the structs they delete: deletions of items the server never received.
      const deletions = updates
        .map((u) => Y.diffUpdate(u, Y.encodeStateVectorFromUpdate(u)))
        .filter((u) => Y.decodeUpdate(u).ds.clients.size > 0);
      return deletions.length > 0 ? deletions : updates;
    }
    case 'merged':
      return updates.length > 0 ? [Y.mergeUpdates(updates)] : [];
    case 'last-only':
      return updates.slice(-1);
  }
}

/** A change to a frame's bytes. */
export type Mutation =
  | { m: 'none' }
  | { m: 'truncate'; at: number }
  | { m: 'flip'; at: number; bit: number }
  | { m: 'overflow'; at: number }
  | { m: 'huge-length'; at: number; length: number }
  | { m: 'append'; bytes: number[] }
  | { m: 'splice'; at: number; bytes: number[] };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Mostly intact frames: a broken one ends its socket, and the frames after it would never be read.
  { weight: 14, arbitrary: fc.constant({ m: 'none' as const }) },
  { weight: 1, arbitrary: fc.record({ m: fc.constant('truncate' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ m: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat(7) }) },
  { weight: 1, arbitrary: fc.record({ m: fc.constant('overflow' as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      m: fc.constant('huge-length' as const),
      at: fc.nat(),
      length: fc.constantFrom(2 ** 31, 2 ** 32 - 1, 2 ** 53, 0x7fffffff, 1 << 20),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      m: fc.constant('append' as const),
      bytes: fc.array(fc.nat(255), { maxLength: 16 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      m: fc.constant('splice' as const),
      at: fc.nat(),
      bytes: fc.array(fc.nat(255), { minLength: 1, maxLength: 8 }),
    }),
  },
);

export function mutate(frame: Uint8Array, mutation: Mutation): Uint8Array {
  if (frame.length === 0) return frame;
  const at = 'at' in mutation ? mutation.at % frame.length : 0;
  const before = [...frame.subarray(0, at)];
  const after = [...frame.subarray(at)];
  switch (mutation.m) {
    case 'none':
      return frame;
    case 'truncate':
      return frame.subarray(0, at);
    case 'flip': {
      const copy = new Uint8Array(frame);
      copy[at] = (copy[at] ?? 0) ^ (1 << mutation.bit);
      return copy;
    }
    case 'overflow':
      // Ten continuation bytes: a varint longer than any 64-bit number.
      return new Uint8Array([...before, ...new Array<number>(10).fill(0xff), 0x01, ...after]);
    case 'huge-length':
      return new Uint8Array([...before, ...varUint(mutation.length), ...after.slice(1)]);
    case 'append':
      return new Uint8Array([...frame, ...mutation.bytes]);
    case 'splice':
      return new Uint8Array([...before, ...mutation.bytes, ...after]);
  }
}

/** One frame to send after (or instead of) authenticating. */
export type FrameSpec =
  | { t: 'auth'; doc: DocChoice; who: Who }
  | { t: 'step1'; doc: DocChoice; sv: number[] }
  | { t: 'updates'; doc: DocChoice; spec: UpdatesSpec; step: 1 | 2; replyType: 0 | 4 }
  | { t: 'awareness'; doc: DocChoice; bytes: number[] }
  | { t: 'stateless'; doc: DocChoice; broadcast: boolean; payload: string }
  | { t: 'other-type'; doc: DocChoice; type: number; bytes: number[] }
  | { t: 'raw'; bytes: number[] };

export const frameSpec: fc.Arbitrary<FrameSpec> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('auth' as const), doc: docChoice, who: whoArbitrary }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('step1' as const),
      doc: docChoice,
      sv: fc.array(fc.nat(255), { maxLength: 12 }),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      t: fc.constant('updates' as const),
      doc: docChoice,
      spec: updatesSpec,
      step: fc.constantFrom<1 | 2>(1, 2, 2),
      replyType: fc.constantFrom<0 | 4>(0, 0, 0, 4),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('awareness' as const),
      doc: docChoice,
      bytes: fc.array(fc.nat(255), { maxLength: 64 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('stateless' as const),
      doc: docChoice,
      broadcast: fc.boolean(),
      payload: fc.string({ maxLength: 200 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('other-type' as const),
      doc: docChoice,
      type: fc.oneof(fc.constantFrom(3, 7, 8, 9, 10, 11, 127), fc.nat(100_000)),
      bytes: fc.array(fc.nat(255), { maxLength: 32 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('raw' as const), bytes: fc.array(fc.nat(255), { maxLength: 64 }) }),
  },
);

export interface SyncRun {
  /** The socket's first authentication, usually a member's, so the frames after it reach a document. */
  first: { doc: DocChoice; who: Who };
  /** `sameDoc`: the frame goes to the document the socket authenticated for, not to the one it names. */
  frames: { frame: FrameSpec; mutation: Mutation; sameDoc: boolean }[];
}

export const syncRun: fc.Arbitrary<SyncRun> = fc.record({
  first: fc.record({
    doc: fc.oneof(
      { weight: 4, arbitrary: fc.constant<DocChoice>({ kind: 'mission', mission: 0 }) },
      {
        weight: 3,
        arbitrary: docChoice,
      },
    ),
    who: fc.oneof(
      { weight: 3, arbitrary: fc.constant<Who>('technician') },
      {
        weight: 4,
        arbitrary: whoArbitrary,
      },
    ),
  }),
  frames: fc.array(
    fc.record({ frame: frameSpec, mutation, sameDoc: fc.constantFrom(true, true, true, false) }),
    {
      minLength: 1,
      maxLength: 8,
    },
  ),
});

/** The bytes of one frame spec (several for a spec naming several updates). */
export function framesOf(
  spec: FrameSpec,
  missions: readonly string[],
  tokenOf: (who: Who) => string,
): Uint8Array[] {
  if (spec.t === 'raw') return [new Uint8Array(spec.bytes)];
  const name = [...varBytes(documentName(spec.doc, missions))];
  switch (spec.t) {
    case 'auth':
      return [new Uint8Array([...name, 2, 0, ...varString(tokenOf(spec.who))])];
    case 'step1':
      return [new Uint8Array([...name, 0, 0, ...varBytes(new Uint8Array(spec.sv))])];
    case 'updates':
      return buildUpdates(spec.spec).map(
        (update) => new Uint8Array([...name, spec.replyType, spec.step, ...varBytes(update)]),
      );
    case 'awareness':
      return [new Uint8Array([...name, 1, ...varBytes(new Uint8Array(spec.bytes))])];
    case 'stateless':
      return [new Uint8Array([...name, spec.broadcast ? 6 : 5, ...varString(spec.payload)])];
    case 'other-type':
      return [new Uint8Array([...name, ...varUint(spec.type), ...spec.bytes])];
  }
}

/** The message type of a frame the server sent and the byte after it (after its document name), or -1s. */
export function messageType(frame: Uint8Array): [number, number] {
  let pos = 0;
  let length = 0;
  let shift = 1;
  while (pos < frame.length) {
    const byte = frame[pos++] ?? 0;
    length += (byte & 0x7f) * shift;
    shift *= 128;
    if (byte < 0x80) break;
  }
  return [frame[pos + length] ?? -1, frame[pos + length + 1] ?? -1];
}
