// The browser's connectivity signals reach the sync layer, and stop once unsubscribed.
import { describe, expect, it } from 'vitest';
import { browserConnectivity } from '../../../src/sync/connectivity.ts';
import { syncUrl } from '../../../src/sync/session.ts';

describe('browserConnectivity', () => {
  it('reports online, offline and visibility changes until unsubscribed', () => {
    const connectivity = browserConnectivity();
    let calls = 0;
    const unsubscribe = connectivity.subscribe(() => calls++);
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('offline'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(calls).toBe(3);
    unsubscribe();
    window.dispatchEvent(new Event('online'));
    expect(calls).toBe(3);
    expect(connectivity.visible()).toBe(true);
    expect(typeof connectivity.online()).toBe('boolean');
  });
});

describe('syncUrl', () => {
  it.each([
    ['', 'https://minga.example', 'wss://minga.example/sync'],
    ['', 'http://localhost:8080', 'ws://localhost:8080/sync'],
    ['https://sync.example/', 'http://localhost:5173', 'wss://sync.example/sync'],
    ['  http://10.0.0.2:8080  ', 'https://minga.example', 'ws://10.0.0.2:8080/sync'],
  ])('server %j from origin %s → %s', (server, origin, expected) => {
    expect(syncUrl(server, origin)).toBe(expected);
  });
});
