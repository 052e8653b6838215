import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../core/model';
import { type HistoryDb, openHistory } from './db';
import { deleteArticle } from './queries';
import { recordArticle } from './record';

function article(url: string, text: string): Article {
  return {
    url,
    title: 'T',
    lang: null,
    byline: null,
    siteName: null,
    publishedTime: null,
    paragraphs: [{ text, kind: 'p' }],
  };
}

let db: HistoryDb;
let counter = 0;
beforeEach(async () => {
  counter += 1;
  db = await openHistory(`redline-queries-test-${counter}`);
});
afterEach(() => db.close());

describe('deleteArticle', () => {
  it('removes the article with all its versions and visits, and nothing else', async () => {
    await recordArticle(db, article('https://a.test/1', 'one'), 1);
    await recordArticle(db, article('https://a.test/1', 'two'), 2);
    await recordArticle(db, article('https://a.test/2', 'other'), 3);
    expect(await deleteArticle(db, 'https://a.test/1')).toBe(true);
    expect(await db.getAllKeys('articles')).toEqual(['https://a.test/2']);
    expect((await db.getAll('versions')).map((v) => v.url)).toEqual(['https://a.test/2']);
    expect((await db.getAll('visits')).map((v) => v.url)).toEqual(['https://a.test/2']);
  });

  it('says when there was nothing to delete', async () => {
    expect(await deleteArticle(db, 'https://a.test/none')).toBe(false);
  });
});
