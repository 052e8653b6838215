/**
 * Extraction with the page's main thread doing only what needs the live page: the document is serialised and
 * sent to the background in slices and pieces (core/remote-extract/serialise.ts), the background parses it and
 * runs the extraction (src/background/parse), and the anchors it answers with are found in the live page in
 * slices of a few milliseconds with a yield between them, so a long article never holds the page in one task.
 * They are looked for only when asked for (`place`): most visits mark nothing (a first visit, an unchanged
 * article), and walking the page's text for them was about a tenth of Redline's time on a first visit (issue 8).
 * Each mapped element is checked to show its paragraph's text; one that does not
 * (the page changed meanwhile, or a parser moved content) is searched for by text, as the in-page extraction
 * does. The page is never read on its own thread: a failed upload (the service worker restarted between two
 * pieces) is sent once more, and a background that cannot read it makes the evaluation fail with its reason.
 */

import type { CaptureReply, ParsePart, ParseReply } from '../background/protocol';
import type { Block } from '../core/extract/blocks';
import { LiveMapper, matchKey } from '../core/extract/live-map';
import type { Article, ExtractResult } from '../core/model';
import { type Anchor, AnchorResolver, PathResolver } from '../core/remote-extract/anchors';
import type { ParsedPage } from '../core/remote-extract/parse';
import { MAX_PAGE_CHARS, PageSerialiser } from '../core/remote-extract/serialise';
import { fetchParts, joinLists } from '../protocol/parts';

/** Work between two yields to the page. */
export const SLICE_MS = 8;
/** Text nodes walked between two clock reads. */
const NODES_PER_CHECK = 200;

/** What 'page.parse' is asked (background/protocol.ts). */
export interface ParseRequest {
  pieces: number;
  location: string;
  force: boolean;
  /** The last piece, which goes with the parse rather than in a message of its own. */
  last?: string;
  /** Store what is read at once, and answer with the capture's reply. */
  capture?: CaptureRequest;
}

/** A page's reading is stored as soon as it is read; `sameDocument` as 'article.capture' has it. */
export interface CaptureRequest {
  sameDocument?: boolean;
}

/** One page's way to the background: its HTML piece by piece, then the parse. */
export interface PageUpload {
  /** Sends piece `index` ('page.upload'). */
  piece: (index: number, piece: string) => Promise<void>;
  /** Has the pieces sent (and `last`) parsed ('page.parse'). */
  parse: (request: ParseRequest) => Promise<ParseReply & { captured?: CaptureReply }>;
  /** Part `index` of a long reading ('parse.part'). */
  part: (id: string, index: number) => Promise<ParsePart>;
}

export interface RemoteExtractDeps {
  /** Starts an upload of the page to the background. */
  upload: () => PageUpload;
  nextTask: () => Promise<void>;
  now: () => number;
  signal?: AbortSignal;
}

/** The live elements that show an article: `elements[i]` shows paragraph i, null when none could be found. */
export type Placement = Pick<Extract<ExtractResult, { ok: true }>, 'elements' | 'titleElement'>;

/**
 * An article read from the page. `place` finds its live elements (once; later calls share the answer). Given
 * `only`, it looks for those paragraphs' elements and the headline's alone, each time asked; the others are
 * null. If one of them is not where its anchor leads, it looks for every one, as without `only`.
 * `anchored`: already anchored on the stored version where it was parsed. `reading`: the upload the background
 * read it from, which 'article.capture' may name instead of sending the article (background/readings.ts).
 * `captured`: the background stored it as it read it (asked with `capture`), and this is the capture's reply.
 */
export type PageReading =
  | {
      ok: true;
      article: Article;
      place: (only?: ReadonlySet<number>) => Promise<Placement>;
      anchored?: boolean;
      reading?: string;
      captured?: CaptureReply;
    }
  | Extract<ExtractResult, { ok: false }>;

/** A reading whose elements are already known (the tests of what consumes a reading). */
export function placed(
  article: Article,
  elements: (Element | null)[],
  titleElement: Element | null = null,
): PageReading & { ok: true } {
  const placement = Promise.resolve({ elements, titleElement });
  return { ok: true, article, place: () => placement };
}

