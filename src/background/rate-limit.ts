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
  /** Stores allowed within `ms`. */
  max: number;
  ms: number;
  /** Bytes (Redline's own count, usage.ts) those stores may add up to within `ms`; unbounded when absent. */
  maxBytes?: number;
}

export interface CaptureLimits {
  perTab: Window;
  perSite: Window;
}

/**
 * Stores a tab may make per minute after same-document navigations, and a site per hour. A reader clicking
 * through a single-page news site stores one every few seconds at most. A site's allowance is mostly in bytes:
 * a reader working through hundreds of a site's articles in an hour (tens of KB each), or a live blog reloaded
 * every minute, stays well inside 64 MiB, while a page reloading itself with megabytes of fresh text is stopped
 * after a dozen or so stores, long before the storage budget (usage.ts) would have to forget real articles.
 */
export const CAPTURE_LIMITS: CaptureLimits = {
  perTab: { max: 6, ms: 60_000 },
  perSite: { max: 1_000, ms: 60 * 60_000, maxBytes: 64 * 1024 * 1024 },
};

interface Store {
  at: number;
  bytes: number;
}

class SlidingWindow {
  private readonly stores = new Map<string, Store[]>();
  constructor(private readonly window: Window) {}

  private recent(key: string, now: number): Store[] {
    const kept = (this.stores.get(key) ?? []).filter((s) => now - s.at < this.window.ms && s.at <= now);
    if (kept.length === 0) this.stores.delete(key);
    else this.stores.set(key, kept);
    return kept;
  }

  allows(key: string, now: number, bytes: number): boolean {
    const recent = this.recent(key, now);
    if (recent.length >= this.window.max) return false;
    if (this.window.maxBytes === undefined || recent.length === 0) return true;
    let used = 0;
    for (const s of recent) used += s.bytes;
    return used + bytes <= this.window.maxBytes;
  }

  record(key: string, now: number, bytes: number): void {
    const recent = this.recent(key, now);
    recent.push({ at: now, bytes });
    this.stores.set(key, recent);
  }
}

export class CaptureLimiter {
  private readonly tabs: SlidingWindow;
  private readonly sites: SlidingWindow;
  constructor(limits: CaptureLimits = CAPTURE_LIMITS) {
    this.tabs = new SlidingWindow(limits.perTab);
    this.sites = new SlidingWindow(limits.perSite);
  }

  /** True when tab `tabId` on `site` may store one more article or version (of `bytes`) now. */
  allows(tabId: number, site: string, now: number, sameDocument: boolean, bytes = 0): boolean {
    return (
      (!sameDocument || this.tabs.allows(String(tabId), now, bytes)) && this.sites.allows(site, now, bytes)
    );
  }

  /** Counts one store of `bytes`. */
  record(tabId: number, site: string, now: number, sameDocument: boolean, bytes = 0): void {
    if (sameDocument) this.tabs.record(String(tabId), now, bytes);
    this.sites.record(site, now, bytes);
  }
}
