import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dumpRecords, freshDb, putRecords } from '../../test/helpers/db';
import { article, HOUR, makeVersion, sampleRecords, T0 } from '../../test/helpers/records';
import { serialize, toExport } from '../core/export';
import type { StoredVersion } from '../core/history';
import type { HistoryDb } from './db';
import { recordArticle } from './record';
import { deleteEverything, exportBatch } from './ui-history';
import { IMPORT_STORAGE_FULL, importHistory, versionDeletes, versionWrites } from './ui-import';

let db: HistoryDb;
beforeEach(async () => {
  db = await freshDb('ui-import');
});
afterEach(() => db.close());

/** The export file of the whole store, as the history page builds it (batches, then one document). */
async function exportAll(limit = 1): Promise<string> {
  const records = { articles: [], versions: [], visits: [] } as Awaited<ReturnType<typeof dumpRecords>>;
  let after: string | null = null;
  do {
    const batch = await exportBatch(db, after, limit);
    records.articles.push(...batch.records.articles);
    records.versions.push(...batch.records.versions);
    records.visits.push(...batch.records.visits);
    after = batch.next;
  } while (after !== null);
  return serialize(toExport(records));
}

describe('importHistory', () => {
  it('round-trips: export, delete everything, import, export gives the same bytes', async () => {
    await putRecords(db, await sampleRecords());
    const first = await exportAll();
    expect(await deleteEverything(db)).toBe(2);
    expect(await db.count('versions')).toBe(0);
    const outcome = await importHistory(db, first);
    expect(outcome.imported).toBe(true);
    expect(await exportAll(200)).toBe(first);
  });

  it('reports what it added and adds nothing the second time', async () => {
    const text = serialize(toExport(await sampleRecords()));
    const once = await importHistory(db, text);
    if (!once.imported) throw new Error(once.errors.join('\n'));
    expect(once.report.articlesAdded).toBe(2);
    expect(once.report.versionsAdded).toBe(3);
    expect(once.summary).toMatch(/^Added 2 articles, 3 versions and \d+ visits/);
    const before = await dumpRecords(db);
    const twice = await importHistory(db, text);
    if (!twice.imported) throw new Error(twice.errors.join('\n'));
    expect(twice.report.versionsAdded).toBe(0);
    expect(twice.report.articlesAdded).toBe(0);
    expect(await dumpRecords(db)).toEqual(before);
  });

  it('keeps every distinct visit in order through a round trip: A → B → A stays three versions, A newest', async () => {
    const url = 'https://news.test/story';
    const page = (text: string) => ({
      url,
      title: 'Story',
      lang: 'en',
      byline: null,
      siteName: null,
      publishedTime: null,
      paragraphs: [{ text, kind: 'p' as const }],
    });
    await recordArticle(db, page('Text A.'), T0);
    await recordArticle(db, page('Text B.'), T0 + HOUR);
    await recordArticle(db, page('Text A.'), T0 + 2 * HOUR);
    const first = await exportAll();
    const file = JSON.parse(first) as { articles: { versions: { seen?: unknown[] }[] }[] };
    expect(file.articles[0]?.versions.map((v) => v.seen?.length)).toEqual([2, undefined]);

    await deleteEverything(db);
    const outcome = await importHistory(db, first);
    if (!outcome.imported) throw new Error(outcome.errors.join('\n'));
    expect(outcome.report.versionsAdded).toBe(3);
    const versions = await db.getAllFromIndex('versions', 'url', url);
    expect(versions.map((v) => [v.paragraphs[0]?.text, v.firstSeen])).toEqual([
      ['Text A.', T0],
      ['Text B.', T0 + HOUR],
      ['Text A.', T0 + 2 * HOUR],
    ]);
    expect((await db.get('articles', url))?.versionCount).toBe(3);
    expect(await exportAll()).toBe(first);

    // The same file again, or the pre-`seen` form of it, adds nothing.
    const again = await importHistory(db, first);
    if (!again.imported) throw new Error(again.errors.join('\n'));
    expect(again.report.versionsAdded).toBe(0);
    expect(await db.count('versions')).toBe(3);
  });

  it('round-trips an alternating A/B headline as two variant versions', async () => {
    const url = 'https://news.test/ab';
    const page = (title: string) => ({
      url,
      title,
      lang: 'en',
      byline: null,
      siteName: null,
      publishedTime: null,
      paragraphs: [{ text: 'Body.', kind: 'p' as const }],
    });
    for (let load = 0; load < 6; load++) {
      await recordArticle(db, page(load % 2 === 0 ? 'Headline A' : 'Headline B'), T0 + load * HOUR);
    }
    const first = await exportAll();
    expect(first.match(/"variant": true/g)).toHaveLength(2);
    await deleteEverything(db);
    const outcome = await importHistory(db, first);
    if (!outcome.imported) throw new Error(outcome.errors.join('\n'));
    const versions = await db.getAllFromIndex('versions', 'url', url);
    expect(versions.map((v) => [v.title, v.variant])).toEqual([
      ['Headline A', true],
      ['Headline B', true],
    ]);
    expect(await exportAll()).toBe(first);
    // After the restore a load of either variant is still a revisit, not an edit.
    expect((await recordArticle(db, page('Headline A'), T0 + 7 * HOUR)).status).toBe('unchanged');
  });

  it.each([
    ['malformed JSON', '{"format": "redline-history", "version": 1, "articles": [}', /not a valid JSON file/],
    ['a truncated file', '{"format": "redline-history", "version": 1, "articles": [', /incomplete/],
    ['another format', '{"format": "something-else", "version": 1, "articles": []}', /format/],
    ['an empty file', '   ', /empty/],
  ])('refuses %s with a message and writes nothing', async (_name, text, message) => {
    await putRecords(db, await sampleRecords());
    const before = await dumpRecords(db);
    const outcome = await importHistory(db, text);
    expect(outcome.imported).toBe(false);
    if (outcome.imported) return;
    expect(outcome.errors.join('\n')).toMatch(message);
    expect(await dumpRecords(db)).toEqual(before);
  });

  it('refuses a file whose text was edited after export (hash mismatch) and writes nothing', async () => {
    const doc = toExport(await sampleRecords());
    const tampered = JSON.parse(serialize(doc)) as typeof doc;
    const version = tampered.articles[0]?.versions[0];
    if (!version?.paragraphs[0]) throw new Error('sample has no paragraph');
    version.paragraphs[0].text = 'Something the newsroom never wrote.';
    const outcome = await importHistory(db, JSON.stringify(tampered));
    expect(outcome.imported).toBe(false);
    if (!outcome.imported) expect(outcome.errors.join('\n')).toMatch(/does not match/);
    expect(await db.count('articles')).toBe(0);
    expect(await db.count('versions')).toBe(0);
  });

  it('keeps id order = time order when a file brings an older version of a stored article', async () => {
    const url = 'https://news.test/story';
    const p = (text: string) => [{ text, kind: 'p' as const }];
    const v1 = await makeVersion(url, 'Story', p('First words.'), T0, T0);
    const v2 = await makeVersion(url, 'Story', p('Second words.'), T0 + HOUR, T0 + HOUR);
    // The store only has the newer version; the file has both.
    await putRecords(db, { articles: [article(url, 'Story', [v2])], versions: [v2], visits: [] });
    const file = serialize(
      toExport({ articles: [article(url, 'Story', [v1, v2])], versions: [v1, v2], visits: [] }),
    );
    const outcome = await importHistory(db, file);
    expect(outcome.imported).toBe(true);
    const stored = await db.getAllFromIndex('versions', 'url', url);
    expect(stored.map((v) => v.hash)).toEqual([v1.hash, v2.hash]);
    expect((await db.get('articles', url))?.versionCount).toBe(2);
    // The next capture of the newest text is recognised as unchanged, not as an edit back to version 2.
    const again = await recordArticle(
      db,
      {
        url,
        title: 'Story',
        lang: 'en',
        byline: null,
        siteName: null,
        publishedTime: null,
        paragraphs: p('Second words.'),
      },
      T0 + 2 * HOUR,
    );
    expect(again.hash).toBe(v2.hash);
    expect(again.previous?.hash).toBe(v1.hash);
  });

  describe('when the write fails half way', () => {
    let unhandled: unknown[];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    beforeEach(() => {
      unhandled = [];
      process.on('unhandledRejection', onUnhandled);
    });
    afterEach(() => {
      process.off('unhandledRejection', onUnhandled);
      vi.restoreAllMocks();
    });
    /** Lets every rejection of the aborted transaction surface: several macrotasks. */
    const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

    /** Makes the `nth` add to `store` fail, through `fail`. */
    function failAdd(store: string, nth: number, fail: (real: (value: unknown) => IDBRequest) => IDBRequest) {
      const realAdd = IDBObjectStore.prototype.add;
      let calls = 0;
      vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
        this: IDBObjectStore,
        ...args: Parameters<IDBObjectStore['add']>
      ) {
        if (this.name !== store) return realAdd.apply(this, args);
        calls += 1;
        return calls === nth ? fail((value) => realAdd.call(this, value)) : realAdd.apply(this, args);
      });
    }

    it('says the disk or quota is full on a quota error, loses nothing and leaks no rejection', async () => {
      const records = await sampleRecords();
      const kept = records.articles[0]?.url;
      await putRecords(db, {
        articles: records.articles.filter((a) => a.url === kept),
        versions: records.versions.filter((v) => v.url === kept),
        visits: records.visits.filter((v) => v.url === kept),
      });
      const before = await dumpRecords(db);
      failAdd('visits', 1, () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      });
      const outcome = await importHistory(db, serialize(toExport(records)));
      await settle();
      expect(outcome).toEqual({ imported: false, errors: [IMPORT_STORAGE_FULL] });
      expect(IMPORT_STORAGE_FULL).toMatch(/disk.*is full/);
      expect(IMPORT_STORAGE_FULL).not.toMatch(/this article/);
      vi.restoreAllMocks();
      expect(await dumpRecords(db)).toEqual(before);
      expect(unhandled).toEqual([]);
    });

    it('leaks no rejection when a request fails inside the database and aborts the import', async () => {
      const records = await sampleRecords();
      const before = await dumpRecords(db);
      // A visit with the key of the one just written in this transaction: a ConstraintError, then the abort.
      failAdd('visits', 2, (add) => add({ url: 'https://x.test/', at: 0, hash: 'h', id: 1 }));
      await expect(importHistory(db, serialize(toExport(records)))).rejects.toBeDefined();
      await settle();
      vi.restoreAllMocks();
      expect(await dumpRecords(db)).toEqual(before);
      expect(unhandled).toEqual([]);
    });
  });
});

describe('versionWrites / versionDeletes', () => {
  const v = (url: string, hash: string, firstSeen: number, id?: number): StoredVersion => ({
    ...(id === undefined ? {} : { id }),
    url,
    hash,
    title: 't',
    paragraphs: [],
    byline: null,
    publishedTime: null,
    firstSeen,
    lastSeen: firstSeen,
  });

  it('writes widened and new versions as they are when no stored article gains a version', () => {
    const widened = v('a', 'h1', 1, 7);
    const added = v('b', 'h2', 5);
    const stored = [v('a', 'h1', 2, 7)];
    expect(versionWrites(stored, [widened])).toEqual([widened]);
    expect(versionWrites([], [added])).toEqual([added]);
    expect(versionDeletes(stored, [widened])).toEqual([]);
  });

  it('re-adds every version of an article that gains one, in time order and without ids', () => {
    const stored = [v('a', 'newer', 20, 1), v('other', 'x', 1, 2)];
    const changed = [v('a', 'older', 10)];
    expect(versionWrites(stored, changed).map((w) => [w.hash, w.id])).toEqual([
      ['older', undefined],
      ['newer', undefined],
    ]);
    expect(versionDeletes(stored, changed)).toEqual([1]);
  });
});