export interface RemoteExtractStats {
  /** 'remote': parsed in the background, 'retried': at the second upload. */
  path: 'remote' | 'retried';
  /** Paragraphs found at their anchors. */
  anchored: number;
  /** ...of them, by the anchor's path, without walking the page's text. */
  byPath: number;
  searched: number;
  unmapped: number;
}

class TooLarge extends Error {}

/** The background's reading, with the capture's reply when it stored it at once. */
type Read = ParsedPage & { captured?: CaptureReply };

const tooLarge: ParsedPage = {
  ok: false,
  reason: 'too-large',
  detail: `the page has over ${MAX_PAGE_CHARS} characters of HTML`,
};

/**
 * Serialises the page and sends it in pieces, one piece per task, in slices of `SLICE_MS`; resolves with the
 * background's reading of it.
 */
async function sendPage(
  doc: Document,
  request: Omit<ParseRequest, 'pieces' | 'last'>,
  deps: RemoteExtractDeps,
): Promise<Read> {
  const upload = deps.upload();
  const ready: string[] = [];
  const sent: Promise<void>[] = [];
  const serialiser = new PageSerialiser(doc, (piece) => ready.push(piece));
  let count = 0;
  let last: string | undefined;
  let sliceStart = deps.now();
  while (!serialiser.done || ready.length > 0) {
    if (serialiser.total > MAX_PAGE_CHARS) throw new TooLarge();
    const piece = ready.shift();
    if (piece !== undefined && serialiser.done && ready.length === 0) {
      // The last piece goes with the parse: one message fewer (most pages are one piece).
      last = piece;
      count++;
    } else if (piece !== undefined) {
      sent.push(upload.piece(count++, piece));
    } else {
      serialiser.step(NODES_PER_CHECK);
      if (deps.now() - sliceStart < SLICE_MS) continue;
    }
    // A message costs the page's thread in proportion to its size: one piece per task.
    await deps.nextTask();
    deps.signal?.throwIfAborted();
    sliceStart = deps.now();
  }
  await Promise.all(sent);
  const head = await upload.parse({ ...request, pieces: count, ...(last === undefined ? {} : { last }) });
  if (!head.ok || !head.more) return head;
  // A long article's reading comes in parts, one message (and one task) each (background/reply-parts.ts).
  const parts = await fetchParts(head.more, upload.part, deps.signal);
  const { more: _more, ...reading } = head;
  const lists = joinLists<ParsePart>({ paragraphs: head.article.paragraphs, anchors: head.anchors }, parts);
  return { ...reading, article: { ...head.article, paragraphs: lists.paragraphs }, anchors: lists.anchors };
}

/** A unit for LiveMapper's text search: no clone nodes, so it goes straight to searching. */
function searchUnit(text: string): Block {
  return { text, kind: 'paragraph', nodes: [] } as unknown as Block;
}

async function resolveAnchors(
  root: HTMLElement,
  anchors: readonly (Anchor | null)[],
  deps: RemoteExtractDeps,
): Promise<AnchorResolver> {
  const resolver = new AnchorResolver(root, anchors);
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
  opts: { url?: string; force?: boolean; capture?: CaptureRequest },
  deps: RemoteExtractDeps,
  stats?: RemoteExtractStats,
): Promise<PageReading> {
  const location = opts.url ?? doc.URL;
  if (!doc.body) return { ok: false, reason: 'no-content', detail: 'the page has no body' };
  const request = {
    location,
    force: opts.force === true,
    ...(opts.capture ? { capture: opts.capture } : {}),
  };
  const read = (): Promise<Read> =>
    sendPage(doc, request, deps).catch((error: unknown) => {
      if (error instanceof TooLarge) return tooLarge;
      throw error;
    });
  let parsed: Read;
  try {
    parsed = await read();
  } catch (error) {
    deps.signal?.throwIfAborted();
    console.warn('Redline: reading the page in the background failed; sending it once more', error);
    if (stats) stats.path = 'retried';
    parsed = await read();
  }
  deps.signal?.throwIfAborted();
  if (!parsed.ok) return parsed;
  const reading = parsed;
  let placement: Promise<Placement> | null = null;
  return {
    ok: true,
    article: parsed.article,
    place: (only) => {
      if (only) return placeArticle(doc.body, reading, deps, stats, only);
      placement ??= placeArticle(doc.body, reading, deps, stats);
      return placement;
    },
    ...(parsed.anchored === true ? { anchored: true } : {}),
    ...(parsed.captured ? { captured: parsed.captured } : {}),
  };
}

