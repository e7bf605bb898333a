// The role the server reports is remembered on the device, so an observer's phone stays read-only offline.
import { beforeEach, describe, expect, it } from 'vitest';
import { mayEditMissions } from '../../../src/domain/access.ts';
import { getDb } from '../../../src/storage/db.ts';
import { fetchMe } from '../../../src/sync/account.ts';
import { readAccountRole, ROLE_KEY, TOKEN_KEY } from '../../../src/sync/signedIn.ts';

const session = { server: 'https://sync.example.org', token: 't0ken' };

function answering(status: number, body: unknown): typeof fetch {
  return async () => new Response(JSON.stringify(body), { status });
}

describe('account role', () => {
  beforeEach(async () => {
    await getDb().settings.clear();
    await getDb().settings.put({ key: TOKEN_KEY, value: session.token });
  });

  it('remembers the role the server reports and reads it back while signed in', async () => {
    const me = { tokenId: 'id1', name: 'Núria', role: 'observer' };
    const result = await fetchMe(session, answering(200, me));
    expect(result).toEqual({ kind: 'ok', me });
    expect(await readAccountRole()).toBe('observer');
  });

  it('keeps the last known role when the server cannot be reached', async () => {
    await fetchMe(session, answering(200, { tokenId: 'id1', name: 'Jordi', role: 'technician' }));
    const result = await fetchMe(session, async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(result).toEqual({ kind: 'unreachable' });
    expect(await readAccountRole()).toBe('technician');
  });

  it('ignores a role it does not know and forgets the role without a token', async () => {
    const result = await fetchMe(session, answering(200, { tokenId: 'id1', name: 'X', role: 'admin' }));
    expect(result).toEqual({ kind: 'unreachable' });
    expect(await readAccountRole()).toBeNull();
    await getDb().settings.put({ key: ROLE_KEY, value: 'coordinator' });
    await getDb().settings.delete(TOKEN_KEY);
    expect(await readAccountRole()).toBeNull();
  });

  it('lets every role but observer edit missions, and a device never signed in too', () => {
    expect(mayEditMissions('coordinator')).toBe(true);
    expect(mayEditMissions('technician')).toBe(true);
    expect(mayEditMissions(null)).toBe(true);
    expect(mayEditMissions('observer')).toBe(false);
  });
});
