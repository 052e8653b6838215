import { describe, expect, it } from 'vitest';
import { followText } from './recheckText';

describe('followText', () => {
  const base = { stopped: null, lastOutcome: 'unchanged', movedTo: null, failures: 0 } as const;
  it('says why checking stopped or what went wrong, and nothing when all is well', () => {
    expect(followText(base)).toBeNull();
    expect(followText({ ...base, stopped: 'removed' })).toMatch(/^Removed from the site/);
    expect(followText({ ...base, stopped: 'moved', movedTo: 'https://a.test/b' })).toContain(
      'https://a.test/b',
    );
    expect(followText({ ...base, stopped: 'failures', lastOutcome: 'could-not-check', failures: 5 })).toMatch(
      /paused after 5 failed checks in a row: could not check \(a paywall/,
    );
    expect(followText({ ...base, lastOutcome: 'server-error', failures: 1 })).toMatch(/server error/);
  });
});
