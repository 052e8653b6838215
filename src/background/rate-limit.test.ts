import { describe, expect, it } from 'vitest';
import { CaptureLimiter } from './rate-limit';

const limits = { perTab: { max: 3, ms: 60_000 }, perSite: { max: 5, ms: 3_600_000 } };

describe('CaptureLimiter', () => {
  it('allows a tab its same-document stores per window, then again once the window has passed', () => {
    const limiter = new CaptureLimiter(limits);
    for (let i = 0; i < 3; i++) {
      expect(limiter.allows(1, 'a.test', i, true)).toBe(true);
      limiter.record(1, 'a.test', i, true);
    }
    expect(limiter.allows(1, 'a.test', 10, true)).toBe(false);
    // A page load is not a same-document navigation: only the site's allowance applies to it.
    expect(limiter.allows(1, 'a.test', 10, false)).toBe(true);
    expect(limiter.allows(2, 'b.test', 10, true)).toBe(true);
    expect(limiter.allows(1, 'a.test', 60_001, true)).toBe(true);
  });

  it('limits a site across tabs', () => {
    const limiter = new CaptureLimiter(limits);
    for (let tab = 0; tab < 5; tab++) limiter.record(tab, 'a.test', tab, false);
    expect(limiter.allows(9, 'a.test', 10, false)).toBe(false);
    expect(limiter.allows(9, 'a.test', 10, true)).toBe(false);
    expect(limiter.allows(9, 'b.test', 10, false)).toBe(true);
  });

  it('limits a site by the bytes it stores, so a page reloading itself with megabytes of text stops early', () => {
    const limiter = new CaptureLimiter({
      perTab: { max: 6, ms: 60_000 },
      perSite: { max: 1_000, ms: 3_600_000, maxBytes: 10_000 },
    });
    for (let i = 0; i < 3; i++) {
      expect(limiter.allows(1, 'a.test', i, false, 3_000)).toBe(true);
      limiter.record(1, 'a.test', i, false, 3_000);
    }
    expect(limiter.allows(1, 'a.test', 5, false, 3_000)).toBe(false);
    // Small stores (ordinary articles) still fit; the first store of a window always does, however large.
    expect(limiter.allows(1, 'a.test', 5, false, 500)).toBe(true);
    expect(limiter.allows(1, 'b.test', 5, false, 50_000)).toBe(true);
    expect(limiter.allows(1, 'a.test', 3_600_005, false, 3_000)).toBe(true);
  });
});
