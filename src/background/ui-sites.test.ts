import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpRecords, freshDb, putRecords } from '../../test/helpers/db';
import type { StoredArticle, StoredVersion } from '../core/history';
import type { HistoryDb } from './db';
import { countSiteArticles, deleteSiteArticles } from './ui-sites';

function records(urls: string[]) {
  const articles: StoredArticle[] = urls.map((url, i) => ({
    url,
    site: new URL(url).hostname,
    title: `Story ${i}`,
    lang: 'en',
    firstSeen: i,
    lastSeen: i,
    lastChanged: i,
    versionCount: 1,
  }));
  const versions: StoredVersion[] = urls.map((url, i) => ({
    url,
    hash: `h${i}`,
    title: `Story ${i}`,
    paragraphs: [{ text: `Text ${i}.`, kind: 'p' }],
    byline: null,
    publishedTime: null,
    firstSeen: i,
    lastSeen: i,
  }));
  return { articles, versions, visits: urls.map((url, i) => ({ url, at: i, hash: `h${i}` })) };
}

let db: HistoryDb;
beforeEach(async () => {
  db = await freshDb('ui-sites');
  await putRecords(
    db,
    records([
      'https://www.blog.test/a',
      'https://live.blog.test/b',
      'https://myblog.test/c',
      'https://news.test/d',
    ]),
  );
});
afterEach(() => db.close());

describe('site articles', () => {
  it('counts and deletes every article of a site and its subdomains, with versions and visits', async () => {
    expect(await countSiteArticles(db, 'blog.test')).toBe(2);
    expect(await deleteSiteArticles(db, 'blog.test')).toBe(2);
    const left = await dumpRecords(db);
    expect(left.articles.map((a) => a.url)).toEqual(['https://myblog.test/c', 'https://news.test/d']);
    expect(left.versions.map((v) => v.url)).toEqual(['https://myblog.test/c', 'https://news.test/d']);
    expect(left.visits.map((v) => v.url)).toEqual(['https://myblog.test/c', 'https://news.test/d']);
    expect(await countSiteArticles(db, 'blog.test')).toBe(0);
  });

  it('deletes only the subdomain a rule names', async () => {
    expect(await deleteSiteArticles(db, 'live.blog.test')).toBe(1);
    expect((await dumpRecords(db)).articles.map((a) => a.url)).toContain('https://www.blog.test/a');
  });
});
