import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/helpers/db';
import type { Article } from '../core/model';
import type { HistoryDb } from './db';
import { recordArticle } from './record';
import { applyRetention } from './ui-retention';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 0, 1);

function article(url: string, words: string): Article {
  return {
    url,
    title: `Story ${url}`,
    lang: 'en',
    byline: null,
    siteName: null,
    publishedTime: null,
    paragraphs: [{ text: `The text says ${words}.`, kind: 'p' }],
  };
}

let db: HistoryDb;
beforeEach(async () => {
  db = await freshDb('ui-retention');
});
afterEach(() => db.close());

async function versionTexts(url: string): Promise<string[]> {
  const versions = await db.getAllFromIndex('versions', 'url', url);
  return versions.map((v) => v.paragraphs[0]?.text ?? '');
}

describe('applyRetention', () => {
  it('keeps only the newest versions of the captured article and updates its count', async () => {
    const url = 'https://news.test/a';
    for (const [i, words] of ['one', 'two', 'three', 'four'].entries()) {
      await recordArticle(db, article(url, words), T0 + i * DAY);
    }
    const report = await applyRetention(db, { keepVersions: 2, keepDays: null }, T0 + 4 * DAY, url);
    expect(report).toEqual({ articlesDeleted: 0, versionsDeleted: 2 });
    expect(await versionTexts(url)).toEqual(['The text says three.', 'The text says four.']);
    expect((await db.get('articles', url))?.versionCount).toBe(2);
    // Visits are the record of reading and stay.
    expect(await db.countFromIndex('visits', 'url', url)).toBe(4);
  });

  it('leaves other articles alone when applied after one capture, and prunes all of them when url is null', async () => {
    const a = 'https://news.test/a';
    const b = 'https://news.test/b';
    for (const [i, words] of ['one', 'two', 'three'].entries()) {
      await recordArticle(db, article(a, words), T0 + i);
      await recordArticle(db, article(b, words), T0 + i);
    }
    await applyRetention(db, { keepVersions: 1, keepDays: null }, T0 + 10, a);
    expect(await versionTexts(a)).toEqual(['The text says three.']);
    expect(await versionTexts(b)).toHaveLength(3);
    const report = await applyRetention(db, { keepVersions: 1, keepDays: null }, T0 + 10, null);
    expect(report.versionsDeleted).toBe(2);
    expect(await versionTexts(b)).toEqual(['The text says three.']);
  });

  it('forgets articles not read within keepDays, with their versions and visits', async () => {
    const old = 'https://news.test/old';
    const recent = 'https://news.test/recent';
    await recordArticle(db, article(old, 'old'), T0);
    await recordArticle(db, article(old, 'older edit'), T0 + DAY);
    await recordArticle(db, article(recent, 'new'), T0 + 40 * DAY);
    const report = await applyRetention(db, { keepVersions: null, keepDays: 30 }, T0 + 45 * DAY, recent);
    expect(report).toEqual({ articlesDeleted: 1, versionsDeleted: 2 });
    expect(await db.get('articles', old)).toBeUndefined();
    expect(await db.countFromIndex('versions', 'url', old)).toBe(0);
    expect(await db.countFromIndex('visits', 'url', old)).toBe(0);
    expect(await db.get('articles', recent)).toBeDefined();
  });

  it('does nothing when both settings keep everything', async () => {
    const url = 'https://news.test/a';
    await recordArticle(db, article(url, 'one'), T0);
    await recordArticle(db, article(url, 'two'), T0 + 1);
    const report = await applyRetention(db, { keepVersions: null, keepDays: null }, T0 + 1000 * DAY, null);
    expect(report).toEqual({ articlesDeleted: 0, versionsDeleted: 0 });
    expect(await db.count('versions')).toBe(2);
  });

  it('lets the next capture still find the newest version after pruning', async () => {
    const url = 'https://news.test/a';
    await recordArticle(db, article(url, 'one'), T0);
    await recordArticle(db, article(url, 'two'), T0 + 1);
    await recordArticle(db, article(url, 'three'), T0 + 2);
    await applyRetention(db, { keepVersions: 1, keepDays: null }, T0 + 3, url);
    const outcome = await recordArticle(db, article(url, 'three'), T0 + 4);
    expect(outcome.status).toBe('unchanged');
  });
});
