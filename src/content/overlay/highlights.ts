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

export function supportsHighlights(doc: Document): boolean {
  return highlightApi(doc) !== null;
}

/** Shows or hides the inserted-word highlight; `set` with ranges registers, `clear` unregisters. */
export class InsertedHighlight {
  private readonly api: HighlightApi | null;
  private highlight: Highlight | null = null;

  constructor(
    doc: Document,
    private readonly ranges: readonly AbstractRange[],
  ) {
    this.api = highlightApi(doc);
  }

  /** True when the browser can paint the ranges. */
  get supported(): boolean {
    return this.api !== null;
  }

  show(): boolean {
    if (!this.api || this.ranges.length === 0) return false;
    try {
      this.highlight ??= new this.api.Highlight(...this.ranges);
      this.api.registry.set(INSERTED_HIGHLIGHT, this.highlight);
      return true;
    } catch {
      // Firefox content scripts reach the page's registry through Xray wrappers; if a build refuses our
      // Highlight object there, the paragraph marks still stand on their own.
      return false;
    }
  }

  hide(): void {
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
