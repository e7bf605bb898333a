// The harness of the merge fuzz: K devices and a sync server, each a Y.Doc of one mission, joined by an in-process
// transport that delays, reorders, duplicates and drops messages, with devices going offline and back. Devices
// write only through the app's storage code (src/storage/missionDoc.ts), each with its own clock. Every save is
// checked against the save rules as it happens (M1, M11, M12), then told to the model (model.ts), which predicts
// what every record shows once all devices have everything.
import * as v from 'valibot';
import * as Y from 'yjs';
import { SECTORS, SENDAI_PRIORITIES, THEMES } from '../../../src/domain/codes.ts';
import type { MissionId } from '../../../src/domain/ids.ts';
import {
  defaultOf,
  type Field,
  type RecordFields,
  type RegisterField,
  type SetField,
} from '../../../src/domain/schema/fields.ts';
import { RECORD_FIELDS } from '../../../src/domain/schema/records.ts';
import type { MissionRecordKind as SchemaKind } from '../../../src/storage/missionDoc.ts';
import {
  createMission,
  createRecord,
  missionRoot,
  readMission,
  readRecord,
  recordsRoot,
  setDeleted,
  setMissionDeleted,
  settleField,
  updateMission,
  updateRecord,
  type Stamp,
  type YRecord,
} from '../../../src/storage/missionDoc.ts';
import {
  ANY,
  DELETED,
  NEVER,
  RecordModel,
  UPDATED,
  planChanges,
  planSave,
  type Plan,
  type Prediction,
} from './model.ts';

// ---------------------------------------------------------------------------------------------------------------
// Transport

const TRANSPORT = Symbol('transport');
const FILE = Symbol('file');
export const SERVER = -1;

interface Message {
  seq: number;
  from: number;
  to: number;
  update: Uint8Array;
}

const end = (i: number) => (i === SERVER ? 'server' : `d${i}`);
const showMessage = (m: Message) => `#${m.seq} ${end(m.from)}→${end(m.to)}`;

function docWith(clientID: number): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  doc.clientID = clientID;
  return doc;
}

/**
 * Devices talk only to the server, which relays what one sends to all the others. Messages wait in one pool and
 * are delivered in any order, twice, or dropped and sent again later; an offline device neither sends nor receives
 * (its messages wait). Coming back online may run the sync handshake (each side sends what the other lacks).
 */
export class Network {
  readonly server: Y.Doc;
  readonly docs: Y.Doc[];
  readonly online: boolean[];
  queue: Message[] = [];
  dropped: Message[] = [];
  readonly stats = { sent: 0, delivered: 0, duplicated: 0, dropped: 0, resent: 0, 'arrived early': 0 };
  private readonly trace: string[];
  private flushing = false;

  constructor(serverId: number, clientIds: readonly number[], trace: string[]) {
    this.trace = trace;
    this.server = docWith(serverId);
    this.docs = clientIds.map(docWith);
    this.online = clientIds.map(() => true);
    this.docs.forEach((doc, index) => this.attach(doc, index));
  }

  /** What changes a device's document, but the server, goes to the server (a file read included). */
  private attach(doc: Y.Doc, index: number): void {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== TRANSPORT) this.send(index, SERVER, update);
    });
  }

  /**
   * The app on a device restarts: its document is loaded again from what the device stored, under a new Yjs
   * client id. Messages on their way keep going.
   */
  restart(device: number, clientID: number): Y.Doc {
    const old = this.docs[device]!;
    const doc = docWith(clientID);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(old), TRANSPORT);
    old.destroy();
    this.docs[device] = doc;
    this.attach(doc, device);
    return doc;
  }

  /** One device reads a file another wrote with its whole document (merging by file, not through the server). */
  file(from: number, to: number): void {
    Y.applyUpdate(this.docs[to]!, Y.encodeStateAsUpdate(this.docs[from]!), FILE);
  }

  private send(from: number, to: number, update: Uint8Array): void {
    this.queue.push({ seq: this.stats.sent++, from, to, update });
  }

  private ready(message: Message): boolean {
    return this.online[message.from === SERVER ? message.to : message.from] === true;
  }

  /** The index in the queue of the n-th message that can travel now (wrapping), or -1. */
  private pick(n: number): number {
    const ready = this.queue.flatMap((m, i) => (this.ready(m) ? [i] : []));
    return ready.length === 0 ? -1 : ready[n % ready.length]!;
  }

  private receive(message: Message, how = 'delivered'): void {
    this.stats.delivered++;
    if (!this.flushing) this.trace.push(`  ${showMessage(message)} ${how}`);
    if (message.to === SERVER) {
      Y.applyUpdate(this.server, message.update, TRANSPORT);
      this.docs.forEach((_doc, index) => {
        if (index !== message.from) this.send(SERVER, index, message.update);
      });
    } else {
      const doc = this.docs[message.to]!;
      Y.applyUpdate(doc, message.update, TRANSPORT);
      // Before something it depends on: Yjs holds it back until that arrives.
      if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) this.stats['arrived early']++;
    }
  }

  deliver(n: number, count: number): void {
    for (let i = 0; i < count; i++) {
      const at = this.pick(n + i);
      if (at < 0) return;
      this.receive(this.queue.splice(at, 1)[0]!);
    }
  }

  /** Delivers a message and keeps it in the pool: it will arrive again. */
  duplicate(n: number): void {
    const at = this.pick(n);
    if (at < 0) return;
    this.stats.duplicated++;
    this.receive(this.queue[at]!, 'delivered, and will be again');
  }

  /** Loses a message in flight; it stays with its sender, which sends it again later. */
  drop(n: number): void {
    const at = this.pick(n);
    if (at < 0) return;
    this.stats.dropped++;
    const [message] = this.queue.splice(at, 1);
    this.trace.push(`  ${showMessage(message!)} lost`);
    this.dropped.push(message!);
  }

  resend(n: number): void {
    if (this.dropped.length === 0) return;
    this.stats.resent++;
    const [message] = this.dropped.splice(n % this.dropped.length, 1);
    this.trace.push(`  ${showMessage(message!)} sent again`);
    this.queue.push(message!);
  }

  setOnline(device: number, online: boolean, handshake: boolean): void {
    const was = this.online[device];
    this.online[device] = online;
    if (!online || was || !handshake) return;
    const doc = this.docs[device]!;
    this.send(device, SERVER, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(this.server)));
    this.send(SERVER, device, Y.encodeStateAsUpdate(this.server, Y.encodeStateVector(doc)));
  }

  /** Everyone online, every lost message sent again, everything delivered. */
  flush(): void {
    this.trace.push('everything is delivered');
    this.online.fill(true);
    this.queue.push(...this.dropped.splice(0));
    this.flushing = true;
    while (this.queue.length > 0) this.receive(this.queue.shift()!);
    this.flushing = false;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// What a device holds

export interface RecordRef {
  kind: SchemaKind;
  id: string;
}

export const MISSION_ID = '6f1d2c3b-4a59-4e8f-9b7a-1c2d3e4f5a6b' as MissionId;
export const refName = (ref: RecordRef): string => `${ref.kind}:${ref.id}`;

export function mapOf(doc: Y.Doc, ref: RecordRef): YRecord | null {
  if (ref.kind === 'mission') return missionRoot(doc).size > 0 ? missionRoot(doc) : null;
  const map: unknown = recordsRoot(doc, ref.kind).get(ref.id);
  return map instanceof Y.Map ? (map as YRecord) : null;
}

export type Read = Record<string, unknown> & {
  marks: { conflicts: Record<string, unknown>; invalid: Record<string, unknown> };
  deletedAt: string | null;
  deletedBy: string | null;
  updatedAt: string;
  updatedBy: string;
};

export function readOf(doc: Y.Doc, ref: RecordRef): Read | null {
  if (ref.kind === 'mission') return readMission(doc, ref.id as MissionId) as unknown as Read | null;
  const map = mapOf(doc, ref);
  return map ? (readRecord(ref.kind, map, ref.id) as unknown as Read) : null;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const json = (value: unknown): string => JSON.stringify(value) ?? 'undefined';
/** JSON with every object's keys sorted: maps list their keys in the order each replica received them. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    typeof inner === 'object' && inner !== null && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );

/** The values of a record's fields, as a form holds them. */
function valuesOf(fields: RecordFields, read: Read): Record<string, unknown> {
  return clone(Object.fromEntries(Object.keys(fields).map((name) => [name, read[name]])));
}

function defaultsOf(fields: RecordFields): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, defaultOf(field)]));
}

