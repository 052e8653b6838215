import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpRecords, freshDb } from '../../test/helpers/db';
import type { HistoryDb } from '../background/db';
import { serialize, toExport } from '../core/export';
import { versionHash } from '../core/hash';
import type { StoredArticle, StoredVersion } from '../core/history';
import { importFile, readFileText } from './importFile';

let db: HistoryDb;
beforeEach(async () => {
  db = await freshDb('import-file');
});
afterEach(() => db.close());

async function historyFile(count: number): Promise<string> {
  const articles: StoredArticle[] = [];
  const versions: StoredVersion[] = [];
  for (let i = 0; i < count; i++) {
    const url = `https://news.test/${i}`;
    const title = `Story ${i} — über 東京`;
    const paragraphs = [{ text: `Paragraph ${i}: ${'ä'.repeat(100)}`, kind: 'p' as const }];
    const at = Date.UTC(2026, 0, 1) + i;
    versions.push({
      url,
      hash: await versionHash({ title, paragraphs: paragraphs.map((p) => p.text) }),
      title,
      paragraphs,
      byline: null,
      publishedTime: null,
      firstSeen: at,
      lastSeen: at,
    });
    articles.push({
      url,
      site: 'news.test',
      title,
      lang: 'en',
      firstSeen: at,
      lastSeen: at,
      lastChanged: at,
      versionCount: 1,
    });
  }
  return serialize(toExport({ articles, versions, visits: [] }));
}

describe('importFile', () => {
  it('reads a file in many slices and imports it whole', async () => {
    const text = await historyFile(20);
    const progress: number[] = [];
    expect(await readFileText(new Blob([text]), { chunkBytes: 257 })).toBe(text);
    const outcome = await importFile(db, new Blob([text]), {
      chunkBytes: 257,
      onProgress: (p) => progress.push(p),
    });
    expect(outcome).toMatchObject({ imported: true, report: { articlesAdded: 20 } });
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)).toBe(1);
    expect((await dumpRecords(db)).articles).toHaveLength(20);
  });

  it('writes nothing when any part of the file is wrong, however far in', async () => {
    const text = await historyFile(20);
    const tampered = text.replace('Paragraph 19', 'Paragraph 91');
    const outcome = await importFile(db, new Blob([tampered]), { chunkBytes: 257 });
    expect(outcome.imported).toBe(false);
    expect(!outcome.imported && outcome.errors.join(' ')).toMatch(/hash/);
    expect(await dumpRecords(db)).toEqual({ articles: [], versions: [], visits: [] });
  });

  it('says an empty file is empty', async () => {
    expect(await importFile(db, new Blob([]))).toEqual({ imported: false, errors: ['the file is empty'] });
  });
});
