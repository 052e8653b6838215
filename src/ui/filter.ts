/**
 * The history page's article list: sorted by most recently changed, filtered by a search over headline and site.
 * Built for 10,000 articles: the lower-cased search text is computed once per list, and a search is one pass of
 * `includes` over it.
 */
import type { StoredArticle } from '../core/history';

export interface ArticleIndex {
  /** Most recently changed first. */
  articles: StoredArticle[];
  /** haystacks[i] is the search text of articles[i]. */
  haystacks: string[];
}

export function indexArticles(articles: readonly StoredArticle[]): ArticleIndex {
  const sorted = [...articles].sort(
    (a, b) => b.lastChanged - a.lastChanged || b.lastSeen - a.lastSeen || (a.url < b.url ? -1 : 1),
  );
  return { articles: sorted, haystacks: sorted.map((a) => `${a.title}\n${a.site}\n${a.url}`.toLowerCase()) };
}

/** Articles whose headline, site or address contain every word of `query` (any order, any case). */
export function filterArticles(index: ArticleIndex, query: string): StoredArticle[] {
  const terms = query
    .toLowerCase()
    .split(/\s+/)
    .filter((term) => term !== '');
  if (terms.length === 0) return index.articles;
  const found: StoredArticle[] = [];
  index.articles.forEach((article, i) => {
    const haystack = index.haystacks[i] ?? '';
    if (terms.every((term) => haystack.includes(term))) found.push(article);
  });
  return found;
}

/** The rows a virtual list renders: those in view plus `overscan` above and below. */
export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = 5,
): { start: number; end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const inView = Math.ceil(viewportHeight / rowHeight) + 1;
  return { start: Math.max(0, first - overscan), end: Math.min(count, first + inView + overscan) };
}