/** A form open on a record: the values it started from, and the user's. */
interface Form {
  ref: RecordRef;
  base: Record<string, unknown>;
  mine: Record<string, unknown>;
}

export class Device {
  readonly index: number;
  readonly name: string;
  readonly id: string;
  doc: Y.Doc;
  /** This device's clock, ms since the epoch: only commands move it, and it may be wrong. */
  clock: number;
  forms: Form[] = [];
  made = 0;

  constructor(index: number, doc: Y.Doc, clock: number) {
    this.index = index;
    this.name = ['Anna', 'Jordi', 'Mireia', 'Pau'][index] ?? `P${index}`;
    this.id = `device-${index}`;
    this.doc = doc;
    this.clock = clock;
  }

  stamp(): Stamp {
    return { actor: { name: this.name, device: this.id }, now: new Date(this.clock).toISOString() };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Long texts as tokens: each token is three code points used nowhere else (some outside the BMP, so UTF-16
// surrogate pairs are merged too). Diffs of such texts are unambiguous, so every hunk is whole tokens and the
// model can follow each token: typed ones stay exactly once, deleted ones go (M3).

export class Tokens {
  private count = 0;
  private readonly owner = new Map<number, { token: string; position: number }>();
  private readonly labels = new Map<string, string>();

  make(label: string): string {
    const points = [0, 1, 2].map((i) => {
      const n = this.count * 3 + i;
      return n % 4 === 3 ? 0x20000 + n : 0x4e00 + n;
    });
    this.count++;
    const token = String.fromCodePoint(...points);
    points.forEach((point, position) => this.owner.set(point, { token, position }));
    this.labels.set(token, label);
    return token;
  }

  /** The tokens of a text, in order; null when it holds anything but whole tokens. */
  parse(text: string): string[] | null {
    const out: string[] = [];
    let expect = 0;
    for (const char of text) {
      const owner = this.owner.get(char.codePointAt(0)!);
      if (!owner || owner.position !== expect) return null;
      if (expect > 0 && owner.token !== out.at(-1)) return null;
      if (expect === 0) out.push(owner.token);
      expect = (expect + 1) % 3;
    }
    return expect === 0 ? out : null;
  }

  /** A text as readable labels, for messages. */
  show(text: string): string {
    return [...text]
      .map((char) => {
        const owner = this.owner.get(char.codePointAt(0)!);
        if (!owner) return `\\u{${char.codePointAt(0)!.toString(16)}}`;
        return owner.position === 0 ? this.labels.get(owner.token)! : '';
      })
      .join('');
  }

  label(token: string): string {
    return this.labels.get(token) ?? token;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Values the random edits choose from: every candidate the field's schema accepts, so concurrent writes often
// agree and often differ.

const CANDIDATES: readonly unknown[] = [
  '',
  'Tarqui',
  'Jama',
  'Los Esteros',
  'EC1301',
  'EC1317',
  '2016-04-16',
  '2016-05-01',
  '2016-04-16T23:58:00.000Z',
  null,
  0,
  1,
  2,
  3,
  5,
  12,
  -1.05,
  0.07,
  -80.45,
  4.5,
  'kii',
  'fgd',
  'green',
  'red',
  'timber',
  'rc_frame',
  'planned',
  'in_progress',
  'done',
  'lead',
  'support',
  'technician',
  'municipality',
  'ame',
  'plan',
  'workshop',
  true,
  false,
  1250.5,
];

const registerPools = new Map<RegisterField, unknown[]>();
function poolOf(field: RegisterField): unknown[] {
  let pool = registerPools.get(field);
  if (!pool) {
    pool = CANDIDATES.filter((value) => v.is(field.schema, value));
    if (pool.length === 0) throw new Error('no candidate value fits a register');
    registerPools.set(field, pool);
  }
  return pool;
}

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

const sha = (n: number): string => n.toString(16).padStart(2, '0').repeat(32);
const photo = (n: number) => ({
  sha256: sha(n + 1),
  mime: 'image/jpeg',
  bytes: 1000 + n,
  width: 640,
  height: 480,
  takenAt: `2016-04-1${7 + (n % 3)}T10:00:00.000Z`,
  location:
    n % 2 === 0 ? null : { lat: -0.6, lon: -80.4, accuracy: 8, capturedAt: '2016-04-17T10:00:00.000Z' },
});

const PHOTO_KEYS = [1, 2, 3, 4].map(sha);

const SET_CANDIDATES: Record<string, readonly unknown[]> = {
  tags: ['roads', 'agua', 'Zona 2', 'a.b:c%', 'Água', 'puente'],
  themes: THEMES,
  sdgs: ['2', '11', '11.5', '11.b', '13'],
  sendai: SENDAI_PRIORITIES,
  photos: [0, 1, 2, 3].map(photo),
  links: [
    { kind: 'assessment', id: 'a1' },
    { kind: 'action', id: 'x1' },
    { kind: 'assessment', id: 'a-2' },
  ],
};
const RANKED_CANDIDATES = ['agua', 'techo', 'salud', 'vías', 'x.y:z%'];

const setPools = new Map<SetField, unknown[]>();
function setPoolOf(name: string, field: SetField): unknown[] {
  let pool = setPools.get(field);
  if (!pool) {
    // As the schema reads them back, so that the form's values compare equal to what is stored.
    pool = (SET_CANDIDATES[name] ?? []).map((item) => v.parse(field.item, item));
    if (pool.length === 0) throw new Error(`no candidates for set ${name}`);
    setPools.set(field, pool);
  }
  return pool;
}

// ---------------------------------------------------------------------------------------------------------------
// Commands, chosen by the property's generator; every index wraps around what exists.

export interface Change {
  field: number;
  op: number;
  a: number;
  b: number;
}

export type Command =
  | ({ t: 'edit'; d: number; rec: number; full: boolean; dt: number } & Change)
  | { t: 'open'; d: number; rec: number; dt: number }
  | ({ t: 'change'; d: number; form: number } & Change)
  | ({ t: 'save'; d: number; form: number; full: boolean; dt: number; touch: boolean } & Change)
  /** A form opens on device d; then device e edits the same record directly. */
  | ({ t: 'race'; d: number; e: number; rec: number; dt: number } & Change)
  | { t: 'create'; d: number; kind: number; a: number; dt: number }
  | { t: 'delete'; d: number; rec: number; on: boolean; dt: number }
  | { t: 'settle'; d: number; rec: number; a: number; b: number; dt: number }
  | { t: 'deliver'; n: number; count: number }
  | { t: 'duplicate'; n: number }
  | { t: 'drop'; n: number }
  | { t: 'resend'; n: number }
  | { t: 'offline'; d: number }
  | { t: 'online'; d: number; handshake: boolean }
  | { t: 'clock'; d: number; ms: number }
  /** The app restarts on device d (forms open stay as drafts). */
  | { t: 'restart'; d: number }
  /** Device d reads a file of device e's whole document. */
  | { t: 'file'; d: number; e: number };

export interface Scenario {
  /** Devices, 2 to 4. */
  k: number;
  /**
   * Yjs client ids (they decide the order of concurrent insertions): the server's, then each device's, then
   * those devices take when they restart.
   */
  clientIds: number[];
  /** Each device's clock error, ms. */
  skews: number[];
  /** The fields this run edits (indexes into each record's fields): a few, so that edits often meet. */
  fields: number[];
  /** Likewise the records it edits (indexes into the records a device holds). */
  records: number[];
  commands: Command[];
}

/** A rule the run broke: the message names it. */
export class RuleBroken extends Error {}

// ---------------------------------------------------------------------------------------------------------------
// Reading what a save did to a record's Y.Map. Keys (src/domain/records/layout.ts): r:<path>:<write> registers,
// m:<path>:<write>:<member> additions of members (s:<path>:<member> in the first schema-2 builds).

interface Entry {
  id: string;
  value: unknown;
}

const idOf = (id: Y.ID): string => `${id.client.toString(36)}.${id.clock.toString(36)}`;

function entriesOf(map: YRecord | null): Map<string, Entry> {
  const out = new Map<string, Entry>();
  if (!map) return out;
  for (const [key, item] of map._map) {
    if (!item.deleted) out.set(key, { id: idOf(item.id), value: map.get(key) });
  }
  return out;
}

const registerPath = (key: string): string => key.slice(2, key.lastIndexOf(':'));

/** The member an addition's key names, as "path/member"; null for other keys. */
function memberOf(key: string): string | null {
  if (!key.startsWith('m:') && !key.startsWith('s:')) return null;
  const end = key.indexOf(':', 2);
  const start = key.startsWith('m:') ? key.indexOf(':', end + 1) : end;
  return `${key.slice(2, end)}/${key.slice(start + 1)}`;
}

/** Whether a device has an entry: it holds the entry's client up to the entry's clock. */
function seenBy(doc: Y.Doc): (id: string) => boolean {
  const state = Y.decodeStateVector(Y.encodeStateVector(doc));
  return (id) => {
    const [client, clock] = id.split('.').map((part) => parseInt(part, 36)) as [number, number];
    return (state.get(client) ?? 0) > clock;
  };
}

/** What a planned write was based on; a write planned without one replaces everything its device holds. */
const startedFromOf = (planned: Plan['writes'][number] | undefined): unknown =>
  planned && 'startedFrom' in planned ? planned.startedFrom : NEVER;

const sortedJson = (list: unknown[]): string => json(list.map(json).sort());

// ---------------------------------------------------------------------------------------------------------------

const KINDS: readonly SchemaKind[] = ['assessment', 'note', 'action'];

/** The n-th field of a record: every kind of field the record has (register, text, set…) as likely as another. */
function fieldOf(fields: RecordFields, n: number): string {
  const groups = new Map<string, string[]>();
  for (const [name, field] of Object.entries(fields))
    groups.set(field.kind, [...(groups.get(field.kind) ?? []), name]);
  const group = pick([...groups.values()], n);
  return pick(group, Math.floor(n / groups.size));
}

/** One run: devices, transport, model, and the trace a failure prints. */
export class Simulation {
  readonly net: Network;
  readonly devices: Device[];
  readonly tokens = new Tokens();
  readonly records: RecordRef[] = [];
  readonly models = new Map<string, RecordModel>();
  readonly trace: string[] = [];
  /** Counts of what ran, for the report. */
  readonly counts: Record<string, number> = {};

  private readonly fields: number[];
  private readonly focus: number[];
  /** Client ids for devices that restart. */
  private readonly spare: number[];

  constructor(scenario: Omit<Scenario, 'commands'>) {
    this.fields = scenario.fields.length > 0 ? scenario.fields : [0];
    this.focus = scenario.records.length > 0 ? scenario.records : [0];
    this.spare = scenario.clientIds.slice(scenario.k + 1);
    const start = Date.parse('2016-04-17T09:00:00.000Z');
    this.net = new Network(scenario.clientIds[0]!, scenario.clientIds.slice(1, scenario.k + 1), this.trace);
    this.devices = this.net.docs.map((doc, i) => new Device(i, doc, start + (scenario.skews[i] ?? 0)));
  }

  private fail(message: string): never {
    throw new RuleBroken(`${message}\n--- trace ---\n${this.trace.join('\n')}`);
  }

  private token(device: Device): string {
    return this.tokens.make(`⟨d${device.index}-${device.made++}⟩`);
  }

  /** Per long text, "a|b" for every two tokens some device read with a before b: no merge may swap them (M3). */
  private readonly orders = new Map<string, Set<string>>();

  /** A long text a device reads: whole tokens, in an order that never contradicts an earlier read. */
  private readText(ref: RecordRef, name: string, text: string, where: string): string[] {
    const tokens = this.tokensOf(text, where);
    const key = `${refName(ref)}.${name}`;
    let pairs = this.orders.get(key);
    if (!pairs) this.orders.set(key, (pairs = new Set()));
    for (let i = 0; i < tokens.length; i++) {
      for (let j = i + 1; j < tokens.length; j++) {
        if (pairs.has(`${tokens[j]}|${tokens[i]}`)) {
          this.fail(
            `[M3] ${where}: ${key} reads ${this.tokens.show(text)}, with ${this.tokens.label(tokens[i]!)} ` +
              `before ${this.tokens.label(tokens[j]!)}, which an earlier read had the other way round`,
          );
        }
        pairs.add(`${tokens[i]}|${tokens[j]}`);
      }
    }
    return tokens;
  }

  private tokensOf(text: string, where: string): string[] {
    const tokens = this.tokens.parse(text);
    if (!tokens) this.fail(`[M3] ${where}: the text ${this.tokens.show(text)} holds a broken token`);
    return tokens;
  }

  /** Every device starts from the same mission: one assessment, one note, one action, all delivered. */
  setup(): void {
    const d = this.devices[0]!;
    const t = () => this.token(d);
    const mission = {
      title: 'Pedernales',
      hostCanton: 'EC1317',
      startDate: '2016-04-17',
      status: 2,
      objectives: t() + t(),
      torText: t(),
      themes: ['governance'],
      team: [{ id: 'tm-0', name: 'Anna', institution: 'Ajuntament', role: 'lead' }],
      sendai: ['sendai-1'],
    };
    const assessment = {
      title: 'Tarqui',
      date: '2016-04-17',
      parish: 'Tarqui',
      sectors: [
        { sector: 'health', severity: 3, affected: 120, inNeed: 80, notes: '' },
        { sector: 'wash', severity: 4, affected: null, inNeed: null, notes: 'Pozo' },
      ],
      priorities: ['agua', 'techo'],
      gaps: t() + t() + t(),
      recommendations: t(),
      breakdown: { women: 5, men: 3, children: null, elderly: null },
      gps: { lat: -0.6, lon: -80.4, accuracy: 8, capturedAt: '2016-04-17T10:00:00.000Z' },
      photos: [v.parse(RECORD_FIELDS.assessment.photos.item, photo(0))],
    };
    const note = {
      text: t() + t() + t(),
      tags: ['roads'],
      links: [{ kind: 'assessment', id: 'a1' }],
    };
    const action = { activity: 'Taller', status: 'planned', dueDate: '2016-05-01' };
    this.create(d, { kind: 'mission', id: MISSION_ID }, mission);
    this.create(d, { kind: 'assessment', id: 'a1' }, assessment);
    this.create(d, { kind: 'note', id: 'n1' }, note);
    this.create(d, { kind: 'action', id: 'x1' }, action);
    this.net.flush();
    this.trace.length = 0;
    this.trace.push('setup: d0 created the mission, a1, n1, x1; all delivered');
  }

  private count(name: string): void {
    this.counts[name] = (this.counts[name] ?? 0) + 1;
  }

  private create(device: Device, ref: RecordRef, fields: Record<string, unknown>): void {
    const schema = RECORD_FIELDS[ref.kind] as RecordFields;
    const plan = planSave(
      schema,
      fields,
      null,
      defaultsOf(schema),
      () => false,
      (s) => this.tokensOf(s, 'create'),
    );
    this.models.set(refName(ref), new RecordModel(ref.kind, ref.id, schema));
    this.records.push(ref);
    this.observe(device, ref, plan, defaultsOf(schema), true, () => {
      if (ref.kind === 'mission') createMission(device.doc, fields, device.stamp());
      else createRecord(device.doc, ref.kind, ref.id, fields as never, device.stamp());
    });
  }

  /** The records a device holds, in the order they were made. */
  private held(device: Device): RecordRef[] {
    return this.records.filter((ref) => mapOf(device.doc, ref) !== null);
  }

  private read(device: Device, ref: RecordRef): Read {
    const read = readOf(device.doc, ref);
    if (!read) this.fail(`${refName(ref)} vanished from d${device.index}`);
    return read;
  }

  apply(command: Command): void {
    const device = 'd' in command ? this.devices[command.d % this.devices.length]! : null;
    if (device && 'dt' in command && command.t !== 'save') device.clock += command.dt;
    switch (command.t) {
      case 'edit': {
        const ref = this.pickHeld(device!, command.rec);
        if (!ref) return;
        const form = this.open(device!, ref);
        this.change(device!, form, command);
        this.save(device!, form, command.full);
        return;
      }
      case 'open': {
        const ref = this.pickHeld(device!, command.rec);
        if (!ref) return;
        const form = this.open(device!, ref);
        device!.forms = [...device!.forms.filter((f) => refName(f.ref) !== refName(ref)), form];
        this.trace.push(`d${device!.index} opens a form on ${refName(ref)}`);
        return;
      }
      case 'change': {
        const open = this.openForm(command.d, command.form);
        if (open) this.change(open.device, open.form, command);
        return;
      }
      case 'save': {
        const open = this.openForm(command.d, command.form);
        if (!open) return;
        open.device.clock += command.dt;
        open.device.forms = open.device.forms.filter((f) => f !== open.form);
        if (command.touch) this.change(open.device, open.form, command);
        this.save(open.device, open.form, command.full);
        return;
      }
      case 'race': {
        const ref = this.pickHeld(device!, command.rec);
        const other = this.other(command.d, command.e);
        if (!ref || mapOf(other.doc, ref) === null) return;
        const form = this.open(device!, ref);
        device!.forms = [...device!.forms.filter((f) => refName(f.ref) !== refName(ref)), form];
        this.trace.push(`d${device!.index} opens a form on ${refName(ref)}`);
        other.clock += command.dt;
        const edit = this.open(other, ref);
        this.change(other, edit, command);
        this.save(other, edit, false);
        return;
      }
      case 'create':
        return this.createRandom(device!, command.kind, command.a);
      case 'delete':
        return this.remove(device!, command.rec, command.on);
      case 'settle':
        return this.settle(device!, command.rec, command.a, command.b);
      case 'deliver':
        this.net.deliver(command.n, command.count);
        return;
      case 'duplicate':
        this.net.duplicate(command.n);
        return;
      case 'drop':
        this.net.drop(command.n);
        return;
      case 'resend':
        this.net.resend(command.n);
        return;
      case 'offline':
        this.net.setOnline(device!.index, false, false);
        this.trace.push(`d${device!.index} goes offline`);
        return;
      case 'online':
        this.net.setOnline(device!.index, true, command.handshake);
        this.trace.push(`d${device!.index} comes online${command.handshake ? ' (handshake)' : ''}`);
        return;
      case 'clock':
        device!.clock += command.ms;
        return;
      case 'restart': {
        const clientID = this.spare.shift();
        if (clientID === undefined) return;
        device!.doc = this.net.restart(device!.index, clientID);
        this.trace.push(`d${device!.index} restarts as client ${clientID}`);
        this.count('restarts');
        return;
      }
      case 'file': {
        const other = this.other(command.d, command.e);
        this.net.file(other.index, device!.index);
        this.trace.push(`d${device!.index} reads a file from d${other.index}`);
        this.count('files read');
        return;
      }
    }
  }

  /** A device other than d. */
  private other(d: number, e: number): Device {
    return this.devices[(d + 1 + (e % (this.devices.length - 1))) % this.devices.length]!;
  }

  /** A form open on some device, the given device's first. */
  private openForm(d: number, n: number): { device: Device; form: Form } | null {
    const devices = this.devices.map((_x, i) => this.devices[(d + i) % this.devices.length]!);
    const forms = devices.flatMap((device) => device.forms.map((form) => ({ device, form })));
    return forms.length === 0 ? null : pick(forms, n);
  }

  private pickHeld(device: Device, n: number): RecordRef | null {
    const held = this.held(device);
    return held.length === 0 ? null : pick(held, pick(this.focus, n));
  }

  private open(device: Device, ref: RecordRef): Form {
    const read = this.read(device, ref);
    const fields = RECORD_FIELDS[ref.kind] as RecordFields;
    this.checkTexts(device, ref, read);
    return { ref, base: valuesOf(fields, read), mine: valuesOf(fields, read) };
  }

  private checkTexts(device: Device, ref: RecordRef, read: Read): void {
    for (const [name, field] of Object.entries(RECORD_FIELDS[ref.kind] as RecordFields)) {
      if (field.kind === 'text')
        this.readText(ref, name, String(read[name]), `d${device.index} opening a form`);
    }
  }

  /** The user changes one field in the form. */
  private change(device: Device, form: Form, change: Change): void {
    const fields = RECORD_FIELDS[form.ref.kind] as RecordFields;
    const name = fieldOf(fields, pick(this.fields, change.field));
    const field = fields[name]!;
    const before = json(form.mine[name]);
    form.mine[name] = this.changed(device, name, field, form.mine[name], change);
    const shown = field.kind === 'text' ? this.tokens.show(String(form.mine[name])) : json(form.mine[name]);
    this.trace.push(
      `d${device.index} changes ${refName(form.ref)}.${name}: ${before.slice(0, 80)} → ${shown}`,
    );
  }

  private changed(device: Device, name: string, field: Field, value: unknown, c: Change): unknown {
    switch (field.kind) {
      case 'register':
        return pick(poolOf(field), c.a);
      case 'text': {
        const list = this.tokensOf(String(value), 'form');
        if (c.op % 3 === 0 && list.length > 0) {
          const at = c.a % list.length;
          list.splice(at, 1 + (c.b % 2));
        } else {
          const fresh = Array.from({ length: 1 + (c.b % 2) }, () => this.token(device));
          list.splice(c.a % (list.length + 1), 0, ...fresh);
        }
        return list.join('');
      }
      case 'set': {
        const list = value as unknown[];
        const item = pick(setPoolOf(name, field), c.a);
        const key = field.keyOf(item);
        return list.some((x) => field.keyOf(x) === key)
          ? list.filter((x) => field.keyOf(x) !== key)
          : [...list, item];
      }
      case 'struct': {
        const inner = Object.entries(field.fields);
        const obj = value as Record<string, unknown> | null;
        if (field.nullable && (obj === null || c.op % 4 === 0)) {
          if (obj !== null) return null;
          return Object.fromEntries(inner.map(([n, f], i) => [n, pick(poolOf(f), c.a + i)]));
        }
        const [innerName, innerField] = pick(inner, c.b);
        return { ...obj, [innerName]: pick(poolOf(innerField), c.a) };
      }
      case 'collection': {
        const rows = value as Record<string, unknown>[];
        const inner = Object.entries(field.fields);
        const op = rows.length === 0 ? 0 : c.op % 3;
        if (op === 0) {
          const taken = new Set(rows.map((row) => row[field.keyField]));
          // Sectors and photo captions are keyed by what they describe: two devices can add the same key.
          const described =
            field.keyField === 'sector' ? SECTORS : field.keyField === 'photo' ? PHOTO_KEYS : null;
          const key = described
            ? described.map((_s, i) => pick(described, c.a + i)).find((s) => !taken.has(s))
            : `t${device.index}-${device.made++}`;
          if (key === undefined) return rows;
          const row = Object.fromEntries(inner.map(([n, f], i) => [n, pick(poolOf(f), c.b + i)]));
          return [...rows, { [field.keyField]: key, ...row }];
        }
        const at = c.a % rows.length;
        if (op === 1) return rows.filter((_row, i) => i !== at);
        const [innerName, innerField] = pick(inner, c.b);
        return rows.map((row, i) =>
          i === at ? { ...row, [innerName]: pick(poolOf(innerField), c.a + c.b) } : row,
        );
      }
      case 'ranked': {
        const list = [...(value as string[])];
        const op = list.length === 0 ? 0 : c.op % 3;
        const fresh = RANKED_CANDIDATES.filter((item) => !list.includes(item));
        if (op === 0 && list.length < field.max && fresh.length > 0) {
          list.splice(c.b % (list.length + 1), 0, pick(fresh, c.a));
        } else if (op === 1) {
          list.splice(c.a % list.length, 1);
        } else if (list.length > 0) {
          const [item] = list.splice(c.a % list.length, 1);
          list.splice(c.b % (list.length + 1), 0, item!);
        }
        return list;
      }
    }
  }

  /** Saves a form as the app does: the values it started from as base, the changed ones (or all) as patch. */
  private save(device: Device, form: Form, full: boolean): void {
    const { ref } = form;
    const fields = RECORD_FIELDS[ref.kind] as RecordFields;
    const patch = full
      ? clone(form.mine)
      : Object.fromEntries(
          Object.entries(form.mine).filter(([name, value]) => json(value) !== json(form.base[name])),
        );
    const now = this.read(device, ref);
    const marked = (path: string) => path in now.marks.conflicts || path in now.marks.invalid;
    const plan = planSave(fields, patch, form.base, now, marked, (s) => this.tokensOf(s, 'save'));
    this.trace.push(
      `d${device.index} @${device.clock} saves ${refName(ref)} ${Object.keys(patch).join(',') || '(nothing)'}` +
        ` → writes ${plan.writes.map((w) => w.path).join(',') || '-'}` +
        `${plan.adds.length ? ` adds ${plan.adds.map((a) => `${a.path}/${a.member}`).join(',')}` : ''}` +
        `${plan.removes.length ? ` removes ${plan.removes.map((a) => `${a.path}/${a.member}`).join(',')}` : ''}`,
    );
    this.count(planChanges(plan) ? 'saves' : 'saves that changed nothing');
    for (const w of plan.writes)
      if (w.path.split('.').length > 2) this.count(`member writes (${w.path.split('.')[0]})`);
    if (json(valuesOf(fields, now)) !== json(form.base))
      this.count('saves from a form older than the record');
    this.observe(device, ref, plan, now, false, () => {
      const stamp = device.stamp();
      if (ref.kind === 'mission') updateMission(device.doc, patch, stamp, clone(form.base));
      else updateRecord(device.doc, ref.kind, ref.id, patch as never, stamp, clone(form.base) as never);
    });
  }

  private createRandom(device: Device, kindIndex: number, a: number): void {
    const kind = pick(KINDS, kindIndex);
    const ref: RecordRef = { kind, id: `${kind[0]}${device.index}-${device.made++}` };
    const fields: Record<string, unknown> =
      kind === 'note'
        ? { text: this.token(device), tags: [pick(setPoolOf('tags', RECORD_FIELDS.note.tags), a)] }
        : kind === 'action'
          ? { activity: pick(['Taller', 'Visita'], a), status: pick(['planned', 'in_progress'], a) }
          : {
              title: 'Nueva',
              sectors: [{ sector: pick(SECTORS, a), severity: 2, affected: null, inNeed: null, notes: '' }],
              priorities: [pick(RANKED_CANDIDATES, a)],
              gaps: this.token(device),
            };
    this.trace.push(`d${device.index} @${device.clock} creates ${refName(ref)} ${json(fields)}`);
    this.count('records created');
    this.create(device, ref, fields);
  }

  private remove(device: Device, n: number, deleted: boolean): void {
    const ref = this.pickHeld(device, n);
    if (!ref) return;
    const stamp = device.stamp();
    const plan: Plan = {
      writes: [
        { path: DELETED, value: deleted ? stamp.now : null },
        { path: UPDATED, value: null },
      ],
      adds: [],
      removes: [],
      texts: [],
    };
    this.trace.push(`d${device.index} @${device.clock} ${deleted ? 'deletes' : 'restores'} ${refName(ref)}`);
    this.count(deleted ? 'deletions' : 'restorations');
    this.observe(device, ref, plan, this.read(device, ref), false, () => {
      if (ref.kind === 'mission') setMissionDeleted(device.doc, deleted, stamp);
      else setDeleted(device.doc, ref.kind, ref.id, deleted, stamp);
    });
  }

  /** Settles a field shown in conflict by choosing one of its values (M2). */
  private settle(device: Device, n: number, a: number, b: number): void {
    const ref = this.pickHeld(device, n);
    if (!ref) return;
    const now = this.read(device, ref);
    const paths = Object.keys(now.marks.conflicts).sort();
    if (paths.length === 0) return;
    const path = pick(paths, a);
    const values = now.marks.conflicts[path] as { value: unknown }[];
    const value = pick(values, b).value;
    const plan: Plan = {
      writes: [
        { path, value },
        { path: UPDATED, value: null },
      ],
      adds: [],
      removes: [],
      texts: [],
    };
    this.trace.push(`d${device.index} @${device.clock} settles ${refName(ref)} ${path} = ${json(value)}`);
    this.count('conflicts settled');
    this.observe(device, ref, plan, now, false, () =>
      settleField(device.doc, mapOf(device.doc, ref)!, ref.kind, path, value, device.stamp()),
    );
  }

  /**
   * Runs one write on a device and checks what it did to the record's Y.Map against the plan: the registers
   * written (M11), stamped with who and when (M12), replacing every write of the same field the device held and
   * nothing else (M1); the members added and removed (M4, M6–M8); the texts (M3). Then tells the model.
   */
  private observe(
    device: Device,
    ref: RecordRef,
    plan: Plan,
    now: Read | Record<string, unknown>,
    creating: boolean,
    run: () => void,
  ): void {
    const doc = device.doc;
    const before = entriesOf(mapOf(doc, ref));
    const seen = seenBy(doc);
    const stamp = device.stamp();
    run();
    const after = entriesOf(mapOf(doc, ref));
    const where = `d${device.index} saving ${refName(ref)}`;

    const written: { path: string; id: string; raw: Record<string, unknown> }[] = [];
    const added: { member: string; id: string; value: unknown }[] = [];
    const replaced: string[] = [];
    const other: string[] = [];
    /** Members that lost an addition; removed when they have none left and got no new one. */
    const lost = new Set<string>();
    for (const [key, entry] of after) {
      if (before.get(key)?.id === entry.id) continue;
      const member = memberOf(key);
      if (key.startsWith('r:')) {
        written.push({ path: registerPath(key), id: entry.id, raw: entry.value as Record<string, unknown> });
      } else if (member !== null) added.push({ member, id: entry.id, value: entry.value });
      else other.push(key);
    }
    for (const [key] of before) {
      if (after.has(key)) continue;
      const member = memberOf(key);
      if (key.startsWith('r:')) replaced.push(key);
      else if (member !== null) lost.add(member);
      else other.push(key);
    }
    const holds = new Set([...after.keys()].map(memberOf));
    const removed = [...lost].filter((member) => !holds.has(member));

    if (!creating && other.length > 0) this.fail(`[M11] ${where} changed ${other.join(', ')}`);
    const wrotePaths = written.map((w) => w.path).sort();
    const planPaths = plan.writes.map((w) => w.path).sort();
    if (json(wrotePaths) !== json(planPaths)) {
      this.fail(`[M11] ${where} wrote registers ${json(wrotePaths)}; the rules write ${json(planPaths)}`);
    }
    for (const write of written) {
      const planned = plan.writes.find((w) => w.path === write.path)!;
      const { v: value, at, by, dev } = write.raw ?? {};
      if (planned.value !== ANY && json(value) !== json(planned.value)) {
        this.fail(
          `[M11] ${where} wrote ${write.path} = ${json(value)}; the user's value is ${json(planned.value)}`,
        );
      }
      if (at !== Date.parse(stamp.now) || by !== device.name || dev !== device.id) {
        this.fail(`[M12] ${where}: ${write.path} stamped ${json({ at, by, dev })}, not ${json(stamp)}`);
      }
    }
    // M1: every write of a written field the device held is replaced, and no write of another field.
    const wroteSet = new Set(wrotePaths);
    for (const key of replaced) {
      if (!wroteSet.has(registerPath(key)))
        this.fail(`[M1] ${where} removed ${key}, a field it did not write`);
    }
    const model = this.models.get(refName(ref))!;
    for (const path of wroteSet) {
      const held = [...before].filter(([key]) => key.startsWith('r:') && registerPath(key) === path);
      const planned = plan.writes.find((w) => w.path === path)!;
      const values = held.map(([, entry]) => (entry.value as { v?: unknown } | null)?.v);
      const keeps = model.keeps(values, planned.value, startedFromOf(planned));
      held.forEach(([key, entry], i) => {
        const stillThere = after.get(key)?.id === entry.id;
        if (keeps[i] && !stillThere) {
          this.fail(`[M2] ${where} replaced ${key} of ${path}, a change the form never saw`);
        }
        if (!keeps[i] && stillThere)
          this.fail(`[M1] ${where} wrote ${path} but kept the earlier write ${key}`);
      });
    }
    const pair = (x: { path: string; member: string }) => `${x.path}/${x.member}`;
    const addedMembers = added.map((a) => a.member);
    if (sortedJson(addedMembers) !== sortedJson(plan.adds.map(pair))) {
      this.fail(
        `[M11] ${where} added members ${json(addedMembers)}; the rules add ${json(plan.adds.map(pair))}`,
      );
    }
    for (const add of added) {
      const planned = plan.adds.find((x) => pair(x) === add.member)!;
      if (json(add.value) !== json(planned.value)) {
        this.fail(`[M4] ${where} stored ${add.member} as ${json(add.value)}, not ${json(planned.value)}`);
      }
    }
    if (sortedJson(removed) !== sortedJson(plan.removes.map(pair))) {
      this.fail(
        `[M11] ${where} removed members ${json(removed)}; the rules remove ${json(plan.removes.map(pair))}`,
      );
    }
    // M3: the text now holds what it held, plus the tokens typed, minus the tokens deleted.
    const read = this.read(device, ref);
    for (const [name, field] of Object.entries(RECORD_FIELDS[ref.kind] as RecordFields)) {
      if (field.kind !== 'text') continue;
      const edit = plan.texts.find((t) => t.name === name);
      const expected = new Set(this.tokensOf(String(now[name] ?? ''), where));
      for (const token of edit?.inserted ?? []) expected.add(token);
      for (const token of edit?.deleted ?? []) expected.delete(token);
      const got = this.readText(ref, name, String(read[name]), where);
      if (got.length !== expected.size || got.some((token) => !expected.has(token))) {
        this.fail(
          `[M3] ${where}: ${name} reads ${this.tokens.show(String(read[name]))}; expected the tokens ` +
            [...expected].map((token) => this.tokens.label(token)).join(''),
        );
      }
    }

    for (const write of written) {
      const raw = write.raw;
      model.write(
        {
          id: write.id,
          path: write.path,
          value: raw.v,
          at: raw.at as number,
          by: device.name,
          device: device.id,
        },
        seen,
        startedFromOf(plan.writes.find((w) => w.path === write.path)),
        new Set(
          [...before]
            .filter(([key]) => key.startsWith('r:') && registerPath(key) === write.path)
            .map(([, entry]) => entry.id),
        ),
      );
    }
    const split = (member: string) =>
      [member.slice(0, member.indexOf('/')), member.slice(member.indexOf('/') + 1)] as const;
    for (const add of added) model.add(...split(add.member), add.id, add.value, seen);
    for (const member of removed) model.remove(...split(member), seen);
    for (const text of plan.texts) model.text(text.name, text.inserted, text.deleted);
  }

  /** Delivers everything, then checks that every replica converged and shows what the rules predict. */
  finish(): void {
    this.net.flush();
    const docs = [...this.net.docs, this.net.server];
    const name = (i: number) => (i === this.net.docs.length ? 'server' : `d${i}`);
    docs.forEach((doc, i) => {
      if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
        this.fail(`[convergence] ${name(i)} still waits for updates after everything was delivered`);
      }
    });
    const state = docs.map((doc) => json([...Y.encodeStateVector(doc)]));
    const content = docs.map((doc) =>
      canonical(['mission', 'assessments', 'notes', 'actions'].map((root) => doc.getMap(root).toJSON())),
    );
    docs.forEach((_doc, i) => {
      if (state[i] !== state[0]) this.fail(`[convergence] ${name(i)} holds other updates than d0`);
      if (content[i] !== content[0]) this.fail(`[convergence] ${name(i)} holds other content than d0`);
    });
    for (const ref of this.records) {
      const reads = docs.map((doc) => readOf(doc, ref) as Record<string, unknown>);
      reads.forEach((read, i) => {
        for (const key of Object.keys({ ...read, ...reads[0] })) {
          // Marks list their fields in the order the device met them: the same fields, not the same order.
          if (canonical(read[key]) === canonical(reads[0]![key])) continue;
          this.fail(
            `[convergence] ${name(i)} reads ${refName(ref)}.${key} as ${json(read[key])}, d0 as ${json(reads[0]![key])}`,
          );
        }
      });
      const model = this.models.get(refName(ref))!;
      const predicted = model.predict();
      const read = this.read(this.devices[0]!, ref);
      this.compare(ref, read, predicted);
      // M6: a member added by a device that had another member comes after it.
      for (const [name, field] of Object.entries(RECORD_FIELDS[ref.kind] as RecordFields)) {
        if (field.kind !== 'collection') continue;
        const keys = (read[name] as Record<string, unknown>[]).map((row) => row[field.keyField]);
        for (const [x, y] of model.addedAfter(name)) {
          if (keys.indexOf(x) > keys.indexOf(y)) {
            this.fail(`[M6] ${refName(ref)}.${name} shows ${y} before ${x}, added after it: ${json(keys)}`);
          }
        }
      }
      for (const path of Object.keys(predicted.conflicts))
        this.count(`conflicts kept (${path.split('.')[0]})`);
    }
  }

  private compare(ref: RecordRef, read: Read, predicted: Prediction): void {
    const fields = RECORD_FIELDS[ref.kind] as RecordFields;
    const rules: Record<Field['kind'], string> = {
      register: '[M1][M2]',
      text: '[M3]',
      set: '[M4]',
      struct: '[M5]',
      collection: '[M6][M7]',
      ranked: '[M8]',
    };
    for (const [name, field] of Object.entries(fields)) {
      if (field.kind === 'text') this.readText(ref, name, String(read[name]), 'after the merge');
      const got = this.normalise(field, read[name], `${refName(ref)}.${name}`);
      const want = predicted.values[name];
      if (json(got) !== json(want)) {
        const show = (value: unknown) =>
          field.kind === 'text'
            ? (value as string[]).map((token) => this.tokens.label(token)).join('')
            : json(value);
        this.fail(
          `${rules[field.kind]} ${refName(ref)}.${name} reads ${show(got)}; the rules give ${show(want)}`,
        );
      }
    }
    for (const meta of ['deletedAt', 'deletedBy', 'updatedAt', 'updatedBy'] as const) {
      if (json(read[meta]) !== json(predicted[meta])) {
        this.fail(
          `[M12] ${refName(ref)}.${meta} reads ${json(read[meta])}; the rules give ${json(predicted[meta])}`,
        );
      }
    }
    const conflicts = json(Object.entries(read.marks.conflicts).sort(([a], [b]) => (a < b ? -1 : 1)));
    const expected = json(Object.entries(predicted.conflicts).sort(([a], [b]) => (a < b ? -1 : 1)));
    if (conflicts !== expected) {
      this.fail(`[M2] ${refName(ref)} marks conflicts ${conflicts}; the rules give ${expected}`);
    }
    if (Object.keys(read.marks.invalid).length > 0) {
      this.fail(`[M10] ${refName(ref)} marks valid values invalid: ${json(read.marks.invalid)}`);
    }
  }

  /** A read value in the model's terms: long texts as their sorted tokens. */
  private normalise(field: Field, value: unknown, where: string): unknown {
    return field.kind === 'text' ? [...this.tokensOf(String(value), where)].sort() : value;
  }
}

/** Runs a whole scenario: set up, commands, deliver everything, check. Throws RuleBroken on a broken rule. */
export function runScenario(scenario: Scenario): Simulation {
  const sim = new Simulation(scenario);
  sim.setup();
  for (const command of scenario.commands) sim.apply(command);
  sim.finish();
  return sim;
}
