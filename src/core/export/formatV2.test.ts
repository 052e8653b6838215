/** Format version 2: optional `ignoreRules`; version 1 files still import (issue 11). */
import { describe, expect, it } from 'vitest';
import { sampleRecords } from '../../../test/helpers/records';
import { FORMAT_VERSION, readImport, serialize, toExport } from './index';

const RULES = [
  {
    id: 4,
    site: 'news.test',
    kind: 'text' as const,
    pattern: 'Updated # minutes ago',
    created: Date.UTC(2026, 10, 1),
  },
  { id: 2, site: 'a.test', kind: 'regex' as const, pattern: '^Sponsored', created: Date.UTC(2026, 10, 2) },
  { id: 3, site: 'news.test', kind: 'selector' as const, pattern: '.ticker', created: Date.UTC(2026, 10, 3) },
];

describe('format version 2', () => {
  it('writes the rules before the articles, sorted, without ids, and reads them back to the same bytes', async () => {
    const doc = toExport({ ...(await sampleRecords()), ignoreRules: RULES });
    expect(doc.version).toBe(FORMAT_VERSION);
    expect(doc.ignoreRules?.map((r) => `${r.site} ${r.kind}`)).toEqual([
      'a.test regex',
      'news.test selector',
      'news.test text',
    ]);
    const text = serialize(doc);
    expect(text).toMatch(
      /^\{\n {2}"format": "redline-history",\n {2}"version": 2,\n {2}"ignoreRules": \[\n {4}\{\n {6}"site": "a.test",/,
    );
    expect(text).not.toContain('"id"');
    const read = await readImport(text);
    expect(read).toEqual({ ok: true, doc });
    if (read.ok) expect(serialize(read.doc)).toBe(text);
  });

  it('leaves the field out when there are no rules', async () => {
    const text = serialize(toExport(await sampleRecords()));
    expect(text).not.toContain('ignoreRules');
  });

  it('a version 1 file still imports, and re-exports as version 2 with the same articles', async () => {
    const v2 = serialize(toExport(await sampleRecords()));
    const v1 = v2.replace('"version": 2', '"version": 1');
    const read = await readImport(v1);
    expect(read.ok).toBe(true);
    if (read.ok) expect(serialize(read.doc)).toBe(v2);
  });

  it('refuses rules in a version 1 file, and unsound rules, saying where', async () => {
    const json = JSON.parse(
      serialize(toExport({ ...(await sampleRecords()), ignoreRules: RULES })),
    ) as Record<string, unknown>;
    const errors = async (
      change: (j: Record<string, unknown> & { ignoreRules: Record<string, unknown>[] }) => void,
    ) => {
      const copy = structuredClone(json) as Record<string, unknown> & {
        ignoreRules: Record<string, unknown>[];
      };
      change(copy);
      const result = await readImport(JSON.stringify(copy));
      return result.ok ? [] : result.errors;
    };
    expect(await errors((j) => (j.version = 1))).toEqual(['(file): unknown field "ignoreRules"']);
    expect(await errors((j) => ((j.ignoreRules[0] as { pattern: string }).pattern = '(a+)+$'))).toEqual([
      expect.stringMatching(/^ignoreRules\[0\]\.pattern: A repeated group may not hold/),
    ]);
    expect(await errors((j) => ((j.ignoreRules[1] as { site: string }).site = 'com'))).toEqual([
      'ignoreRules[1].site: expected a site such as "example.com", found "com"',
    ]);
    expect(await errors((j) => ((j.ignoreRules[2] as { kind: string }).kind = 'script'))).toEqual([
      'ignoreRules[2].kind: expected one of "text", "regex", "selector", found the string "script"',
    ]);
    expect(await errors((j) => ((j.ignoreRules[2] as { id?: number }).id = 1))).toEqual([
      'ignoreRules[2]: unknown field "id"',
    ]);
  });
});
