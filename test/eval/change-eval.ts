/**
 * The change-detection harness over the 230 public pages: for each page a first visit, then (a) churn around
 * the article only, (b) the same churn plus seeded edits inside it (rewordings, a deletion, an insertion, a
 * move, a split and a merge, with ground truth), (c) a template re-render of the same text; and from a first
 * visit with furniture between the paragraphs (inside-churn.ts), (d) that furniture changed as the next load
 * serves it, (e) the same plus the edits of (b); and (f) the page as a paywall serves it, the article's first two
 * paragraphs and a subscription prompt. Every later visit goes through the extension's own pipeline, as
 * src/content/evaluate.ts and the background run it: extract, anchor on the stored version (anchor.ts), set
 * aside a partial view (core/teaser.ts), align against it. Used by scripts/eval-changes.ts (all pages) and by a
 * unit test (a deterministic sample).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { align } from '../../src/core/align';
import { anchorOnStored, extract, hideLabelRemovals } from '../../src/core/extract';
import type { AlignResult, Article } from '../../src/core/model';
import { isPartialView } from '../../src/core/teaser';
import { compareText, displayText } from '../../src/core/text';
import {
  listPages,
  pageUrl,
  parseQuietly,
  parseSource,
  prepareSource,
  READABILITY_PAGES_DIR,
  seedOf,
} from '../fixtures/pages/acceptance-pages';
import { churnAroundArticle, type EditTruth, editArticle } from '../fixtures/pages/article-edits';
import { type ObservedMarks, type PageScore, scoreMarks } from '../fixtures/pages/score-marks';
import { EXTRACTION_BENCHMARK } from '../shared-fixtures';
import { furnish } from './inside-churn';
import { churnMore, rerender } from './page-churn';

export interface EvalPage {
  id: string;
  url: string;
  load: () => string;
}

/** All 230 pages: the 49 Readability pages, then the 181 benchmark pages, each list sorted. */
export function allPages(): EvalPage[] {
  const readability = listPages().map((page) => ({
    id: page,
    url: pageUrl(page),
    load: () => readFileSync(join(READABILITY_PAGES_DIR, page, 'source.html'), 'utf8'),
  }));
  const dir = join(EXTRACTION_BENCHMARK, 'html');
  const benchmark = readdirSync(dir)
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => {
      const id = f.slice(0, -'.html.gz'.length);
      return {
        id: `bench/${id}`,
        url: `http://fakehost/bench/${id}/`,
        load: () => gunzipSync(readFileSync(join(dir, f))).toString('utf8'),
      };
    });
  return [...readability, ...benchmark];
}

export type CaseKind = 'churn' | 'edited' | 'rerender' | 'furniture' | 'furniture+edits' | 'paywall';
export const CASE_KINDS: readonly CaseKind[] = [
  'churn',
  'edited',
  'rerender',
  'furniture',
  'furniture+edits',
  'paywall',
];

export interface CaseResult {
  page: string;
  kind: CaseKind;
  /** Marks on the page (marked paragraphs, removed ghosts, a headline mark). */
  marks: number;
  /** Against the edits' truth (an empty truth for churn and re-render: every mark is false). */
  score: PageScore;
  /** Set when the later visit could not be read as an article. */
  error?: string;
}

export type PageResult =
  | { page: string; ok: true; paragraphs: number; cases: CaseResult[]; ms: number }
  | { page: string; ok: false; reason: string; ms: number };

function observe(result: AlignResult, current: Article): ObservedMarks {
  const marked: ObservedMarks['marked'] = [];
  for (const change of result.paragraphs) {
    if (change.kind === 'unchanged') continue;
    marked.push({ text: current.paragraphs[change.newIndex]?.text ?? '', label: change.kind });
  }
  return { marked, removed: result.removed.map((r) => r.text), titleChanged: result.title.changed };
}

const toText = (a: Article) => ({ title: a.title, paragraphs: a.paragraphs.map((p) => p.text) });

/**
 * A later visit, as evaluate.ts reads it (with the deps src/content/index.ts gives it): extract, anchor on the
 * stored version, align against it. Both versions come from this build's extractor.
 */
export function revisit(
  stored: Article,
  html: string,
  url: string,
): { observed: ObservedMarks; error?: string } {
  const { window } = parseQuietly(html, url);
  try {
    const found = extract(window.document, { url });
    if (!found.ok) {
      // The product stores nothing and marks nothing on a page it does not take for an article.
      return { observed: { marked: [], removed: [], titleChanged: false }, error: found.reason };
    }
    const current = anchorOnStored(
      found,
      stored.paragraphs.map((p) => p.text),
    ).article;
    // The background stores and marks nothing for the start of the article alone (src/background/record.ts).
    if (isPartialView(toText(stored), toText(current))) {
      return { observed: { marked: [], removed: [], titleChanged: false } };
    }
    return { observed: observe(hideLabelRemovals(align(toText(stored), toText(current))), current) };
  } finally {
    window.close();
  }
}

