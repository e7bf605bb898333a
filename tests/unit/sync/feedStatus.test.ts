// The change feed's part in the status: "up to date" only once every held document is at the version heard.
import { describe, expect, it } from 'vitest';
import { overallStatus } from '../../../src/sync/status.ts';
import { parseFeedMessage } from '../../../src/sync/feedMessage.ts';

const M = 'mission:0b7e2f5c-0d55-4c6f-9a44-2f8a1c9e0d11';

describe('overallStatus with the change feed', () => {
  it('says syncing, with the count, while a held document lags or the versions have not arrived', () => {
    expect(overallStatus('connected', null, [], { ready: true, inStep: 120, held: 200 })).toEqual({
      kind: 'syncing',
      pending: 0,
      progress: { inStep: 120, held: 200 },
    });
    expect(overallStatus('connected', null, [], { ready: false, inStep: 3, held: 3 }).kind).toBe('syncing');
  });

  it('says up to date once every held document is in step, and offline when the socket is down', () => {
    expect(overallStatus('connected', null, [], { ready: true, inStep: 3, held: 3 }).kind).toBe('upToDate');
    expect(overallStatus('offline', null, [], { ready: false, inStep: 0, held: 3 }).kind).toBe('offline');
  });
});

describe('parseFeedMessage', () => {
  it('reads the versions and the changes the server sends', () => {
    expect(parseFeedMessage(JSON.stringify({ type: 'versions', docs: { [M]: 12 }, complete: true }))).toEqual(
      {
        type: 'versions',
        docs: { [M]: 12 },
        complete: true,
      },
    );
    expect(parseFeedMessage(JSON.stringify({ type: 'changed', docs: { [M]: 13 } }))?.docs[M]).toBe(13);
  });

  it('refuses anything else: bad JSON, unknown types, other names, negative or fractional versions', () => {
    for (const payload of [
      'not json',
      JSON.stringify({ type: 'drop', docs: {} }),
      JSON.stringify({ type: 'changed', docs: { 'mission:../x': 1 } }),
      JSON.stringify({ type: 'changed', docs: { [M]: -1 } }),
      JSON.stringify({ type: 'changed', docs: { [M]: 1.5 } }),
      JSON.stringify({ type: 'changed', docs: { [M]: '2' } }),
      'x'.repeat(300_000),
    ])
      expect(parseFeedMessage(payload)).toBeNull();
  });
});
