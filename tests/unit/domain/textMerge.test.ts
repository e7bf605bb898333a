// Three-way merge of long texts (rule M3) and the hunks that write a text into a Y.Text.
import { describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import { applyTextEdits, mergeText, textEdits } from '../../../src/domain/textMerge.ts';

/** A lone surrogate: a high one not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Emoji sharing their high (😀 😁 🙀 🐀) or low (𐀀 🐀) surrogate, so diffs tend to cut between the two halves.
const tricky = fc.string({ unit: fc.constantFrom('a', 'é', ' ', '.', '😀', '😁', '🙀', '🐀', '𐀀', '👩‍🌾') });
const anyText = fc.oneof(fc.string({ unit: 'grapheme' }), tricky);
// The separator never appears in the edited segments, so no diff can slide an edit across it.
const segment = fc.string({ unit: fc.constantFrom('a', 'b', 'ñ', ' ', '😀', '😁', '𐀀') });

describe('textEdits', () => {
  it('[M3] returns no hunk for identical texts', () => {
    expect(textEdits('Reunión con el GAD.', 'Reunión con el GAD.')).toEqual([]);
    expect(textEdits('', '')).toEqual([]);
  });

  it('[M3] lists hunks last first, with a replacement as one hunk', () => {
    expect(textEdits('Pozo 3 revisado.', 'Pozo 7 revisado. Sin agua.')).toEqual([
      { index: 16, remove: 0, insert: ' Sin agua.' },
      { index: 5, remove: 1, insert: '7' },
    ]);
  });

  it('[M3] keeps an emoji whole when only its second half differs', () => {
    expect(textEdits('Agua 😀 ok', 'Agua 😁 ok')).toEqual([{ index: 5, remove: 2, insert: '😁' }]);
    expect(textEdits('x\u{10000}', 'x\u{1F400}')).toEqual([{ index: 1, remove: 2, insert: '🐀' }]);
  });

  it.prop([anyText, anyText])('[M3] applying the hunks in order turns one text into the other', (a, b) => {
    expect(applyTextEdits(a, textEdits(a, b))).toBe(b);
  });

  it.prop([fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })])(
    '[M3] round-trips even texts holding lone surrogates',
    (a, b) => {
      expect(applyTextEdits(a, textEdits(a, b))).toBe(b);
    },
  );

  it.prop([tricky, tricky])('[M3] hunks descend, never touch, and never cut a surrogate pair', (a, b) => {
    const edits = textEdits(a, b);
    edits.forEach((e, k) => {
      const next = edits[k + 1];
      if (next) expect(next.index + next.remove).toBeLessThan(e.index);
      expect(LONE_SURROGATE.test(e.insert)).toBe(false);
      expect(LONE_SURROGATE.test(a.slice(e.index, e.index + e.remove))).toBe(false);
    });
  });
});

describe('mergeText', () => {
  it.each([
    [
      'edits at both ends of a sentence',
      'Reunión con el GAD.',
      'Reunión con el GAD. Falta agua.',
      'Primera reunión con el GAD.',
      'Primera reunión con el GAD. Falta agua.',
    ],
    [
      'Catalan, edits in different words',
      'Visita a la plaça del mercat.',
      'Visita a la plaça del mercat vell.',
      'Visita breu a la plaça del mercat.',
      'Visita breu a la plaça del mercat vell.',
    ],
    [
      'edits on different lines, one with an emoji',
      'Ens vam reunir amb l’alcaldessa.\nCal tornar dimarts.',
      'Ens vam reunir amb l’alcaldessa i el tècnic.\nCal tornar dimarts.',
      'Ens vam reunir amb l’alcaldessa.\nCal tornar dijous 🚰.',
      'Ens vam reunir amb l’alcaldessa i el tècnic.\nCal tornar dijous 🚰.',
    ],
    [
      'the same words added by both, once',
      'Taller. Visita.',
      'Taller de agua. Visita.',
      'Taller de agua. Visita al pozo.',
      'Taller de agua. Visita al pozo.',
    ],
  ])('[M3] keeps both people’s edits in different places of a text: %s', (_, base, mine, theirs, merged) => {
    expect(mergeText(base, mine, theirs)).toBe(merged);
  });

  it('[M3] keeps an insertion made inside a range the other person deleted', () => {
    const base = 'Llegamos tarde. El puente estaba cortado. Reunión a las 10.';
    const deleted = 'Llegamos tarde. Reunión a las 10.';
    const inserted = 'Llegamos tarde. El puente norte estaba cortado. Reunión a las 10.';
    expect(mergeText(base, deleted, inserted)).toBe('Llegamos tarde. norte Reunión a las 10.');
    expect(mergeText(base, inserted, deleted)).toBe('Llegamos tarde. norte Reunión a las 10.');
  });

  it('[M3] keeps both when both typed at the same spot, the colleague’s text first', () => {
    expect(mergeText('Acuerdos:', 'Acuerdos: revisar presupuesto.', 'Acuerdos: visitar el pozo.')).toBe(
      'Acuerdos: visitar el pozo. revisar presupuesto.',
    );
  });

  it('[M3] takes the other side when one side left the text as it started', () => {
    expect(mergeText('Nota', 'Nota', 'Nota breve')).toBe('Nota breve');
    expect(mergeText('Nota', 'Nota larga', 'Nota')).toBe('Nota larga');
    expect(mergeText('Nota', 'Nota igual', 'Nota igual')).toBe('Nota igual');
    expect(mergeText('', '', '')).toBe('');
  });

  it.prop([anyText, anyText])('[M3] returns the user’s text when the colleague changed nothing', (b, m) => {
    expect(mergeText(b, m, b)).toBe(m);
  });

  it.prop([anyText, anyText])('[M3] returns the colleague’s text when the user changed nothing', (b, t) => {
    expect(mergeText(b, b, t)).toBe(t);
  });

  it.prop([anyText, anyText])('[M3] returns the common text when both made the same change', (b, x) => {
    expect(mergeText(b, x, x)).toBe(x);
  });

  it.prop([segment, segment, segment, segment, segment, segment])(
    '[M3] keeps both people’s edits in different places of a text',
    (p, userP, qa, qb, r, theirR) => {
      const q = `${qa}|${qb}`;
      expect(mergeText(p + q + r, userP + q + r, p + q + theirR)).toBe(userP + q + theirR);
    },
  );

  it.prop([
    fc.string({ unit: fc.constantFrom('a', 'b', ' ', '😀') }),
    fc.string({ unit: fc.constantFrom('x', 'y', '🚰'), minLength: 1 }),
    fc.string({ unit: fc.constantFrom('x', 'z', '𐀀'), minLength: 1 }),
    fc.nat(),
    fc.nat(),
  ])('[M3] keeps every inserted run of text, even at the same spot', (base, userRun, theirRun, i, j) => {
    // Cut only between code points so the inputs themselves stay well formed.
    const points = [...base];
    const at = (n: number): number => points.slice(0, n % (points.length + 1)).join('').length;
    const [ui, ti] = [at(i), at(j)];
    const mine = base.slice(0, ui) + userRun + base.slice(ui);
    const theirs = base.slice(0, ti) + theirRun + base.slice(ti);
    const merged = mergeText(base, mine, theirs);
    expect(merged).toContain(userRun);
    expect(merged).toContain(theirRun);
    // Nothing else is lost or doubled: only the very same run typed at the very same spot counts once.
    const once = ui === ti && userRun === theirRun;
    expect(merged.length).toBe(base.length + theirRun.length + (once ? 0 : userRun.length));
  });

  it.prop([tricky, tricky, tricky])('[M3] never splits an emoji in the merged text', (b, m, t) => {
    expect(LONE_SURROGATE.test(mergeText(b, m, t))).toBe(false);
  });

  it.prop([fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })])(
    '[M3] never throws, whatever the texts',
    (b, m, t) => {
      expect(typeof mergeText(b, m, t)).toBe('string');
    },
  );
});
