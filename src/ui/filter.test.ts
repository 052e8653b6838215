import { describe, expect, it } from 'vitest';
import type { StoredArticle } from '../core/history';
import { filterArticles, indexArticles, visibleRange } from './filter';

function article(i: number, title: string, site: string, lastChanged: number): StoredArticle {
  return {
    url: `https://${site}/story-${i}`,
    site,
    title,
    lang: 'en',
    firstSeen: 0,
    lastSeen: lastChanged,
    lastChanged,
    versionCount: 1,
  };
}

const sample = [
  article(1, 'Aleppo evacuation halted', 'bbc.co.uk', 300),
  article(2, 'Election results', 'nytimes.com', 500),
  article(3, 'Aleppo: what we know', 'theguardian.com', 100),
];

describe('filterArticles', () => {
  it('sorts by most recently changed', () => {
    expect(indexArticles(sample).articles.map((a) => a.title)).toEqual([
      'Election results',
      'Aleppo evacuation halted',
      'Aleppo: what we know',
    ]);
  });

  it('matches every word of the query in headline or site, any case', () => {
    const index = indexArticles(sample);
    expect(filterArticles(index, 'ALEPPO').map((a) => a.site)).toEqual(['bbc.co.uk', 'theguardian.com']);
    expect(filterArticles(index, 'aleppo bbc').map((a) => a.site)).toEqual(['bbc.co.uk']);
    expect(filterArticles(index, '  ')).toHaveLength(3);
    expect(filterArticles(index, 'nothing-like-this')).toEqual([]);
  });

  it('handles 10,000 articles', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      article(i, `Headline number ${i}`, i % 2 ? 'odd.test' : 'even.test', i),
    );
    const index = indexArticles(many);
    expect(index.articles[0]?.title).toBe('Headline number 9999');
    const expected = many.filter((a, i) => a.site === 'odd.test' && String(i).includes('999'));
    expect(filterArticles(index, 'odd 999')).toHaveLength(expected.length);
    expect(expected.length).toBe(14);
  });
});

describe('visibleRange', () => {
  it('covers the rows in view plus the overscan, within bounds', () => {
    expect(visibleRange(0, 600, 60, 10_000, 5)).toEqual({ start: 0, end: 16 });
    expect(visibleRange(6000, 600, 60, 10_000, 5)).toEqual({ start: 95, end: 116 });
    expect(visibleRange(1e9, 600, 60, 20, 5)).toEqual({ start: Math.floor(1e9 / 60) - 5, end: 20 });
    expect(visibleRange(0, 600, 60, 3)).toEqual({ start: 0, end: 3 });
  });
});
