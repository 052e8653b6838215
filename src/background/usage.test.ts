import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/helpers/db';
import type { Article } from '../core/model';
import type { HistoryDb } from './db';
import { recordArticle } from './record';
import { enforceBudget, measureUsage } from './usage';

let db: HistoryDb;
beforeEach(async () => {
  db = await freshDb('usage');
});
afterEach(() => db.close());

function article(n: number, chars: number): Article {
  return {
    url: `https://news.test/${n}`,
    title: `Story ${n}`,
    lang: 'en',
    byline: null,
    siteName: null,
    publishedTime: null,
    paragraphs: [{ text: 'x'.repeat(chars), kind: 'p' }],
  };
}

describe('measureUsage', () => {
  it('counts articles, versions, visits and about two bytes per stored character', async () => {
    expect(await measureUsage(db)).toEqual({ bytes: 0, articles: 0, versions: 0, visits: 0 });
    await recordArticle(db, article(1, 10_000), 1000);
    await recordArticle(db, article(1, 10_000), 2000);
    const usage = await measureUsage(db);
    expect(usage).toMatchObject({ articles: 1, versions: 1, visits: 2 });
    expect(usage.bytes).toBeGreaterThan(20_000);
    expect(usage.bytes).toBeLessThan(21_000);
  });
});

describe('enforceBudget', () => {
  it('forgets nothing within the budget', async () => {
    await recordArticle(db, article(1, 1000), 1000);
    expect(await enforceBudget(db, 1_000_000, null)).toEqual({ articlesDeleted: 0, bytesFreed: 0 });
    expect(await db.count('articles')).toBe(1);
  });

  it('forgets least recently read first, with versions and visits, and never the article on screen', async () => {
    await recordArticle(db, article(1, 10_000), 3000);
    await recordArticle(db, article(2, 10_000), 1000);
    await recordArticle(db, article(3, 10_000), 2000);
    const report = await enforceBudget(db, 45_000, 'https://news.test/2');
    expect(report.articlesDeleted).toBe(1);
    expect(await db.getAllKeys('articles')).toEqual(['https://news.test/1', 'https://news.test/2']);
    expect(await db.count('versions')).toBe(2);
    expect(await db.count('visits')).toBe(2);
    expect((await measureUsage(db)).bytes).toBeLessThanOrEqual(45_000);
  });
});
