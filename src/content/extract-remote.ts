/**
 * Extraction with the page's main thread doing only what needs the live page: the document is serialised once,
 * the background parses it and runs the extraction (src/background/parse), and the anchors it answers with are
 * found in the live page in slices of a few milliseconds with a yield between them, so a long article never
 * holds the page in one task. Each mapped element is checked to show its paragraph's text; one that does not
 * (the page changed meanwhile, or a parser moved content) is searched for by text, as the in-page extraction
 * does. When the background cannot parse (no offscreen document, an error), the in-page extraction runs.
 */
import type { ExtractOptions } from '../core/extract';
import type { Block } from '../core/extract/blocks';
import { LiveMapper, matchKey } from '../core/extract/live-map';
import type { ExtractResult } from '../core/model';
import { type Anchor, AnchorResolver } from '../core/remote-extract/anchors';
import type { ParsedPage } from '../core/remote-extract/parse';

/** Work between two yields to the page. */
export const SLICE_MS = 8;
/** Text nodes walked between two clock reads. */
const NODES_PER_CHECK = 200;

export interface RemoteExtractDeps {
  /** Asks the background to parse `html` (the 'page.parse' message). */
  parse: (html: string, location: string, force: boolean) => Promise<ParsedPage>;
  /** The in-page extraction, used when the background cannot parse. */
  extractInPage: (doc: Document, opts?: ExtractOptions) => ExtractResult;
  nextTask: () => Promise<void>;
  now: () => number;
  signal?: AbortSignal;
}

/** `anchored`: already anchored on the stored version where it was parsed (the page skips that step). */
export type PageReading = ExtractResult & { anchored?: boolean };

export interface RemoteExtractStats {
  /** 'remote': parsed in the background; 'in-page': the fallback ran. */
  path: 'remote' | 'in-page';
  anchored: number;
  searched: number;
  unmapped: number;
}

/** The page as HTML, for parsing elsewhere. One native call: the only whole-page work left on the page's thread. */
export function serialise(doc: Document): string {
  const doctype = doc.doctype ? `<!DOCTYPE ${doc.doctype.name}>` : '';
  return doctype + doc.documentElement.outerHTML;
}

/** A unit for LiveMapper's text search: no clone nodes, so it goes straight to searching. */
function searchUnit(text: string): Block {
  return { text, kind: 'paragraph', nodes: [] } as unknown as Block;
}

async function resolveAnchors(
  doc: Document,
  anchors: readonly (Anchor | null)[],
  deps: RemoteExtractDeps,
): Promise<AnchorResolver> {
  const resolver = new AnchorResolver(doc.body, anchors);
  let sliceStart = deps.now();
  while (!resolver.step(NODES_PER_CHECK)) {
    if (deps.now() - sliceStart >= SLICE_MS) {
      await deps.nextTask();
      deps.signal?.throwIfAborted();
      sliceStart = deps.now();
    }
  }
  return resolver;
}

export async function extractRemote(
  doc: Document,
  opts: { url?: string; force?: boolean },
  deps: RemoteExtractDeps,
  stats?: RemoteExtractStats,
): Promise<PageReading> {
  const location = opts.url ?? doc.URL;
  let parsed: ParsedPage;
  try {
    if (!doc.body) throw new Error('no body');
    parsed = await deps.parse(serialise(doc), location, opts.force === true);
  } catch (error) {
    console.warn('Redline: reading the page in the background failed; reading it here', error);
    if (stats) stats.path = 'in-page';
    return deps.extractInPage(doc, opts);
  }
  deps.signal?.throwIfAborted();
  if (!parsed.ok) return parsed;
  const body = doc.body;
  const { article } = parsed;
  const resolver = await resolveAnchors(doc, [...parsed.anchors, parsed.titleAnchor], deps);
  const mapper = new LiveMapper(new Map(), body);
  const counts = { anchored: 0, searched: 0, unmapped: 0 };
  const elements: (Element | null)[] = [];
  const verified = (i: number, wanted: string): Element | null => {
    const element = resolver.element(i);
    const key = element ? matchKey(element.textContent ?? '') : '';
    const anchor = i < parsed.anchors.length ? parsed.anchors[i] : parsed.titleAnchor;
    return element && key.length === anchor?.keyLength && key.includes(wanted) ? element : null;
  };
  let sliceStart = deps.now();
  for (let i = 0; i < article.paragraphs.length; i++) {
    const text = article.paragraphs[i]?.text ?? '';
    const wanted = matchKey(text);
    const anchored = verified(i, wanted);
    let element: Element | null = null;
    if (anchored) {
      element = anchored;
      counts.anchored++;
    } else {
      element = mapper.map(searchUnit(text));
      counts[element ? 'searched' : 'unmapped']++;
    }
    elements.push(element);
    if (deps.now() - sliceStart >= SLICE_MS) {
      await deps.nextTask();
      deps.signal?.throwIfAborted();
      sliceStart = deps.now();
    }
  }
  const titleElement = verified(parsed.anchors.length, matchKey(article.title));
  if (stats) Object.assign(stats, { path: 'remote', ...counts });
  return {
    ok: true,
    article,
    elements,
    titleElement,
    ...(parsed.anchored === true ? { anchored: true } : {}),
  };
}
