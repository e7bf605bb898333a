// When home warns that the browser may delete everything: storage not persistent and work a day old held nowhere else.
import { describe, expect, it } from 'vitest';
import { isStorageAtRisk } from '../../../src/ui/components/StorageRisk.tsx';

const now = new Date('2026-03-03T12:00:00Z');

describe('isStorageAtRisk', () => {
  it('warns when the browser refused persistence and work is over a day unprotected', () => {
    expect(isStorageAtRisk(false, '2026-03-02T11:00:00Z', now)).toBe(true);
  });

  it('stays quiet within the first day, with nothing to lose, or when storage is persistent or unknown', () => {
    expect(isStorageAtRisk(false, '2026-03-02T13:00:00Z', now)).toBe(false);
    expect(isStorageAtRisk(false, null, now)).toBe(false);
    expect(isStorageAtRisk(true, '2026-02-01T00:00:00Z', now)).toBe(false);
    expect(isStorageAtRisk(null, '2026-02-01T00:00:00Z', now)).toBe(false);
  });
});
