import { describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION } from '../../core/extract';
import { countsText, judgeFetched, noticeText, type StoredText, TEASER_SHARE } from './judge';

const para = (n: number, extra = '') =>
  `Paragraph ${n} of the story tells the reader what happened on the day, in some detail${extra}.`;
const story = (count: number): string[] => Array.from({ length: count }, (_, i) => para(i + 1));
const stored = (paragraphs: string[], title = 'Headline'): StoredText => ({
  title,
  paragraphs,
  extractor: EXTRACTOR_VERSION,
});

describe('judgeFetched', () => {
  const seen = stored(story(10));

  it('finds the same text the same', () => {
    expect(judgeFetched(seen, seen, { title: 'Headline', paragraphs: story(10) }, EXTRACTOR_VERSION)).toEqual(
      {
        kind: 'same',
      },
    );
  });

  it('counts an edit against the version the reader saw, not the newest fetched one', () => {
    const fetchedOnce = story(10);
    fetchedOnce[2] = para(3, ', the police said later');
    const newest = stored(fetchedOnce);
    const now = [
      ...fetchedOnce,
      'A new paragraph at the end of the story adds what the minister said tonight.',
    ];
    expect(judgeFetched(newest, seen, { title: 'Headline', paragraphs: now }, EXTRACTOR_VERSION)).toEqual({
      kind: 'edited',
      counts: { added: 1, removed: 0, reworded: 1, moved: 0, headline: false },
    });
  });

  it('takes a page that kept only a teaser of the article for a paywall: could not check, not an edit', () => {
    const teaser = { title: 'Headline', paragraphs: [...story(2), 'Subscribe to keep reading.'] };
    const judged = judgeFetched(seen, seen, teaser, EXTRACTOR_VERSION);
    expect(judged.kind).toBe('teaser');
    // A real cut that keeps most of the story is an edit.
    const cut = { title: 'Headline', paragraphs: story(10).slice(0, 7) };
    expect(judgeFetched(seen, seen, cut, EXTRACTOR_VERSION).kind).toBe('edited');
    expect(TEASER_SHARE).toBeLessThan(0.7);
  });

  it('does not count what another extractor would explain (additions) as an edit', () => {
    const older = { ...seen, extractor: EXTRACTOR_VERSION - 1 };
    const added = { title: 'Headline', paragraphs: [...story(10), 'Related: more stories from the region.'] };
    expect(judgeFetched(older, older, added, EXTRACTOR_VERSION)).toEqual({ kind: 'same' });
  });
});

describe('notice text', () => {
  it('reads as the issue words it', () => {
    expect(
      noticeText('Aleppo battle', { added: 1, removed: 0, reworded: 2, moved: 0, headline: false }),
    ).toBe('Edited since you read it: Aleppo battle \u2014 2 reworded, 1 added');
    expect(countsText({ added: 0, removed: 3, reworded: 0, moved: 1, headline: true })).toBe(
      'headline changed, 3 removed, 1 moved',
    );
  });
});
