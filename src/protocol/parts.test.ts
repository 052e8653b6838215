import { describe, expect, it } from 'vitest';
import { chunkLists, joinLists } from './parts';

describe('chunkLists and joinLists', () => {
  const lists = {
    texts: Array.from({ length: 500 }, (_, i) => `Paragraph ${i}.`),
    numbers: Array.from({ length: 300 }, (_, i) => ({ at: i })),
  };

  it('leaves lists that fit in one part alone', () => {
    expect(chunkLists(lists, 1_000_000)).toBeNull();
  });

  it('cuts lists into parts of bounded size that join back in order', () => {
    const parts = chunkLists(lists, 1024);
    if (!parts) throw new Error('expected parts');
    expect(parts.length).toBeGreaterThan(10);
    for (const part of parts) expect(JSON.stringify(part).length).toBeLessThanOrEqual(1024);
    expect(joinLists({ texts: [], numbers: [] }, parts)).toEqual(lists);
    // What the head already holds comes first.
    expect(joinLists({ texts: ['first'], numbers: [] }, parts).texts[0]).toBe('first');
  });

  it('gives an item larger than a part a part of its own', () => {
    const big = { texts: ['x'.repeat(3000), 'small', 'y'.repeat(3000)] };
    const parts = chunkLists(big, 1024);
    expect(parts).toEqual([
      { texts: ['x'.repeat(3000)] },
      { texts: ['small'] },
      { texts: ['y'.repeat(3000)] },
    ]);
  });
});
