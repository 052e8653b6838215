import { describe, expect, it } from 'vitest';
import type { StoredArticle } from '../core/history';
import { byEdit } from './editFilter';

const article = (url: string): StoredArticle => ({
  url,
  site: 'news.test',
  title: url,
  lang: null,
  firstSeen: 1,
  lastSeen: 1,
  lastChanged: 1,
  versionCount: 2,
});

describe('byEdit', () => {
  const list = [article('a'), article('b'), article('c')];
  const edits = { a: { silent: true, corrected: false }, b: { silent: true, corrected: true } };
  it('filters to silent edits and to corrected articles, keeping the order', () => {
    expect(byEdit(list, 'all', null)).toBe(list);
    expect(byEdit(list, 'silent', edits).map((a) => a.url)).toEqual(['a', 'b']);
    expect(byEdit(list, 'corrected', edits).map((a) => a.url)).toEqual(['b']);
    expect(byEdit(list, 'silent', null)).toEqual([]);
  });
});
