import { describe, expect, it } from 'vitest';
import type { StoredVersion } from '../core/history';
import { comparisonOf } from './comparison';

const version = (hash: string, texts: string[]): StoredVersion => ({
  url: 'https://news.test/a',
  hash,
  title: 'A story',
  paragraphs: texts.map((text) => ({ text, kind: 'p' })),
  byline: null,
  publishedTime: null,
  firstSeen: 1,
  lastSeen: 1,
});

describe('comparisonOf', () => {
  const older = version('h1', [
    'Updated 5 minutes ago',
    'The vote was on Wednesday evening in the town hall.',
  ]);
  const newer = version('h2', ['Updated 9 minutes ago', 'The vote was on Tuesday evening in the town hall.']);

  it('flags rows an ignore rule covers and leaves them out of the counts', () => {
    const rule = { site: 'news.test', kind: 'text' as const, pattern: 'Updated # minutes ago', created: 0 };
    const plain = comparisonOf(older, newer, []);
    const ruled = comparisonOf(older, newer, [rule]);
    const changed = (rows: typeof plain.rows) =>
      rows.filter((r) => r.kind !== 'unchanged' && !r.ignored).length;
    expect(changed(plain.rows)).toBeGreaterThan(changed(ruled.rows));
    expect(ruled.rows.some((row) => row.ignored)).toBe(true);
    expect(ruled.result.stats.reworded + ruled.result.stats.added).toBe(1);
    expect(ruled.silent).toBe(true);
    expect(ruled.notices).toEqual([]);
  });

  it('an edit with a new notice is not silent', () => {
    const corrected = version('h3', [
      ...newer.paragraphs.map((p) => p.text),
      'Correction: An earlier version of this article gave the wrong day.',
    ]);
    const comparison = comparisonOf(older, corrected, []);
    expect(comparison.silent).toBe(false);
    expect(comparison.notices.map((n) => n.kind)).toEqual(['correction']);
  });
});
