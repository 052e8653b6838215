import { describe, expect, it } from 'vitest';
import type { WordChange } from '../model';
import { TokenIds } from './segment';
import { cutByNewParts, diffTexts, diffWords, type TokenEdit, toRuns } from './wordDiff';

const newSide = (words: WordChange[]) =>
  words
    .filter((w) => w.op !== 'delete')
    .map((w) => w.text)
    .join('');
const oldSide = (words: WordChange[]) =>
  words
    .filter((w) => w.op !== 'insert')
    .map((w) => w.text)
    .join('');

describe('diffWords', () => {
  it('marks changed words and keeps the rest equal', () => {
    const oldText =
      'But latest reports from the city say the rebel enclave is being hit by repeated air strikes.';
    const newText =
      'Latest reports from the city say the rebel enclave is being hit by repeated air and rocket strikes.';
    const { words, capped } = diffWords(oldText, newText);
    expect(capped).toBe(false);
    expect(words).toEqual([
      { op: 'delete', text: 'But latest ' },
      { op: 'insert', text: 'Latest ' },
      { op: 'equal', text: 'reports from the city say the rebel enclave is being hit by repeated air' },
      { op: 'insert', text: ' and rocket' },
      { op: 'equal', text: ' strikes.' },
    ]);
    expect(newSide(words)).toBe(newText);
    expect(oldSide(words)).toBe(oldText);
  });

  it('reports quote style, nbsp and doubled apostrophes as equal, in the new spelling', () => {
    expect(diffWords('He said "no" to it', 'He said \u201cno\u201d\u00a0to it').words).toEqual([
      { op: 'equal', text: 'He said \u201cno\u201d\u00a0to it' },
    ]);
    expect(diffWords("He said ''no'' to it", 'He said "no" to it').words).toEqual([
      { op: 'equal', text: 'He said "no" to it' },
    ]);
  });

  it('joins word/space/word fragments of one change into one deletion and one insertion', () => {
    expect(diffWords('one a b c two', 'one x y z two').words).toEqual([
      { op: 'equal', text: 'one ' },
      { op: 'delete', text: 'a b c' },
      { op: 'insert', text: 'x y z' },
      { op: 'equal', text: ' two' },
    ]);
  });

  it('diffs Chinese and Japanese word by word', () => {
    expect(diffWords('我们今天去北京大学看看。', '我们明天去北京大学看看。').words).toEqual([
      { op: 'equal', text: '我们' },
      { op: 'delete', text: '今天' },
      { op: 'insert', text: '明天' },
      { op: 'equal', text: '去北京大学看看。' },
    ]);
    const ja = diffWords('東京で会議が開かれた。', '大阪で会議が開かれた。').words;
    expect(ja.filter((w) => w.op !== 'equal').map((w) => w.text)).toEqual(['東京', '大阪']);
  });

  it('handles empty sides', () => {
    expect(diffWords('', '').words).toEqual([]);
    expect(diffWords('', 'new words').words).toEqual([{ op: 'insert', text: 'new words' }]);
    expect(diffWords('old words', '').words).toEqual([{ op: 'delete', text: 'old words' }]);
  });

  it('falls back to one deletion and one insertion past the edit cap, and says so', () => {
    const oldText = Array.from({ length: 5000 }, (_, i) => `old${i}`).join(' ');
    const newText = Array.from({ length: 5000 }, (_, i) => `new${i}`).join(' ');
    const result = diffWords(`Same start. ${oldText} Same end.`, `Same start. ${newText} Same end.`, {
      maxEditLength: 100,
    });
    expect(result.capped).toBe(true);
    expect(result.words.map((w) => w.op)).toEqual(['equal', 'delete', 'insert', 'equal']);
    expect(newSide(result.words)).toBe(`Same start. ${newText} Same end.`);
    expect(oldSide(result.words)).toBe(`Same start. ${oldText} Same end.`);
  });

  it('caps a huge rewrite under the default caps instead of running away', () => {
    const oldText = Array.from({ length: 3000 }, (_, i) => `before${i}`).join(' ');
    const newText = Array.from({ length: 3000 }, (_, i) => `after${i}`).join(' ');
    const result = diffWords(oldText, newText);
    expect(result.capped).toBe(true);
    expect(result.words).toEqual([
      { op: 'delete', text: oldText },
      { op: 'insert', text: newText },
    ]);
  });

  it('is not capped for an ordinary edit under the default caps', () => {
    const text = Array.from({ length: 300 }, (_, i) => `w${i}`).join(' ');
    expect(diffWords(text, text.replace('w150', 'changed')).capped).toBe(false);
  });
});

describe('diffTexts', () => {
  it('keeps the shared start and end whole, cut at a word boundary', () => {
    const { edits } = diffTexts('the cat sat on the mat', 'the cat sits on the mat', new TokenIds());
    expect(edits[0]).toEqual({ op: 'equal', text: 'the cat', old: 'the cat' });
    expect(edits.at(-1)).toEqual({ op: 'equal', text: ' on the mat', old: ' on the mat' });
    expect(toRuns(edits)).toEqual([
      { op: 'equal', text: 'the cat ' },
      { op: 'delete', text: 'sat' },
      { op: 'insert', text: 'sits' },
      { op: 'equal', text: ' on the mat' },
    ]);
  });

  it('never cuts inside a word that only starts the same', () => {
    const runs = toRuns(diffTexts('forecast', 'forever', new TokenIds()).edits);
    expect(runs).toEqual([
      { op: 'delete', text: 'forecast' },
      { op: 'insert', text: 'forever' },
    ]);
  });
});

describe('cutByNewParts', () => {
  it('cuts one diff into one per new part, dropping the joining space', () => {
    const parts = ['First part here.', 'Second part there.'];
    const { edits } = diffTexts('First part here. Second part here.', parts.join(' '), new TokenIds());
    const [one, two] = cutByNewParts(edits, [parts[0]!.length, parts[1]!.length]).map(toRuns);
    expect(one).toEqual([{ op: 'equal', text: 'First part here.' }]);
    expect(newSide(two!)).toBe('Second part there.');
    expect(two!.filter((w) => w.op !== 'equal')).toEqual([
      { op: 'delete', text: 'here' },
      { op: 'insert', text: 'there' },
    ]);
  });

  it('drops whitespace-only deletions at the edge of a part', () => {
    const edits: TokenEdit[] = [
      { op: 'equal', text: 'A.', old: 'A.' },
      { op: 'delete', text: ' ' },
      { op: 'insert', text: ' ' },
      { op: 'equal', text: 'B.', old: 'B.' },
    ];
    expect(cutByNewParts(edits, [2, 2]).map(toRuns)).toEqual([
      [{ op: 'equal', text: 'A.' }],
      [{ op: 'equal', text: 'B.' }],
    ]);
  });
});
