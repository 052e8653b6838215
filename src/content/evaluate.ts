/**
 * Evaluating one page (or one same-document navigation of a single-page site): settle, extract, store through
 * the background, mark the changes. The status goes on `<html data-redline-status>` last, once the marks are in
 * place, because tests and tools wait on it.
 *
 * What a reload shows is decided by the background (see src/background/record.ts): the newest version compared
 * with the distinct version before it, until the reader dismisses the marks or a newer version arrives.
 */

import type { CaptureReply, MessageType, RequestOf, ResponseOf } from '../background/protocol';
import { filingUrl } from '../core/filing';
import type { AlignResult, Article, ExtractResult, VersionText } from '../core/model';
import { READABLE_CONTRACT } from './contract';
import type { PageReading } from './extract-remote';
import type { OverlayInput } from './overlay';
import { ignoreOnPage } from './pageRules';
import type { SettleOptions, SettleResult } from './settle';

export type PageStatus = 'captured' | 'unchanged' | 'changed' | 'skipped';

export type Extracted = Extract<ExtractResult, { ok: true }>;

export interface EvaluateDeps {
  send: <K extends MessageType>(type: K, request: RequestOf<K>) => Promise<ResponseOf<K>>;
  /**
   * `force`: the reader keeps this page although it may not look like an article. May answer later: the page
   * is read in the background and mapped back in slices (extract-remote.ts).
   */
  extract: (
    doc: Document,
    opts?: { url?: string; force?: boolean },
  ) => ExtractResult | Promise<ExtractResult>;
  /**
   * Anchors the extraction on the stored version: puts back paragraphs the page still shows, leaves out
   * boundary drift (anchor.ts).
   */
  restore: (extracted: Extracted, previous: readonly string[]) => Extracted;
  align: (oldV: VersionText, newV: VersionText) => AlignResult;
  /** The extractor this build reads pages with (EXTRACTOR_VERSION). */
  extractor: number;
  /** What is shown of a comparison with a version another extractor read (across-extractors.ts). */
  acrossExtractors: (result: AlignResult) => AlignResult;
  /** Called for every changed page; the `overlay` mode of the capture reply is honoured by ui-listener.ts. */
  mountOverlay: (input: OverlayInput, signal: AbortSignal) => void;
  settle: (doc: Document, options: SettleOptions) => Promise<SettleResult>;
  /** `browser.extension.inIncognitoContext`: nothing is read or kept in private windows. */
  incognito: boolean;
}

export interface EvaluateOptions {
  /**
   * After a same-document navigation: `articleKey` of the article shown before it. A single-page site may keep
   * the old article on screen, unchanged, until the new one arrives, and the settle wait can end in that gap;
   * what still reads like the old article is not taken for the new address.
   */
  previousKey?: string | null;
  /** Evaluated after a same-document navigation, not a page load: the background limits how often it stores. */
  sameDocument?: boolean;
  /** Called once the background accepted a dismissal. */
  onDismissed?: () => void;
}

/** Extra settle waits when the page still shows the previous address's article. */
export const STALE_RETRIES = 3;

export interface Evaluation {
  status: PageStatus;
  /** Changes marked on the page (the toolbar badge count). */
  changes: number;
  /** `articleKey` of the article read, null when none was. */
  key: string | null;
}

/** Identifies an article's text, for noticing that a single-page site has not replaced it yet. */
export function articleKey(article: Pick<Article, 'title' | 'paragraphs'>): string {
  return JSON.stringify([article.title, ...article.paragraphs.map((p) => p.text)]);
}

/** How many changes the reader can step through: each paragraph-level change, plus the headline. */
export function countChanges(result: AlignResult): number {
  const { added, removed, reworded, moved } = result.stats;
  return added + removed + reworded + moved + (result.title.changed ? 1 : 0);
}

/**
 * Test build only: a status on every page would tell any site that Redline is installed, and `unchanged`
 * against `captured` whether this address was read before (issue 9, item 2).
 */
export function setStatus(doc: Document, status: PageStatus, readable = READABLE_CONTRACT): void {
  if (readable) doc.documentElement.dataset.redlineStatus = status;
}

