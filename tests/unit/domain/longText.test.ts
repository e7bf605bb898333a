// Long texts edited a part at a time: the parts' bounds, the one edit a keystroke makes, and that such an edit
// merges by character with a colleague's (M3).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sectionAround, sectionBefore, sectionFrom } from '../../../src/domain/textSections.ts';
import { applyTextEdits } from '../../../src/domain/textMerge.ts';
import { sectionEdit } from '../../../src/ui/components/mission/LongNoteText.tsx';
import {
  createMission,
  createRecord,
  editRecordText,
  readRecord,
  recordsRoot,
  updateRecord,
  type Stamp,
} from '../../../src/storage/missionDoc.ts';

const LINE = `${'x'.repeat(99)}\n`;
const TEXT = LINE.repeat(100); // 10,000 characters, a line break every 100

describe('text sections', () => {
  it('ends a part after the line break that follows its size', () => {
    expect(sectionFrom(TEXT, 0, 1000)).toEqual({ start: 0, end: 1100 });
    expect(sectionFrom(TEXT, 9500, 1000)).toEqual({ start: 9500, end: 10_000 });
  });

  it('finds the part before one, starting on a line', () => {
    expect(sectionBefore(TEXT, 2000, 1000)).toEqual({ start: 1000, end: 2000 });
    expect(sectionBefore(TEXT, 500, 1000)).toEqual({ start: 0, end: 500 });
  });

  it('finds a part holding a match, starting on a line before it', () => {
    const part = sectionAround(TEXT, 5050, 10, 1000);
    expect(part.start).toBeLessThanOrEqual(5050);
    expect(part.end).toBeGreaterThanOrEqual(5060);
    expect(TEXT[part.start - 1]).toBe('\n');
  });

  it('never puts a bound inside a character made of two units', () => {
    const text = `${'a'.repeat(999)}👍${'b'.repeat(2000)}`;
    const part = sectionFrom(text, 0, 1000);
    expect(part.end).toBe(1001);
  });
});

describe('sectionEdit', () => {
  it('is the one change a keystroke made, placed in the whole text', () => {
    const edit = sectionEdit('hola mundo', 'hola, mundo', 500);
    expect(edit).toEqual({ index: 504, remove: 0, insert: ',' });
    expect(sectionEdit('igual', 'igual', 0)).toBeNull();
  });

  it('replaces a whole emoji, never half of one', () => {
    const edit = sectionEdit('a👍b', 'a👎b', 0)!;
    expect(edit.index).toBe(1);
    expect(edit.remove).toBe(2);
    expect(applyTextEdits('a👍b', [edit])).toBe('a👎b');
  });
});

describe('editRecordText', () => {
  const stamp = (name: string): Stamp => ({
    actor: { name, device: `device-${name}` },
    now: '2024-01-01T00:00:00.000Z',
  });

  it('merges a keystroke in a long note with a colleague’s edit of the same note', () => {
    const a = new Y.Doc();
    createMission(a, { title: 'Jama', hostCanton: 'EC1320' }, stamp('Anna'));
    createRecord(a, 'note', 'n1', { text: 'Malecón de Jama.' }, stamp('Anna'));
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));

    editRecordText(a, 'note', 'n1', 'text', { index: 16, remove: 0, insert: ' Revisado.' }, stamp('Anna'));
    updateRecord(b, 'note', 'n1', { text: 'El malecón de Jama.' }, stamp('Berta'), {
      text: 'Malecón de Jama.',
    });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));

    const read = (doc: Y.Doc) => readRecord('note', recordsRoot(doc, 'note').get('n1')!, 'n1');
    expect(read(a).text).toBe('El malecón de Jama. Revisado.');
    expect(read(b).text).toBe(read(a).text);
    expect(read(b).updatedBy).toBe(read(a).updatedBy);
  });
});
