// The change feed: each device hears the versions of exactly the documents its token may open, live.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/server/postgres.ts';
import { postgresTokenStore } from '../../src/server/tokens.ts';
import {
  connect,
  removeDir,
  settled,
  startTestServer,
  waitFor,
  type Client,
  type TestServer,
} from './syncHarness.ts';

interface FeedMessage {
  type: string;
  docs: Record<string, number>;
}

interface FeedClient extends Client {
  messages: FeedMessage[];
  /** The newest version heard of each document. */
  heard(): Map<string, number>;
}

function feed(url: string, token: string): FeedClient {
  const client = connect(url, token, 'feed') as FeedClient;
  client.messages = [];
  client.provider.on('stateless', ({ payload }: { payload: string }) => {
    client.messages.push(JSON.parse(payload) as FeedMessage);
  });
  client.heard = () => {
    const heard = new Map<string, number>();
    for (const message of client.messages)
      for (const [name, version] of Object.entries(message.docs))
        heard.set(name, Math.max(version, heard.get(name) ?? 0));
    return heard;
  };
  return client;
}

/** Writes into a document as the given token and waits until the server has stored it (its version rose). */
async function write(url: string, token: string, name: string, text: string): Promise<void> {
  const client = connect(url, token, name);
  try {
    await settled(client);
    await waitFor(() => client.provider.synced, 5000, `sync of ${name}`);
    client.doc.getText('text').insert(0, text);
    await client.acknowledged();
  } finally {
    // The last connection leaving stores the document at once.
    client.destroy();
  }
}

const servers: TestServer[] = [];
const clients: Client[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of servers.splice(0)) {
    await server.stop();
    await removeDir(server.dataDir);
  }
});

async function server(overrides: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const started = await startTestServer(overrides);
  servers.push(started);
  return started;
}

describe('change feed', () => {
  it('sends each feed the versions of exactly the documents its token may open', async () => {
    const s = await server();
    const [m1, m2, m3] = [randomUUID(), randomUUID(), randomUUID()];
    const coordinator = s.token('coordinator').token;
    await write(s.url, coordinator, `mission:${m1}`, 'one');
    await write(s.url, coordinator, `review:${m1}`, 'ok');
    await write(s.url, coordinator, `mission:${m2}`, 'two');
    await write(s.url, coordinator, `mission:${m3}`, 'three');

    const technician = feed(s.url, s.token('technician', [m1]).token);
    const observer = feed(s.url, s.token('observer', [m2]).token);
    const all = feed(s.url, coordinator);
    clients.push(technician, observer, all);
    for (const client of [technician, observer, all])
      await waitFor(() => client.messages.some((m) => m.type === 'versions'), 5000, 'versions');

    expect(Object.fromEntries(technician.heard())).toEqual({ [`mission:${m1}`]: 1, [`review:${m1}`]: 1 });
    expect([...observer.heard().keys()]).toEqual([`mission:${m2}`]);
    expect([...all.heard().keys()].sort()).toEqual(
      [`mission:${m1}`, `review:${m1}`, `mission:${m2}`, `mission:${m3}`].sort(),
    );
  });

  it('announces a stored change to the feeds whose token may open it, and to no other', async () => {
    const s = await server();
    const [m1, m2] = [randomUUID(), randomUUID()];
    const coordinator = s.token('coordinator').token;
    await write(s.url, coordinator, `mission:${m1}`, 'one');
    await write(s.url, coordinator, `mission:${m2}`, 'two');
    const member = feed(s.url, s.token('technician', [m1]).token);
    const other = feed(s.url, s.token('technician', [m2]).token);
    clients.push(member, other);
    for (const client of [member, other])
      await waitFor(() => client.messages.some((m) => m.type === 'versions'), 5000, 'versions');

    await write(s.url, coordinator, `mission:${m1}`, 'again ');
    await waitFor(
      () => member.messages.find((m) => m.type === 'changed' && m.docs[`mission:${m1}`] === 2),
      5000,
      'the change announced',
    );
    // The other technician's feed is open on the same server and hears of its own mission, never of m1.
    await write(s.url, coordinator, `mission:${m2}`, 'again ');
    await waitFor(() => other.heard().get(`mission:${m2}`) === 2, 5000, 'its own change');
    expect(other.heard().has(`mission:${m1}`)).toBe(false);
  });

  it('tells a technician’s feed of a mission it created, once the server stored it', async () => {
    const s = await server();
    const technician = s.token('technician').token;
    const device = feed(s.url, technician);
    clients.push(device);
    await waitFor(() => device.messages.some((m) => m.type === 'versions'), 5000, 'versions');
    expect(device.heard().size).toBe(0);
    const mission = randomUUID();
    await write(s.url, technician, `mission:${mission}`, 'made offline');
    await waitFor(() => device.heard().get(`mission:${mission}`) === 1, 5000, 'its new mission announced');
  });

  it('gives a stranger nothing and a revoked token loses its feed', async () => {
    const s = await server();
    const mission = randomUUID();
    const coordinator = s.token('coordinator');
    await write(s.url, coordinator.token, `mission:${mission}`, 'one');
    const stranger = feed(s.url, 'not-a-token');
    clients.push(stranger);
    await settled(stranger);
    expect(stranger.denied).not.toBeNull();

    const revokedLater = s.token('coordinator');
    const device = feed(s.url, revokedLater.token);
    clients.push(device);
    await waitFor(() => device.messages.length > 0, 5000, 'versions');
    await write(s.url, coordinator.token, `mission:${mission}`, 'two ');
    expect(stranger.messages).toEqual([]);
    const { revokeToken, openDatabase } = await import('../../src/server/db.ts');
    const admin = openDatabase(s.dataDir);
    revokeToken(admin, revokedLater.id);
    admin.close();
    await waitFor(() => device.closeCodes.includes(4401), 5000, 'the revoked feed closed');
  });

  it('keeps an idle device’s socket open past the authentication timeout', async () => {
    const s = await server({ limits: { authTimeoutMs: 300 } });
    const device = feed(s.url, s.token('coordinator').token);
    clients.push(device);
    await settled(device);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(device.closeCodes).toEqual([]);
  });
});

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('change feed across instances (PostgreSQL + Redis)', () => {
  const schema = `minga_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  let pool: pg.Pool | null = null;

  afterAll(async () => {
    if (pool === null) return;
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  });

  it('announces on B’s feed a change stored through A', async () => {
    pool = await openPostgres(DATABASE_URL, schema);
    const shared = { databaseUrl: DATABASE_URL, databaseSchema: schema, redisUrl: REDIS_URL };
    const a = await server(shared);
    const b = await server(shared);
    const tokens = postgresTokenStore(pool, schema);
    const mission = randomUUID();
    const coordinator = (await tokens.create({ role: 'coordinator', name: 'Feed' })).token;
    const technician = (await tokens.create({ role: 'technician', name: 'Phone', missions: [mission] }))
      .token;
    await write(a.url, coordinator, `mission:${mission}`, 'one');

    const onB = feed(b.url, technician);
    clients.push(onB);
    await waitFor(() => onB.heard().get(`mission:${mission}`) === 1, 5000, 'the version stored through A');
    await write(a.url, coordinator, `mission:${mission}`, 'two ');
    await waitFor(
      () => onB.messages.find((m) => m.type === 'changed' && m.docs[`mission:${mission}`] === 2),
      5000,
      'the change through A announced on B',
    );
  });
});
