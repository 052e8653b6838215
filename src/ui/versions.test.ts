import { describe, expect, it } from 'vitest';
import type { StoredVersion } from '../core/history';
import { versionRows } from './versions';

function version(title: string, paragraphs: string[], firstSeen: number): StoredVersion {
  return {
    url: 'https://news.test/a',
    hash: `h${firstSeen}`,
    title,
    paragraphs: paragraphs.map((text) => ({ text, kind: 'p' })),
    byline: null,
    publishedTime: null,
    firstSeen,
    lastSeen: firstSeen,
  };
}

describe('versionRows', () => {
  it('numbers versions and counts words and changes against the version before', () => {
    const rows = versionRows([
      version('Fire in town', ['A fire broke out.', 'Nobody was hurt.'], 1),
      version('Fire in town', ['A fire broke out.', 'Nobody was hurt.', 'Police are investigating.'], 2),
      version('Big fire in town', ['A fire broke out.', 'Police are investigating.'], 3),
    ]);
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3]);
    expect(rows[0]?.changes).toBeNull();
    expect(rows[0]?.words).toBe(3 + 7);
    expect(rows[1]?.changes).toMatchObject({ added: 1, removed: 0, reworded: 0, headline: false });
    expect(rows[1]?.previousHeadline).toBeNull();
    expect(rows[2]?.changes).toMatchObject({ removed: 1, headline: true });
    expect(rows[2]?.previousHeadline).toBe('Fire in town');
  });
});
