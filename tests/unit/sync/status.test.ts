// Status derivation per document and overall, and how a server refusal is read.
import { describe, expect, it } from 'vitest';
import { docStatus, overallStatus, type DocSyncState } from '../../../src/sync/status.ts';
import { refusalOfClose, refusalOfDenial } from '../../../src/sync/refusal.ts';

const doc = (patch: Partial<DocSyncState> = {}): DocSyncState => ({
  open: true,
  confirmed: false,
  refused: null,
  pending: 0,
  lastSyncedAt: null,
  ...patch,
});

describe('docStatus', () => {
  it.each<[string, Parameters<typeof docStatus>[0], DocSyncState, ReturnType<typeof docStatus>]>([
    [
      'refused wins over everything',
      'connected',
      doc({ refused: 'forbidden', pending: 3 }),
      { kind: 'refused', reason: 'forbidden' },
    ],
    [
      'connected and confirmed',
      'connected',
      doc({ confirmed: true, lastSyncedAt: 5 }),
      { kind: 'upToDate', lastSyncedAt: 5 },
    ],
    ['connected, handshake under way', 'connected', doc({ pending: 2 }), { kind: 'syncing', pending: 2 }],
    [
      'offline with changes',
      'offline',
      doc({ pending: 2, lastSyncedAt: 5 }),
      { kind: 'pending', pending: 2, lastSyncedAt: 5 },
    ],
    [
      'connecting with changes',
      'connecting',
      doc({ pending: 1 }),
      { kind: 'pending', pending: 1, lastSyncedAt: null },
    ],
    ['connecting, nothing waiting', 'connecting', doc(), { kind: 'connecting', lastSyncedAt: null }],
    ['offline, nothing waiting', 'offline', doc({ lastSyncedAt: 7 }), { kind: 'offline', lastSyncedAt: 7 }],
    [
      'closed, nothing waiting',
      'offline',
      doc({ open: false, lastSyncedAt: 7 }),
      { kind: 'upToDate', lastSyncedAt: 7 },
    ],
    [
      'signed out with changes',
      'signedOut',
      doc({ pending: 4 }),
      { kind: 'pending', pending: 4, lastSyncedAt: null },
    ],
  ])('%s', (_label, connection, state, expected) => {
    expect(docStatus(connection, state)).toEqual(expected);
  });
});

describe('overallStatus', () => {
  it('reports a connection-level refusal even with no document open', () => {
    expect(overallStatus('offline', 'unauthorized', [])).toEqual({ kind: 'refused', reason: 'unauthorized' });
  });

  it('sums pending changes across documents and keeps the oldest confirmation', () => {
    const docs = [doc({ pending: 2, lastSyncedAt: 10 }), doc({ open: false, pending: 3, lastSyncedAt: 4 })];
    expect(overallStatus('offline', null, docs)).toEqual({ kind: 'pending', pending: 5, lastSyncedAt: 4 });
  });

  it('is up to date only when every open document is confirmed', () => {
    const confirmed = doc({ confirmed: true, lastSyncedAt: 9 });
    expect(overallStatus('connected', null, [confirmed, doc({ confirmed: true, lastSyncedAt: 3 })])).toEqual({
      kind: 'upToDate',
      lastSyncedAt: 3,
    });
    expect(overallStatus('connected', null, [confirmed, doc()]).kind).toBe('syncing');
  });

  it('shows one document refused as refused overall', () => {
    expect(
      overallStatus('connected', null, [doc({ confirmed: true }), doc({ refused: 'forbidden' })]),
    ).toEqual({
      kind: 'refused',
      reason: 'forbidden',
    });
  });
});

describe('refusals', () => {
  it.each([
    [{ code: 4401, reason: '' }, 'unauthorized'],
    [{ code: 4403, reason: '' }, 'forbidden'],
    [{ code: 1000, reason: 'Unauthorized' }, 'unauthorized'],
    [{ code: 1000, reason: 'Forbidden' }, 'forbidden'],
    [{ code: 1000, reason: 'permission-denied' }, 'unauthorized'],
    [{ code: 1006, reason: '' }, null],
    [{ code: 4408, reason: 'forced' }, null],
    [{ code: 1000, reason: 'Server closed the connection' }, null],
  ])('close %o reads as %s', (event, expected) => {
    expect(refusalOfClose(event)).toBe(expected);
  });

  it('reads a denial as forbidden only when it says so', () => {
    expect(refusalOfDenial('Forbidden')).toBe('forbidden');
    expect(refusalOfDenial('permission-denied')).toBe('unauthorized');
    expect(refusalOfDenial('Unauthorized')).toBe('unauthorized');
  });

  it('does not read a passing denial (too many connections) as refused access', () => {
    expect(refusalOfDenial('Too many connections')).toBeNull();
    expect(refusalOfClose({ code: 4429, reason: 'Too many connections' })).toBeNull();
  });
});
