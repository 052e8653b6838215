import { describe, expect, it } from 'vitest';
import { CaptureLimiter } from './rate-limit';

const limits = { perTab: { max: 3, ms: 60_000 }, perSite: { max: 5, ms: 3_600_000 } };

describe('CaptureLimiter', () => {
  it('allows a tab its stores per window, then again once the window has passed', () => {
    const limiter = new CaptureLimiter(limits);
    for (let i = 0; i < 3; i++) {
      expect(limiter.allows(1, 'a.test', i)).toBe(true);
      limiter.record(1, 'a.test', i);
    }
    expect(limiter.allows(1, 'a.test', 10)).toBe(false);
    expect(limiter.allows(2, 'b.test', 10)).toBe(true);
    expect(limiter.allows(1, 'a.test', 60_001)).toBe(true);
  });

  it('limits a site across tabs', () => {
    const limiter = new CaptureLimiter(limits);
    for (let tab = 0; tab < 5; tab++) limiter.record(tab, 'a.test', tab);
    expect(limiter.allows(9, 'a.test', 10)).toBe(false);
    expect(limiter.allows(9, 'b.test', 10)).toBe(true);
  });
});
