import { describe, expect, it } from 'vitest';
import { HOUR, makeVersion, sampleRecords, T0 } from '../../../test/helpers/records';
import type { HistoryRecords } from './format';
import { describeReport, mergeImport } from './mergeImport';
import { toExport } from './toExport';

const EMPTY: HistoryRecords = { articles: [], versions: [], visits: [] };

/** The store after writing a merge result: records are put by key, as the background does with idb. */
function apply(store: HistoryRecords, result: HistoryRecords): HistoryRecords {
  const articles = new Map(store.articles.map((a) => [a.url, a]));
  for (const a of result.articles) articles.set(a.url, a);
  const versions = new Map(store.versions.map((v) => [`${v.url} ${v.hash}`, v]));
  for (const v of result.versions) versions.set(`${v.url} ${v.hash}`, v);
  return {
    articles: [...articles.values()],
    versions: [...versions.values()],
    visits: [...store.visits, ...result.visits],
  };
}

describe('mergeImport', () => {
  it('adds everything to an empty store and reports it', async () => {
    const records = await sampleRecords();
    const result = mergeImport(EMPTY, toExport(records));
    expect(result.report).toEqual({
      articlesAdded: 2,
      articlesUpdated: 0,
      versionsAdded: 3,
      versionsUpdated: 0,
      visitsAdded: 5,
      duplicatesSkipped: 0,
    });
    expect(result.articles.map((a) => a.versionCount)).toEqual([2, 1]);
    expect(result.versions.every((v) => v.id === undefined)).toBe(true);
    expect(toExport(result)).toEqual(toExport(records));
  });

  it('imports the same file twice without duplicating anything', async () => {
    const doc = toExport(await sampleRecords());
    const store = apply(EMPTY, mergeImport(EMPTY, doc));
    const again = mergeImport(store, doc);
    expect(again.articles).toEqual([]);
    expect(again.versions).toEqual([]);
    expect(again.visits).toEqual([]);
    expect(again.report).toEqual({
      articlesAdded: 0,
      articlesUpdated: 0,
      versionsAdded: 0,
      versionsUpdated: 0,
      visitsAdded: 0,
      duplicatesSkipped: 8,
    });
  });

  it('merges an overlapping history: widens seen times, adds what is new, recomputes the summary', async () => {
    const records = await sampleRecords();
    const bbcUrl = records.articles[0]!.url;
    const [older, newer] = records.versions
      .filter((v) => v.url === bbcUrl)
      .sort((a, b) => a.firstSeen - b.firstSeen);
    // The store knows only the first version, seen later than the file says it was first seen.
    const store: HistoryRecords = {
      articles: [
        {
          ...records.articles[0]!,
          title: older!.title,
          firstSeen: T0 + HOUR / 2,
          lastSeen: T0 + HOUR,
          lastChanged: T0 + HOUR / 2,
          versionCount: 1,
          dismissedHash: older!.hash,
        },
      ],
      versions: [{ ...older!, id: 7, firstSeen: T0 + HOUR / 2 }],
      visits: [{ id: 1, url: bbcUrl, at: T0 + HOUR, hash: older!.hash }],
    };
    const doc = toExport(records);
    const result = mergeImport(store, doc);
    expect(result.report).toEqual({
      articlesAdded: 1,
      articlesUpdated: 1,
      versionsAdded: 2,
      versionsUpdated: 1,
      visitsAdded: 4,
      duplicatesSkipped: 2,
    });
    expect(result.versions.find((v) => v.id === 7)).toMatchObject({ firstSeen: T0, lastSeen: T0 + HOUR });
    expect(result.versions.filter((v) => v.url === bbcUrl && v.id === undefined)).toEqual(
      [newer!].map(({ id, ...v }) => v),
    );
    const article = result.articles.find((a) => a.url === bbcUrl)!;
    expect(article).toMatchObject({
      title: newer!.title,
      firstSeen: T0,
      lastSeen: newer!.lastSeen,
      lastChanged: newer!.firstSeen,
      versionCount: 2,
      // The reader's dismissal on this device survives an import.
      dismissedHash: older!.hash,
    });
    const merged = apply(store, result);
    expect(toExport(merged)).toEqual(toExport(records));
  });

  it('keeps the stored headline when the store saw the article more recently', async () => {
    const url = 'https://news.example/story';
    const v = await makeVersion(url, 'Old headline', [{ text: 'Text.', kind: 'p' }], T0, T0 + HOUR);
    const stored = {
      url,
      site: 'news.example',
      title: 'Headline seen last',
      lang: 'en',
      firstSeen: T0 + 10 * HOUR,
      lastSeen: T0 + 20 * HOUR,
      lastChanged: T0 + 10 * HOUR,
      versionCount: 3,
    };
    const doc = toExport({
      articles: [{ ...stored, title: 'Old headline', firstSeen: T0, lastSeen: T0 + HOUR, lastChanged: T0 }],
      versions: [v],
      visits: [],
    });
    const result = mergeImport({ articles: [stored], versions: [], visits: [] }, doc);
    expect(result.articles).toEqual([{ ...stored, firstSeen: T0, versionCount: 1 }]);
  });

  it('refuses a document whose times were not validated', () => {
    const doc = {
      format: 'redline-history' as const,
      version: 2 as const,
      articles: [
        {
          url: 'https://a.example/',
          site: 'a.example',
          title: 't',
          lang: null,
          firstSeen: 'now',
          lastSeen: 'now',
          lastChanged: 'now',
          versions: [],
          visits: [],
        },
      ],
    };
    expect(() => mergeImport(EMPTY, doc)).toThrow(/validate first/);
  });
});

describe('describeReport', () => {
  it('summarises a report in one sentence', () => {
    const base = { articlesUpdated: 0, versionsUpdated: 0 };
    expect(
      describeReport({ ...base, articlesAdded: 2, versionsAdded: 5, visitsAdded: 9, duplicatesSkipped: 3 }),
    ).toBe('Added 2 articles, 5 versions and 9 visits; 3 were already there.');
    expect(
      describeReport({ ...base, articlesAdded: 1, versionsAdded: 1, visitsAdded: 1, duplicatesSkipped: 1 }),
    ).toBe('Added 1 article, 1 version and 1 visit; 1 was already there.');
    expect(
      describeReport({ ...base, articlesAdded: 0, versionsAdded: 0, visitsAdded: 0, duplicatesSkipped: 0 }),
    ).toBe('Added 0 articles, 0 versions and 0 visits.');
  });
});
