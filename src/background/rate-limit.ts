/**
 * How often a page can make Redline store something new. A page that rewrites its address and text in a loop
 * (pushState with fresh text) would otherwise add an article or a version on every evaluation: 34 junk articles
 * and 21 MB in a minute. Only stores count: a reload of an article already stored is never limited.
 *
 * The counts live in the background's memory; a restarted service worker starts from zero, which at worst lets
 * one more burst through. Per tab, for stores after same-document navigations (the page moving itself with
 * pushState; a page load is the reader's or at least costs the page a whole load), and per site (the
 * registrable domain, so subdomains share one allowance) for every store.
 */

export interface Window {
  max: number;
  ms: number;
}

export interface CaptureLimits {
  perTab: Window;
  perSite: Window;
}

/**
 * Stores a tab may make per minute after same-document navigations, and a site per hour. A reader clicking
 * through a single-page news site stores one every few seconds at most; a reader working through a site's
 * articles, or a live blog reloaded every minute, stays well inside the site's allowance.
 */
export const CAPTURE_LIMITS: CaptureLimits = {
  perTab: { max: 6, ms: 60_000 },
  perSite: { max: 120, ms: 60 * 60_000 },
};

class SlidingWindow {
  private readonly times = new Map<string, number[]>();
  constructor(private readonly window: Window) {}

  private recent(key: string, now: number): number[] {
    const kept = (this.times.get(key) ?? []).filter((t) => now - t < this.window.ms && t <= now);
    if (kept.length === 0) this.times.delete(key);
    else this.times.set(key, kept);
    return kept;
  }

  allows(key: string, now: number): boolean {
    return this.recent(key, now).length < this.window.max;
  }

  record(key: string, now: number): void {
    this.times.set(key, [...this.recent(key, now), now]);
  }
}

export class CaptureLimiter {
  private readonly tabs: SlidingWindow;
  private readonly sites: SlidingWindow;
  constructor(limits: CaptureLimits = CAPTURE_LIMITS) {
    this.tabs = new SlidingWindow(limits.perTab);
    this.sites = new SlidingWindow(limits.perSite);
  }

  /** True when tab `tabId` on `site` may store one more article or version now. */
  allows(tabId: number, site: string, now: number, sameDocument: boolean): boolean {
    return (!sameDocument || this.tabs.allows(String(tabId), now)) && this.sites.allows(site, now);
  }

  /** Counts one store. */
  record(tabId: number, site: string, now: number, sameDocument: boolean): void {
    if (sameDocument) this.tabs.record(String(tabId), now);
    this.sites.record(site, now);
  }
}