const PAYWALLS = [
  '<div class="paywall"><h2>Subscribe to continue reading</h2><p>Get unlimited access to our journalism for just $1 a week. Cancel anytime.</p><a href="/subscribe">Subscribe now</a><p>Already a subscriber? <a href="/login">Log in</a></p></div>',
  '<section class="article-gate"><h3>This article is for subscribers only</h3><p>Support independent journalism: subscribe today and read every story on any device.</p><button type="button">See offers</button></section>',
  '<div class="regwall"><p>Create a free account or log in to keep reading this story.</p><form action="/register"><input type="email" placeholder="Email address"><button>Continue</button></form></div>',
];

/**
 * The page as a paywall or sign-in wall serves it to a reader past their free articles: the story up to its second
 * paragraph of body text, then a prompt where the rest was; the page around it as it was. Only on pages with at
 * least six such paragraphs (a preview of a short story is most of it) and whose later text can be cut away
 * whole (see below). Serialised without touching `doc`.
 */
function paywall({
  doc,
  paragraphs,
  elements,
  seed,
}: {
  doc: Document;
  paragraphs: readonly { text: string; kind: string }[];
  elements: readonly (Element | null)[];
  seed: number;
}): string | null {
  // Paragraphs of body text shown by a block of their own.
  const plain = elements.filter(
    (el, i): el is Element =>
      el !== null && paragraphs[i]?.kind === 'p' && displayText(el.textContent ?? '') === paragraphs[i]?.text,
  );
  if (plain.length < 6) return null;
  const copy = doc.cloneNode(true) as Document;
  const inCopy = (el: Element): Element | null => {
    const path: number[] = [];
    for (let node: Element = el; node.parentElement; node = node.parentElement) {
      path.unshift(Array.prototype.indexOf.call(node.parentElement.children, node));
    }
    let node: Element | null = copy.documentElement;
    for (const i of path) node = node?.children[i] ?? null;
    return node;
  };
  const cut = plain[1] ? inCopy(plain[1]) : null;
  if (!cut) return null;
  // Everything of the article after the cut, found before any is removed.
  const after = elements
    .filter((el): el is Element => el !== null)
    .map(inCopy)
    .filter(
      (el): el is Element => el !== null && !el.contains(cut) && (cut.compareDocumentPosition(el) & 4) !== 0,
    );
  for (const el of after) el.remove();
  // A page whose later paragraphs are loose text in a block that also holds the cut (a deals page in one
  // <section>) cannot be cut this way: no case, rather than a half-cut page no paywall would serve.
  const shown = compareText(copy.body?.textContent ?? '');
  const cutAt = elements.indexOf(plain[1] ?? null);
  // Short lines ("Advertisement", "Share") stand elsewhere on the page too.
  const left = (text: string) => text.length >= 40 && shown.includes(compareText(text));
  if (paragraphs.slice(cutAt + 1).some((p) => left(p.text))) return null;
  const template = copy.createElement('template');
  template.innerHTML = PAYWALLS[seed % PAYWALLS.length] ?? '';
  cut.after(template.content);
  return `<!DOCTYPE html>\n${copy.documentElement.outerHTML}`;
}

/** The HTML of a page's first visit and of its three later visits, with the edits' truth. */
export type PageCases =
  | {
      ok: true;
      page: string;
      /** What the first visit stored (jsdom's extraction). */
      stored: Article;
      first: string;
      churned: string;
      /** Null when the article has too few plain paragraphs to edit. */
      edited: string | null;
      truth: EditTruth | null;
      rerendered: string;
      /** The first two paragraphs and a subscription prompt; null when the article is too short to cut. */
      paywalled: string | null;
    }
  | { ok: false; page: string; reason: string };

/**
 * Builds the later visits from the first one. `keepStyles` for a real browser, where a page's look matters;
 * jsdom spends most of its parse time on styles that Readability never reads.
 */
export function pageCases(page: EvalPage, opts: { keepStyles: boolean }): PageCases {
  const seed = seedOf(page.id);
  // The later visits are serialised from jsdom's tree, which lacks any style block jsdom could not read
  // (parseSource); the first visit is served as parsed, so all visits carry the same sheets.
  const { dom, html: first } = parseSource(prepareSource(page.load(), opts.keepStyles), page.url);
  try {
    const found = extract(dom.window.document, { url: page.url });
    if (!found.ok) return { ok: false, page: page.id, reason: found.reason };
    const input = {
      doc: dom.window.document,
      paragraphs: found.article.paragraphs,
      elements: found.elements,
      seed,
    };
    // From the page as first served, before any churn.
    const rerendered = rerender(input);
    const paywalled = paywall(input);
    const churn = [...churnAroundArticle(input), ...churnMore(input)];
    const churned = dom.serialize();
    const truth = editArticle(input, { splitMerge: true });
    if (truth) truth.churn = churn;
    const edited = truth ? dom.serialize() : null;
    return {
      ok: true,
      page: page.id,
      stored: found.article,
      first,
      churned,
      edited,
      truth,
      rerendered,
      paywalled,
    };
  } finally {
    dom.window.close();
  }
}

