import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, putRecords } from '../../test/helpers/db';
import { sampleRecords } from '../../test/helpers/records';
import type { HistoryDb } from './db';
import { allArticles, articleDetail, articleRecords, deleteEverything, exportBatch } from './ui-history';

let db: HistoryDb;
let bbc: string;
const MARKUP = 'https://example.org/news/markup';
beforeEach(async () => {
  db = await freshDb('ui-history');
  const records = await sampleRecords();
  bbc = records.articles.find((a) => a.site === 'bbc.co.uk')?.url ?? '';
  await putRecords(db, records);
});
afterEach(() => db.close());

describe('ui-history', () => {
  it('lists every article summary', async () => {
    const urls = (await allArticles(db)).map((a) => a.url).sort();
    expect(urls).toEqual([bbc, MARKUP].sort());
  });

  it('gives one article with its versions oldest first, or null', async () => {
    const url = bbc;
    const detail = await articleDetail(db, url);
    expect(detail?.article.url).toBe(url);
    expect(detail?.versions.map((v) => v.firstSeen)).toEqual(
      [...(detail?.versions ?? [])].map((v) => v.firstSeen).sort((a, b) => a - b),
    );
    expect(detail?.versions).toHaveLength(2);
    expect(await articleDetail(db, 'https://nowhere.test/')).toBeNull();
  });

  it('exports in URL-ordered batches that together hold every record', async () => {
    // Code-unit order, as the export sorts: "http://www.bbc..." comes before "https://example.org...".
    const [firstUrl, secondUrl] = [bbc, MARKUP].sort();
    const first = await exportBatch(db, null, 1);
    expect(first.records.articles.map((a) => a.url)).toEqual([firstUrl]);
    expect(first.next).toBe(firstUrl);
    const second = await exportBatch(db, first.next, 1);
    expect(second.records.articles.map((a) => a.url)).toEqual([secondUrl]);
    expect(first.records.versions.length + second.records.versions.length).toBe(3);
    expect(second.next).toBeNull();
    const all = await exportBatch(db, null, 10);
    expect(all.next).toBeNull();
    expect(all.records.versions).toHaveLength(3);
    expect(all.records.visits.length).toBe(await db.count('visits'));
  });

  it('gives the records of one article, for "export this article"', async () => {
    const records = await articleRecords(db, MARKUP);
    expect(records.articles).toHaveLength(1);
    expect(records.versions).toHaveLength(1);
    expect(await articleRecords(db, 'https://nowhere.test/')).toEqual({
      articles: [],
      versions: [],
      visits: [],
    });
  });

  it('deletes everything and says how many articles there were', async () => {
    expect(await deleteEverything(db)).toBe(2);
    expect([await db.count('articles'), await db.count('versions'), await db.count('visits')]).toEqual([
      0, 0, 0,
    ]);
  });
});