export function clearStatus(doc: Document, readable = READABLE_CONTRACT): void {
  if (!readable) return;
  delete doc.documentElement.dataset.redlineStatus;
  delete doc.documentElement.dataset.redlineError;
}

/**
 * Evaluates the page and marks it; `signal` aborting (the single-page site moved on) stops the work and removes
 * the marks. Rejects with the abort reason when aborted, with the background's error when storing failed.
 */
export async function evaluatePage(
  doc: Document,
  signal: AbortSignal,
  deps: EvaluateDeps,
  options: EvaluateOptions = {},
): Promise<Evaluation> {
  const location = doc.location.href;
  let key: string | null = null;
  const finish = (status: PageStatus, changes = 0): Evaluation => {
    signal.throwIfAborted();
    setStatus(doc, status);
    return { status, changes, key };
  };

  if (deps.incognito) return finish('skipped');
  const check = await deps.send('site.check', { location });
  if (!check.capture) return finish('skipped');

  let extracted: PageReading;
  for (let attempt = 0; ; attempt += 1) {
    await deps.settle(doc, { signal });
    signal.throwIfAborted();
    extracted = await deps.extract(doc, check.force ? { url: location, force: true } : { url: location });
    signal.throwIfAborted();
    const stale =
      extracted.ok && options.previousKey != null && articleKey(extracted.article) === options.previousKey;
    if (!stale || attempt >= STALE_RETRIES) break;
  }
  if (!extracted.ok) return finish('skipped');
  key = articleKey(extracted.article);

  // A page may claim another site's article as its canonical URL; see filing.ts.
  const url = filingUrl(extracted.article.url, location);
  let complete: Extracted = extracted;
  // Read in the background, the extraction was anchored on the stored version there (src/background/parse).
  if (extracted.anchored !== true) {
    const latest = await deps.send('article.latest', { url });
    signal.throwIfAborted();
    if (latest !== null) complete = deps.restore(extracted, latest.paragraphs);
  }
  const { elements, titleElement } = complete;
  const article = { ...complete.article, url };
  const reply: CaptureReply = await deps.send('article.capture', {
    location,
    article,
    ...(options.sameDocument === true ? { sameDocument: true } : {}),
  });
  signal.throwIfAborted();
  if (reply.status !== 'changed') return finish(reply.status);

  const previous = reply.previous;
  const old = { title: previous.title, paragraphs: previous.paragraphs };
  // The background compared the versions (src/background/compare.ts); a background that did not is still
  // answered here.
  let compared = reply.aligned;
  if (compared === undefined) {
    const aligned = deps.align(old, {
      title: article.title,
      paragraphs: article.paragraphs.map((p) => p.text),
    });
    // Another release read the stored version: show only what a change of extraction cannot explain.
    compared = previous.extractor === deps.extractor ? aligned : deps.acrossExtractors(aligned);
  }
  // Changes like ones the reader chose to ignore on this site are left out (pageRules.ts).
  const newTexts = article.paragraphs.map((p) => p.text);
  const result = ignoreOnPage(compared, old.paragraphs, newTexts, elements, reply.rules ?? []);
  // Nothing left to show (only extraction or template differences): the page reads as unchanged, and the
  // version just stored is the baseline from now on.
  if (countChanges(result) === 0) return finish('unchanged');
  const onDismiss = (): void => {
    deps.send('article.dismiss', { url: article.url, hash: reply.hash }).then(
      ({ dismissed }) => {
        if (dismissed) options.onDismissed?.();
      },
      (error: unknown) => console.warn('Redline: could not dismiss the changes', error),
    );
  };
  // Called in both overlay modes: in `badge` mode the wrapper index.ts installs (ui-listener.ts) keeps the input
  // for the popup to show on request instead of mounting it.
  deps.mountOverlay(
    {
      doc,
      result,
      elements,
      titleElement,
      old,
      since: previous.firstSeen,
      onDismiss,
      paragraphs: newTexts,
      onIgnore: (pattern) => deps.send('rules.addFromPage', { kind: 'text', pattern }).then(() => undefined),
    },
    signal,
  );
  return finish('changed', countChanges(result));
}
