/**
 * Inserted words are painted with the CSS Custom Highlight API (Chromium >= 105, Firefox >= 140), which styles
 * Ranges of the page's own text nodes without wrapping them in elements. Where it is missing (older browsers,
 * jsdom) the paragraph-level mark is all the reader gets for inserted words.
 */

/** The highlight name the page style sheet targets with `::highlight(redline-inserted)`. */
export const INSERTED_HIGHLIGHT = 'redline-inserted';

type HighlightCtor = new (...ranges: AbstractRange[]) => Highlight;

interface HighlightApi {
  registry: HighlightRegistry;
  Highlight: HighlightCtor;
}

function highlightApi(doc: Document): HighlightApi | null {
  // `CSS` and `Highlight` are globals of the document's window; typed optional, since engines may lack them.
  const view = doc.defaultView as
    | (Window & { CSS?: { highlights?: HighlightRegistry }; Highlight?: HighlightCtor })
    | null;
  const css = view?.CSS;
  if (!css?.highlights || typeof view?.Highlight !== 'function') return null;
  return { registry: css.highlights, Highlight: view.Highlight };
}

/**
 * Shows or hides the inserted-word highlight. Ranges may be added while it is shown (the overlay mounts in
 * chunks); they go into the one registered Highlight one by one, never spread into a call, so 20,000 ranges
 * cannot overflow the stack.
 */
export class InsertedHighlight {
  private readonly api: HighlightApi | null;
  // A Set keeps the order ranges came in and lets stale ones leave one by one.
  private readonly ranges = new Set<AbstractRange>();
  // Dropped before they were added (the mount adds most ranges once its last chunk is in): never added.
  private readonly dropped = new WeakSet<AbstractRange>();
  private highlight: Highlight | null = null;
  private shown = false;

  constructor(doc: Document, ranges: readonly AbstractRange[] = []) {
    this.api = highlightApi(doc);
    this.add(ranges);
  }

  /** True when the browser can paint the ranges. */
  get supported(): boolean {
    return this.api !== null;
  }

  add(ranges: readonly AbstractRange[]): void {
    for (const range of ranges) {
      if (this.dropped.has(range)) continue;
      this.ranges.add(range);
      try {
        this.highlight?.add(range);
      } catch {
        // See show(): without a usable Highlight the paragraph marks stand on their own.
      }
    }
    if (this.shown && !this.highlight) this.show();
  }

  /** Registers the highlight; false when there is nothing (yet) to paint or no API to paint it with. */
  show(): boolean {
    this.shown = true;
    if (!this.api || this.ranges.size === 0) return false;
    try {
      if (!this.highlight) {
        const highlight = new this.api.Highlight();
        for (const range of this.ranges) highlight.add(range);
        this.highlight = highlight;
      }
      this.api.registry.set(INSERTED_HIGHLIGHT, this.highlight);
      return true;
    } catch {
      // Firefox content scripts reach the page's registry through Xray wrappers; if a build refuses our
      // Highlight object there, the paragraph marks still stand on their own.
      return false;
    }
  }

  /**
   * Stops painting `ranges`, now or when they are added: a StaticRange keeps its offsets when the page rewrites
   * the text under it, and would paint whatever characters now sit there (staleWords.ts).
   */
  drop(ranges: readonly AbstractRange[]): void {
    for (const range of ranges) {
      this.dropped.add(range);
      if (!this.ranges.delete(range)) continue;
      try {
        this.highlight?.delete(range);
      } catch {
        // See show(); a range the Highlight refused was never painted.
      }
    }
  }

  hide(): void {
    this.shown = false;
    if (!this.api || !this.highlight) return;
    try {
      if (this.api.registry.get(INSERTED_HIGHLIGHT) === this.highlight) {
        this.api.registry.delete(INSERTED_HIGHLIGHT);
      }
    } catch {
      // Same Xray caveat as in show(); nothing was registered then.
    }
  }
}
