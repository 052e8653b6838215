/**
 * Parsing with the parsed copy kept for a moment: a revisit's extraction is anchored on the stored version
 * (anchor.ts: paragraphs the page still shows are put back, boundary drift left out), which needs the page's
 * DOM and the stored text. The stored text is only known once the article's URL is (the background reads it
 * from the history), so the copy is kept between the two steps: wherever it was parsed (the offscreen
 * document, Firefox's background page), not on the page's thread. Only the last few copies are kept.
 */
import { anchorOnStored } from '../extract';
import {
  type Extracted,
  extractParsed,
  failure,
  type HtmlParser,
  type ParsedPage,
  type ParseOptions,
  toParsedPage,
} from './parse';

/** Parsed copies kept at once: an abandoned parse (its tab closed) must not keep a page's memory for long. */
export const KEPT_COPIES = 2;

export class ParseSessions {
  private readonly kept = new Map<number, { doc: Document; extracted: Extracted }>();
  private next = 1;

  constructor(private readonly parser: HtmlParser) {}

  /**
   * Parses and extracts; on success keeps the copy under the answer's `session` id, unless `options.anchorOn`
   * gives the stored text to anchor on at once.
   */
  parse(html: string, url: string, options: ParseOptions = {}): ParsedPage {
    try {
      const doc = this.parser.parseFromString(html, 'text/html');
      const extracted = extractParsed(doc, url, options);
      if (!extracted.ok) return extracted;
      if (options.anchorOn) {
        return { ...toParsedPage(doc, anchorOnStored(extracted, options.anchorOn)), anchored: true };
      }
      const session = this.next++;
      this.kept.set(session, { doc, extracted });
      for (const id of this.kept.keys()) {
        if (this.kept.size <= KEPT_COPIES) break;
        this.kept.delete(id);
      }
      return { ...toParsedPage(doc, extracted), session };
    } catch (error) {
      return failure(error);
    }
  }

  /**
   * The kept extraction anchored on `previous` (the stored version's paragraphs), and the copy let go; null when
   * the copy is no longer kept.
   */
  restore(session: number, previous: readonly string[]): ParsedPage | null {
    const kept = this.kept.get(session);
    if (!kept) return null;
    this.kept.delete(session);
    try {
      return { ...toParsedPage(kept.doc, anchorOnStored(kept.extracted, previous)), anchored: true };
    } catch (error) {
      return failure(error);
    }
  }

  drop(session: number): void {
    this.kept.delete(session);
  }
}
