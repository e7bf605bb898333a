import { describe, expect, it } from 'vitest';
import { isOverdue, matchesQuery, overlapsRange, splitTags, todayIso } from '../../../src/domain/rules.ts';

describe('rules', () => {
  it.each([
    ['2020-01-01', 'planned', true],
    ['2020-01-01', 'in_progress', true],
    ['2020-01-01', 'done', false],
    ['2020-01-01', 'dropped', false],
    ['2099-01-01', 'planned', false],
    ['', 'planned', false],
  ] as const)('due %s, %s → overdue %s', (dueDate, status, expected) => {
    expect(isOverdue({ dueDate, status }, '2024-06-01')).toBe(expected);
  });

  it('matches without accents or case, every word', () => {
    expect(matchesQuery('Reunión en Jaramijó con el GAD', 'jaramijo reunion')).toBe(true);
    expect(matchesQuery('Reunión en Jaramijó', 'manta')).toBe(false);
    expect(matchesQuery('anything', '  ')).toBe(true);
  });

  it('overlaps date ranges with open ends', () => {
    expect(overlapsRange('2017-03-01', '2017-03-14', '2017-03-10', '')).toBe(true);
    expect(overlapsRange('2017-03-01', '2017-03-14', '2017-04-01', '')).toBe(false);
    expect(overlapsRange('2017-03-01', '', '', '2017-02-01')).toBe(false);
  });

  it('splits tags and drops duplicates', () => {
    expect(splitTags('agua, #vivienda, agua,, ')).toEqual(['agua', 'vivienda']);
  });

  it('gives today in the local calendar', () => {
    expect(todayIso(new Date(2024, 5, 1, 23, 30))).toBe('2024-06-01');
  });
});
