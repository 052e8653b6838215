import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, putRecords } from '../../test/helpers/db';
import { sampleRecords } from '../../test/helpers/records';
import { serialize, toExport } from '../core/export';
import { collectRecords } from '../ui/exportFile';
import type { HistoryDb } from './db';
import { addRule, listRules } from './ignore-rules';
import { deleteEverything, exportBatch } from './ui-history';
import { importHistory } from './ui-import';

let db: HistoryDb;
beforeEach(async () => {
  db = await freshDb('rules-export');
});
afterEach(() => db.close());

const exportAll = async () => serialize(toExport(await collectRecords((after) => exportBatch(db, after, 1))));

describe('ignore rules in the export (format version 2)', () => {
  it('export → delete everything and the rules → import → export gives the same bytes, rules included', async () => {
    await putRecords(db, await sampleRecords());
    await addRule(
      db,
      { site: 'news.test', kind: 'text', pattern: 'Updated # minutes ago' },
      Date.UTC(2026, 0, 1),
    );
    await addRule(db, { site: 'a.test', kind: 'regex', pattern: '^Sponsored' }, Date.UTC(2026, 0, 2));
    const first = await exportAll();
    expect(first).toContain('"ignoreRules": [');
    await deleteEverything(db);
    await db.clear('ignoreRules');
    const outcome = await importHistory(db, first);
    expect(outcome.imported).toBe(true);
    expect((await listRules(db)).map((r) => r.pattern).sort()).toEqual([
      'Updated # minutes ago',
      '^Sponsored',
    ]);
    expect(await exportAll()).toBe(first);
    // Importing again adds no second copy of a rule.
    await importHistory(db, first);
    expect(await listRules(db)).toHaveLength(2);
  });

  it('a version 1 file imports into a database with rules and leaves them alone', async () => {
    await addRule(db, { site: 'news.test', kind: 'selector', pattern: '.ticker' }, 1);
    const v1 = serialize(toExport(await sampleRecords())).replace('"version": 2', '"version": 1');
    expect((await importHistory(db, v1)).imported).toBe(true);
    expect((await listRules(db)).map((r) => r.pattern)).toEqual(['.ticker']);
  });

  it('a file with a hostile regex rule is refused whole: no article, no rule written', async () => {
    const doc = toExport({
      ...(await sampleRecords()),
      ignoreRules: [{ site: 'news.test', kind: 'regex', pattern: '(x+x+)+y', created: 1 }],
    });
    const outcome = await importHistory(db, serialize(doc));
    expect(outcome.imported).toBe(false);
    expect(await db.count('articles')).toBe(0);
    expect(await listRules(db)).toEqual([]);
  });
});
