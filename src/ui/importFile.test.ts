import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryDb } from '../background/db';
import { importHistory } from '../background/ui-import';
import { dumpRecords, freshDb } from '../background/ui-testing';
import { ImportUploads } from '../background/ui-upload';
import { serialize, toExport } from '../core/export';
import { versionHash } from '../core/hash';
import type { StoredArticle, StoredVersion } from '../core/history';
import { type ImportSend, importFile } from './importFile';

let db: HistoryDb;
let uploads: ImportUploads;
let parts: number;
beforeEach(async () => {
  db = await freshDb('import-file');
  uploads = new ImportUploads(() => 0);
  parts = 0;
});
afterEach(() => db.close());

/** The background's side, as ui-handlers.ts wires it, without the message passing. */
const background: ImportSend = {
  part: async ({ upload, index, text }) => {
    parts += 1;
    return { chars: uploads.add(upload, index, text) };
  },
  end: async ({ upload }) => importHistory(db, uploads.take(upload)),
};

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
  it('sends a file in many pieces and imports it whole', async () => {
    const text = await historyFile(20);
    const progress: number[] = [];
    const outcome = await importFile(new Blob([text]), background, {
      chunkBytes: 257,
      onProgress: (p) => progress.push(p),
    });
    expect(outcome).toMatchObject({ imported: true, report: { articlesAdded: 20 } });
    expect(parts).toBeGreaterThan(10);
    expect(progress.at(-1)).toBe(1);
    expect(uploads.size).toBe(0);
    expect((await dumpRecords(db)).articles).toHaveLength(20);
  });

  it('writes nothing when any piece of the file is wrong, however far in', async () => {
    const text = await historyFile(20);
    const tampered = text.replace('Paragraph 19', 'Paragraph 91');
    const outcome = await importFile(new Blob([tampered]), background, { chunkBytes: 257 });
    expect(outcome.imported).toBe(false);
    expect(!outcome.imported && outcome.errors.join(' ')).toMatch(/hash/);
    expect(await dumpRecords(db)).toEqual({ articles: [], versions: [], visits: [] });
  });

  it('says an empty file is empty', async () => {
    const outcome = await importFile(new Blob([]), background);
    expect(outcome).toEqual({ imported: false, errors: ['the file is empty'] });
  });
});
