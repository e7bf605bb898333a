// Merging the user's keystroke with a change from elsewhere that was not yet on screen, and mapping the caret.
import { describe, expect, it } from 'vitest';
import { mapPosition, rebaseEdit } from '../../../src/ui/hooks/useTextBinding.ts';

describe('text binding', () => {
  it('moves a caret after an insertion made before it', () => {
    expect(mapPosition(3, 'con el GAD', 'Reunión con el GAD')).toBe(11);
    expect(mapPosition(3, 'con el GAD', 'con el GAD y el PNUD')).toBe(3);
  });

  it('keeps both the keystroke and a remote change not yet shown', () => {
    expect(rebaseEdit('con el GAD', 'con el GAD.', 'Reunión con el GAD')).toBe('Reunión con el GAD.');
    expect(rebaseEdit('abc', 'abXc', 'abc')).toBe('abXc');
    expect(rebaseEdit('uno dos', 'uno', 'uno dos tres')).toBe('uno tres');
  });
});