/** A first visit with furniture between the article's paragraphs, and two later ones with it changed. */
export type FurnitureCases =
  | {
      ok: true;
      /** What the furnished first visit stored. */
      stored: Article;
      first: string;
      /** The furniture changed, the article not. */
      furniture: string;
      /** The furniture changed and the article edited; null when it has too few plain paragraphs to edit. */
      edited: string | null;
      truth: EditTruth | null;
    }
  | { ok: false; reason: string };

/**
 * Builds the furniture visits: the page as served, with ad slots, promos, embeds and captions put between its
 * paragraphs (inside-churn.ts), then the same page as the next load serves it.
 */
export function furnitureCases(page: EvalPage, opts: { keepStyles: boolean }): FurnitureCases {
  const seed = seedOf(page.id);
  const { dom } = parseSource(prepareSource(page.load(), opts.keepStyles), page.url);
  try {
    const doc = dom.window.document;
    const base = extract(doc, { url: page.url });
    if (!base.ok) return { ok: false, reason: base.reason };
    const furnished = furnish(doc, base.elements, seed);
    const first = dom.serialize();
    const { window } = parseQuietly(first, page.url);
    const found = extract(window.document, { url: page.url });
    window.close();
    if (!found.ok) return { ok: false, reason: `furnished first visit: ${found.reason}` };
    const done = furnished.refurnish();
    const furniture = dom.serialize();
    const truth = editArticle(
      { doc, paragraphs: base.article.paragraphs, elements: base.elements, seed },
      { splitMerge: true },
    );
    if (truth) truth.churn = done;
    return {
      ok: true,
      stored: found.article,
      first,
      furniture,
      edited: truth ? dom.serialize() : null,
      truth,
    };
  } finally {
    dom.window.close();
  }
}

/** The later visits of one page, built from its first visit and judged. */
export function evaluatePage(page: EvalPage): PageResult {
  const started = Date.now();
  const built = pageCases(page, { keepStyles: false });
  if (!built.ok) return { page: page.id, ok: false, reason: built.reason, ms: Date.now() - started };
  const { stored, churned, edited, truth, rerendered, paywalled } = built;
  const judge = (kind: CaseKind, html: string, t: EditTruth | null, from = stored): CaseResult => {
    const { observed, error } = revisit(from, html, page.url);
    const score = scoreMarks(t, observed);
    const marks = observed.marked.length + observed.removed.length + (observed.titleChanged ? 1 : 0);
    return { page: page.id, kind, marks, score, ...(error ? { error } : {}) };
  };
  const cases = [judge('churn', churned, null)];
  if (edited !== null && truth) cases.push(judge('edited', edited, truth));
  cases.push(judge('rerender', rerendered, null));
  if (paywalled !== null) cases.push(judge('paywall', paywalled, null));
  const furnished = furnitureCases(page, { keepStyles: false });
  if (furnished.ok) {
    cases.push(judge('furniture', furnished.furniture, null, furnished.stored));
    if (furnished.edited !== null && furnished.truth) {
      cases.push(judge('furniture+edits', furnished.edited, furnished.truth, furnished.stored));
    }
  }
  return { page: page.id, ok: true, paragraphs: stored.paragraphs.length, cases, ms: Date.now() - started };
}

export interface KindSummary {
  kind: CaseKind;
  pages: number;
  recall: number;
  precision: number;
  labelAccuracy: number;
  /** Pages with at least one mark that is not a real change. */
  pagesWithFalseMarks: number;
  /** Later visits not read as an article (nothing marked, nothing stored). */
  notExtracted: number;
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

export function summarise(results: readonly PageResult[]): KindSummary[] {
  const cases = results.flatMap((r) => (r.ok ? r.cases : []));
  return CASE_KINDS.map((kind) => {
    const of = cases.filter((c) => c.kind === kind);
    const sum = (f: (s: PageScore) => number) => of.reduce((acc, c) => acc + f(c.score), 0);
    return {
      kind,
      pages: of.length,
      recall: ratio(
        sum((s) => s.found),
        sum((s) => s.truthChanges),
      ),
      precision: ratio(
        sum((s) => s.correct),
        sum((s) => s.reported),
      ),
      labelAccuracy: ratio(
        sum((s) => s.rightLabel),
        sum((s) => s.found),
      ),
      pagesWithFalseMarks: of.filter((c) => c.score.correct < c.score.reported).length,
      notExtracted: of.filter((c) => c.error !== undefined).length,
    };
  });
}

/** Every `step`-th page from `offset`: a sample spread over both page sets, the same on every run. */
export function samplePages(pages: readonly EvalPage[], step: number, offset = 0): EvalPage[] {
  return pages.filter((_, i) => i % step === offset);
}
