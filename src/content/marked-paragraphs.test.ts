import { describe, expect, it } from 'vitest';
import type { IgnoreRule } from '../core/ignore';
import type { AlignResult } from '../core/model';
import { paragraphsToMark } from './marked-paragraphs';

const stats = { unchanged: 0, added: 0, removed: 0, reworded: 0, moved: 0 };
const title = { changed: false, old: 'T', new: 'T', words: [] };

function result(
  kinds: ('unchanged' | 'added' | 'moved' | 'reworded')[],
  removedBefore: number[] = [],
): AlignResult {
  return {
    title,
    stats,
    capped: false,
    paragraphs: kinds.map((kind, i) =>
      kind === 'added'
        ? { kind, newIndex: i }
        : kind === 'reworded'
          ? { kind, newIndex: i, oldIndex: i, moved: false, similarity: 0.8, words: [] }
          : { kind, newIndex: i, oldIndex: i },
    ),
    removed: removedBefore.map((before, k) => ({ oldIndex: 100 + k, text: 'gone', before })),
  };
}

const rule = (kind: IgnoreRule['kind']): IgnoreRule => ({
  id: 1,
  kind,
  pattern: kind === 'selector' ? '.ad' : 'Advertisement',
  site: 'news.test',
  created: 0,
});

describe('paragraphsToMark', () => {
  it('asks for the changed paragraphs, where removed ones go back, notices and the first paragraph', () => {
    const kinds = [
      'unchanged',
      'unchanged',
      'added',
      'unchanged',
      'reworded',
      'moved',
      'unchanged',
      'unchanged',
    ] as const;
    const wanted = paragraphsToMark(
      result([...kinds], [1, 8]),
      8,
      [{ index: 6, kind: 'correction', text: 'x' }],
      [],
    );
    expect([...(wanted ?? [])].sort((a, b) => a - b)).toEqual([0, 1, 2, 4, 5, 6, 7]);
  });

  it('asks for every paragraph when a selector rule is to be tested on the elements', () => {
    expect(paragraphsToMark(result(['added']), 1, [], [rule('selector')])).toBeUndefined();
    expect(paragraphsToMark(result(['added']), 1, [], [rule('text')])).toEqual(new Set([0]));
  });

  it('asks for nothing on a page without paragraphs but the headline', () => {
    expect(paragraphsToMark(result([], [0]), 0, [], [])).toEqual(new Set());
  });
});
