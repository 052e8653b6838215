import { describe, expect, it } from 'vitest';
import { formatBytes, usageText } from './usageText';

describe('usageText', () => {
  it('states bytes against the budget and the counts', () => {
    expect(usageText({ bytes: 21_400_000, budget: 536_870_912, articles: 34, versions: 35, visits: 1 })).toBe(
      '21.4 MB of 537 MB (4%): 34 articles, 35 versions, 1 visit.',
    );
  });

  it('writes small and large sizes readably', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(64_000)).toBe('64.0 kB');
    expect(formatBytes(2_500_000_000)).toBe('2.5 GB');
  });
});
