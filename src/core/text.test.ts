import { describe, expect, it } from 'vitest';
import { compareText, displayText, sameWords } from './text';

describe('displayText', () => {
  it('collapses whitespace and nbsp, drops soft hyphens, trims', () => {
    expect(displayText('  A\u00a0quick\n\t brown\u00adfox  ')).toBe('A quick brownfox');
  });
});

describe('compareText', () => {
  it('unifies quote styles, dashes and the ellipsis', () => {
    expect(compareText('\u201cIt\u2019s here\u201d \u2013 she said\u2026')).toBe(
      '"It\'s here" - she said...',
    );
  });
  it('treats a typewriter doubled apostrophe as a double quote', () => {
    expect(compareText("districts,'' he said")).toBe('districts," he said');
  });
  it('keeps case and real punctuation differences', () => {
    expect(compareText('Close in.')).not.toBe(compareText('close in.'));
    expect(compareText('Close in.')).not.toBe(compareText('Close in!'));
  });
});

describe('sameWords', () => {
  it('ignores whitespace, nbsp, soft hyphens, zero-width and quote style', () => {
    expect(sameWords('He said "yes".', 'He\u00a0said  \u201cyes\u201d.')).toBe(true);
    expect(sameWords('inter\u00adnational', 'inter\u200bnational')).toBe(true);
  });
  it('notices a changed word', () => {
    expect(sameWords('forces close in', 'forces closed in')).toBe(false);
  });
});
