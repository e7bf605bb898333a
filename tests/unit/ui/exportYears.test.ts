// The years the export screen offers: those the device's missions were on site, newest first.
import { describe, expect, it } from 'vitest';
import { yearsOf } from '../../../src/ui/components/export/ScopeFields.tsx';
import type { MissionRow } from '../../../src/storage/db.ts';

const row = (startDate: string, endDate = ''): MissionRow => ({ startDate, endDate }) as MissionRow;

describe('years offered for an export', () => {
  it('lists every year a mission was on site, newest first', () => {
    expect(yearsOf([row('2016-05-01', '2017-01-10'), row('2019-03-01'), row('2016-06-01')])).toEqual([
      2019, 2017, 2016,
    ]);
  });

  it('offers this year when no mission has dates, and ignores mistyped ranges', () => {
    const now = new Date('2026-12-06T12:00:00Z');
    expect(yearsOf([row(''), row('2016-05-01', '9016-01-01')], now)).toEqual([2026]);
  });
});
