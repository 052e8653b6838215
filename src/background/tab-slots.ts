/**
 * One value per tab, let go after `ttlMs` without use: what the background keeps for a page between two of its
 * messages (reply-parts.ts, readings.ts). A tab evaluates one page at a time, so a new value replaces the old.
 */
export class TabSlots<T> {
  private readonly byTab = new Map<number, { value: T; at: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  set(tab: number, value: T): void {
    this.expire();
    this.byTab.set(tab, { value, at: this.now() });
  }

  /** The tab's value, undefined when none is kept or it expired. */
  get(tab: number): T | undefined {
    this.expire();
    return this.byTab.get(tab)?.value;
  }

  delete(tab: number): void {
    this.byTab.delete(tab);
  }

  private expire(): void {
    const now = this.now();
    for (const [tab, slot] of this.byTab) if (now - slot.at > this.ttlMs) this.byTab.delete(tab);
  }
}
