// PUT/GET /api/blobs against the real server on a free port: hash, size, idempotence, roles, existence.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, revokeToken } from '../../src/server/db.ts';
import { removeDir, startTestServer, tempDir, type TestServer } from './syncHarness.ts';

const MAX = 64 * 1024;
let t: TestServer;
let base: string;

beforeAll(async () => {
  t = await startTestServer({ maxBlobBytes: MAX });
  base = `http://127.0.0.1:${t.server.port}`;
});

afterAll(async () => {
  await t.stop();
  await removeDir(t.dataDir);
});

function photo(bytes = 4096): { body: Uint8Array<ArrayBuffer>; sha: string } {
  const body = new Uint8Array(bytes);
  body.set(randomBytes(bytes));
  return { body, sha: createHash('sha256').update(body).digest('hex') };
}

function put(sha: string, mission: string, body: BodyInit, token: string, type = 'image/jpeg') {
  return fetch(`${base}/api/blobs/${sha}?mission=${mission}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': type },
    body,
  });
}

function get(sha: string, token: string) {
  return fetch(`${base}/api/blobs/${sha}`, { headers: { Authorization: `Bearer ${token}` } });
}

const stored = (sha: string) => path.join(t.dataDir, 'blobs', sha.slice(0, 2), sha);
const isStored = (sha: string) =>
  stat(stored(sha)).then(
    () => true,
    () => false,
  );

describe('blobs', () => {
  it('round-trips the bytes with their type and an immutable private cache header', async () => {
    const mission = randomUUID();
    const tech = t.token('technician', [mission]);
    const { body, sha } = photo();
    const up = await put(sha, mission, body, tech.token);
    expect(up.status).toBe(201);
    expect(await readFile(stored(sha))).toEqual(Buffer.from(body));
    const down = await get(sha, tech.token);
    expect(down.status).toBe(200);
    expect(down.headers.get('content-type')).toBe('image/jpeg');
    expect(down.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(new Uint8Array(await down.arrayBuffer())).toEqual(body);
    const coordinator = t.token('coordinator');
    expect((await get(sha, coordinator.token)).status).toBe(200);
    const entry = t.logs.find((l) => l.event === 'blob-stored' && l.sha256 === sha);
    expect(entry).toMatchObject({ mission, tokenId: tech.id, bytes: body.length });
    expect(JSON.stringify(t.logs)).not.toContain(tech.token);
  });

  it('refuses a body whose hash differs from the path with 422 and stores nothing', async () => {
    const mission = randomUUID();
    const tech = t.token('technician', [mission]);
    const { sha } = photo();
    const other = photo().body;
    const response = await put(sha, mission, other, tech.token);
    expect(response.status).toBe(422);
    expect(await isStored(sha)).toBe(false);
    expect(await readdir(path.join(t.dataDir, 'blobs', 'tmp')).catch(() => [])).toEqual([]);
    expect((await get(sha, t.token('coordinator').token)).status).toBe(404);
    expect(t.logs.some((l) => l.refusal === 'blob-hash-mismatch' && l.sha256 === sha)).toBe(true);
  });

  it('refuses an oversize body with 413, by Content-Length and while streaming', async () => {
    const mission = randomUUID();
    const tech = t.token('technician', [mission]);
    const big = photo(MAX + 1);
    expect((await put(big.sha, mission, big.body, tech.token)).status).toBe(413);
    // No Content-Length: a chunked body is counted as it arrives.
    const chunks = [big.body.slice(0, MAX / 2), big.body.slice(MAX / 2)];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const streamed = await fetch(`${base}/api/blobs/${big.sha}?mission=${mission}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${tech.token}` },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await isStored(big.sha)).toBe(false);
    expect(t.logs.filter((l) => l.refusal === 'blob-too-large' && l.sha256 === big.sha)).toHaveLength(2);
  });

  it('accepts the same blob again without rewriting it', async () => {
    const mission = randomUUID();
    const tech = t.token('technician', [mission]);
    const { body, sha } = photo();
    expect((await put(sha, mission, body, tech.token)).status).toBe(201);
    const before = await stat(stored(sha));
    const again = await put(sha, mission, body, tech.token);
    expect(again.status).toBe(200);
    const after = await stat(stored(sha));
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);
  });

  it('adds the reference of a second mission when a known blob is put for it, and only then serves its members', async () => {
    const first = randomUUID();
    const second = randomUUID();
    const uploader = t.token('technician', [first, second]);
    const readerOfSecond = t.token('technician', [second]);
    const { body, sha } = photo();
    expect((await put(sha, first, body, uploader.token)).status).toBe(201);
    expect((await get(sha, readerOfSecond.token)).status).toBe(404);

    const again = await put(sha, second, body, uploader.token);
    expect(again.status).toBe(200);
    const down = await get(sha, readerOfSecond.token);
    expect(down.status).toBe(200);
    expect(new Uint8Array(await down.arrayBuffer())).toEqual(body);
    expect(
      t.logs.some((l) => l.event === 'blob-referenced' && l.sha256 === sha && l.mission === second),
    ).toBe(true);
  });

  it('refuses an observer writing, even to its own mission', async () => {
    const mission = randomUUID();
    const observer = t.token('observer', [mission]);
    const { body, sha } = photo();
    expect((await put(sha, mission, body, observer.token)).status).toBe(403);
    expect(await isStored(sha)).toBe(false);
  });

  it('answers 404 to a technician who is not a member of any referencing mission', async () => {
    const mission = randomUUID();
    const member = t.token('technician', [mission]);
    const outsider = t.token('technician', [randomUUID()]);
    const { body, sha } = photo();
    expect((await put(sha, mission, body, member.token)).status).toBe(201);
    expect((await get(sha, outsider.token)).status).toBe(404);
    // Same answer as for a blob that does not exist at all.
    expect((await get(photo().sha, outsider.token)).status).toBe(404);
    // Knowing the hash is not enough to gain access: a wrong body referencing another mission is refused.
    const own = randomUUID();
    const attacker = t.token('technician', [own]);
    expect((await put(sha, own, photo().body, attacker.token)).status).toBe(422);
    expect((await get(sha, attacker.token)).status).toBe(404);
  });

  it('refuses an unknown or revoked token with 401', async () => {
    const mission = randomUUID();
    const { body, sha } = photo();
    expect((await put(sha, randomUUID(), body, 'not-a-token')).status).toBe(401);
    const revoked = t.token('technician', [mission]);
    expect((await put(sha, mission, body, revoked.token)).status).toBe(201);
    const admin = openDatabase(t.dataDir);
    revokeToken(admin, revoked.id);
    admin.close();
    expect((await get(sha, revoked.token)).status).toBe(401);
    expect((await put(sha, mission, body, revoked.token)).status).toBe(401);
    expect((await get(sha, 'not-a-token')).status).toBe(401);
    expect((await fetch(`${base}/api/blobs/${sha}`)).status).toBe(401);
  });
});

describe('blob directory at start', () => {
  it('removes the temp files an upload cut short by a crash left, and keeps the stored blobs', async () => {
    const dir = await tempDir('minga-leftovers-');
    const { body, sha } = photo();
    const kept = path.join(dir, 'blobs', sha.slice(0, 2), sha);
    await mkdir(path.dirname(kept), { recursive: true });
    await writeFile(kept, body);
    const tmp = path.join(dir, 'blobs', 'tmp');
    await mkdir(tmp, { recursive: true });
    await writeFile(path.join(tmp, randomUUID()), body.slice(0, 100));
    await writeFile(path.join(tmp, randomUUID()), new Uint8Array());

    const restarted = await startTestServer({}, dir);
    try {
      expect(await readdir(tmp)).toEqual([]);
      expect(await readFile(kept)).toEqual(Buffer.from(body));
      expect(restarted.logs).toContainEqual({ event: 'blob-leftovers-removed', files: 2 });
    } finally {
      await restarted.stop();
      await removeDir(dir);
    }
  });
});
