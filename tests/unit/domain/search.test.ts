// Search folding, matching and snippets: accents and case never matter, positions stay those of the original text.
import { describe, expect, it } from 'vitest';
import { fold, queryTerms, searchable } from '../../../src/domain/search/fold.ts';
import { foldFields, matchRecord, snippet } from '../../../src/domain/search/match.ts';

describe('fold', () => {
  it('drops accents and case, one unit for one unit', () => {
    expect(fold('Malecón de JAMA, Jaramijó, Ñandú, Çà')).toBe('malecon de jama, jaramijo, nandu, ca');
    const text = 'Reunión en el MALECÓN';
    expect(fold(text)).toHaveLength(text.length);
  });

  it('folds an accent typed as a separate mark once the text is composed', () => {
    const decomposed = 'male\u0063o\u0301n';
    expect(fold(searchable(decomposed))).toBe('malecon');
    expect(queryTerms('MALECO\u0301N')).toEqual(['malecon']);
  });

  it('leaves characters outside the Latin letters whole, emoji included', () => {
    expect(fold('Ελλάδα 👍 ß')).toBe('ελλαδα 👍 ß');
  });

  it('splits a query into distinct words and finds nothing to look for in blanks', () => {
    expect(queryTerms('  cadastre   Jama jama ')).toEqual(['cadastre', 'jama']);
    expect(queryTerms('   ')).toEqual([]);
  });
});

describe('matchRecord', () => {
  const record = foldFields([
    { field: 'title', text: 'Visita al barrio' },
    { field: 'text', text: 'Se revisó el catastro del malecón con el GAD de Jama.' },
  ]);

  it('matches when every word occurs somewhere in the record, and points at the first word', () => {
    expect(matchRecord(record, queryTerms('malecon'))).toEqual({ field: 'text', start: 26, length: 7 });
    expect(matchRecord(record, queryTerms('barrio jama'))).toEqual({ field: 'title', start: 10, length: 6 });
  });

  it('does not match when one word is missing, or when there is no word', () => {
    expect(matchRecord(record, queryTerms('malecon pedernales'))).toBeNull();
    expect(matchRecord(record, [])).toBeNull();
  });
});

describe('snippet', () => {
  it('keeps the original spelling of the match and cuts the context at word boundaries', () => {
    const text = `${'palabra '.repeat(20)}el MALECÓN de Jama ${'otra '.repeat(30)}`;
    const at = fold(text).indexOf('malecon');
    const part = snippet(text, at, 7, 20);
    expect(part.match).toBe('MALECÓN');
    expect(part.cutBefore).toBe(true);
    expect(part.cutAfter).toBe(true);
    expect(part.before).toBe('palabra palabra el ');
    expect(part.after.startsWith(' de Jama')).toBe(true);
    expect(part.after.endsWith(' ')).toBe(false);
  });

  it('shows a short text whole, with its line breaks as spaces', () => {
    expect(snippet('Jama\nmalecón', 5, 7)).toEqual({
      before: 'Jama ',
      match: 'malecón',
      after: '',
      cutBefore: false,
      cutAfter: false,
    });
  });

  it('never cuts a character made of two units', () => {
    const text = `👍${'a'.repeat(10)}jama`;
    const part = snippet(text, 12, 4, 11);
    expect(part.before.startsWith('👍')).toBe(true);
  });
});
