import { describe, expect, it } from 'vitest';
import { groupByUrl } from './groupByUrl';

describe('groupByUrl', () => {
  it('groups records by url in first-seen order, keeping each group in input order', () => {
    const groups = groupByUrl([
      { url: 'https://b.test/1', n: 1 },
      { url: 'https://a.test/1', n: 2 },
      { url: 'https://b.test/1', n: 3 },
    ]);
    expect([...groups.keys()]).toEqual(['https://b.test/1', 'https://a.test/1']);
    expect(groups.get('https://b.test/1')?.map((r) => r.n)).toEqual([1, 3]);
    expect(groups.get('https://a.test/1')?.map((r) => r.n)).toEqual([2]);
  });

  it('is empty for no records', () => {
    expect(groupByUrl([]).size).toBe(0);
  });
});