/**
 * The live elements of a parsed article: each anchor is followed by its path, else found by its offsets in the
 * page's text, and checked to show its paragraph's text; else the paragraph is searched for by text. The text is
 * walked only when some path failed, and only as far as those anchors need. Runs in slices of `SLICE_MS`.
 */
async function placeArticle(
  body: HTMLElement,
  parsed: Extract<ParsedPage, { ok: true }>,
  deps: RemoteExtractDeps,
  stats?: RemoteExtractStats,
  only?: ReadonlySet<number>,
): Promise<Placement> {
  const { article } = parsed;
  // Asked for where a reply was just received, and followed by the overlay's first chunk: each in a task of its
  // own, so neither adds to a slice of this (a 30–38 ms task on a benchmark page when they shared one).
  await deps.nextTask();
  deps.signal?.throwIfAborted();
  const anchors = [...parsed.anchors, parsed.titleAnchor];
  const wanted = [...article.paragraphs.map((p) => p.text), article.title];
  const found: (Element | null)[] = [];
  // Each paragraph's match key at most once, though an anchor whose path fails is checked twice.
  const wantedKeys: (string | undefined)[] = [];
  const check = (element: Element | null, i: number): Element | null => {
    if (!element) return null;
    const key = matchKey(element.textContent ?? '');
    if (key.length !== anchors[i]?.keyLength) return null;
    wantedKeys[i] ??= matchKey(wanted[i] ?? '');
    return key.includes(wantedKeys[i]) ? element : null;
  };
  const paths = new PathResolver(body);
  let sliceStart = deps.now();
  const slice = async (): Promise<void> => {
    if (deps.now() - sliceStart < SLICE_MS) return;
    await deps.nextTask();
    deps.signal?.throwIfAborted();
    sliceStart = deps.now();
  };
  const counts = { anchored: 0, searched: 0, unmapped: 0, byPath: 0 };
  for (let i = 0; i < anchors.length; i++) {
    if (only && i < article.paragraphs.length && !only.has(i)) {
      // Read all the same: the next path is written against this one.
      paths.skip(anchors[i] ?? null);
      found.push(null);
      continue;
    }
    const element = check(paths.follow(anchors[i] ?? null), i);
    if (element && i < article.paragraphs.length) counts.byPath++;
    found.push(element);
    await slice();
  }
  if (only) {
    // Anything asked for and not at its anchor: the search below walks the page for all, as it always did.
    const missed = [...only].some((i) => i < article.paragraphs.length && !found[i]);
    if (missed || (parsed.titleAnchor && !found[article.paragraphs.length]))
      return placeArticle(body, parsed, deps, stats);
    await deps.nextTask();
    deps.signal?.throwIfAborted();
    return {
      elements: found.slice(0, article.paragraphs.length),
      titleElement: found[article.paragraphs.length] ?? null,
    };
  }
  const missed = anchors.map((anchor, i) => (found[i] ? null : anchor));
  if (missed.some((anchor) => anchor !== null)) {
    const resolver = await resolveAnchors(body, missed, deps);
    for (let i = 0; i < anchors.length; i++) {
      if (!found[i] && missed[i]) found[i] = check(resolver.element(i), i);
      await slice();
    }
  }
  const mapper = new LiveMapper(new Map(), body);
  const elements: (Element | null)[] = [];
  for (let i = 0; i < article.paragraphs.length; i++) {
    let element = found[i] ?? null;
    if (element) counts.anchored++;
    else {
      element = mapper.map(searchUnit(wanted[i] ?? ''));
      counts[element ? 'searched' : 'unmapped']++;
    }
    elements.push(element);
    await slice();
  }
  const titleElement = found[article.paragraphs.length] ?? null;
  if (stats) Object.assign(stats, counts);
  await deps.nextTask();
  deps.signal?.throwIfAborted();
  return { elements, titleElement };
}
