import { describe, expect, it } from 'vitest';
import { changeDescription, changeSummary, exportFileName, formatDateTime, wordCount } from './format';

const none = { added: 0, reworded: 0, removed: 0, moved: 0, headline: false };

describe('format', () => {
  it('writes dates in the given locale and zone', () => {
    const ms = Date.UTC(2026, 2, 12, 14, 5);
    expect(formatDateTime(ms, ['en-GB'], 'UTC')).toBe('12 Mar 2026, 14:05');
    expect(formatDateTime(ms, ['en-US'], 'UTC')).toMatch(/Mar 12, 2026/);
  });

  it('counts words across paragraphs', () => {
    expect(wordCount(['Two words', '  and   three more ', ''])).toBe(5);
    expect(wordCount([])).toBe(0);
  });

  it('summarises change counts compactly and in words', () => {
    expect(changeSummary(none)).toBe('no changes');
    const counts = { added: 2, reworded: 1, removed: 3, moved: 0, headline: true };
    expect(changeSummary(counts)).toBe('headline +2 ~1 \u22123');
    expect(changeDescription(counts)).toBe(
      'headline changed, 2 paragraphs added, 1 paragraph reworded, 3 paragraphs removed',
    );
    expect(changeDescription({ ...none, moved: 1 })).toBe('1 paragraph moved');
  });

  it('names export files by day, and by site for one article', () => {
    const now = Date.UTC(2026, 10, 22, 23, 59);
    expect(exportFileName(now, null)).toBe('redline-history-2026-11-22.json');
    expect(exportFileName(now, 'bbc.co.uk')).toBe('redline-bbc.co.uk-2026-11-22.json');
    expect(exportFileName(now, '../../etc')).toBe('redline-..-..-etc-2026-11-22.json');
  });
});
