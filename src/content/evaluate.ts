/**
 * Evaluating one page (or one same-document navigation of a single-page site): settle, extract, store through
 * the background, mark the changes. The status goes on `<html data-redline-status>` last, once the marks are in
 * place, because tests and tools wait on it.
 *
 * What a reload shows is decided by the background (see src/background/record.ts): the newest version compared
 * with the distinct version before it, until the reader dismisses the marks or a newer version arrives.
 */

import type { CaptureReply, MessageType, RequestOf, ResponseOf } from '../background/protocol';
import type { AlignResult, Article } from '../core/model';
import { READING_GONE } from '../protocol/reading';
import { useTemplates } from '../ui/i18n';
import { wholeReply } from './capture-reply';
import { READABLE_CONTRACT } from './contract';
import type { CaptureRequest, PageReading } from './extract-remote';
import { paragraphsToMark } from './marked-paragraphs';
import type { OverlayInput } from './overlay';
import { ignoreOnPage } from './pageRules';
import type { SettleOptions, SettleResult } from './settle';

export type PageStatus = 'captured' | 'unchanged' | 'changed' | 'skipped';

export interface EvaluateDeps {
  send: <K extends MessageType>(type: K, request: RequestOf<K>) => Promise<ResponseOf<K>>;
  /**
   * `force`: the reader keeps this page although it may not look like an article. The page is read in the
   * background, anchored there on the stored version of its article (anchor.ts), and mapped back in slices
   * (extract-remote.ts).
   */
  extract: (
    doc: Document,
    opts?: { url?: string; force?: boolean; capture?: CaptureRequest },
  ) => PageReading | Promise<PageReading>;
  /** Called for every changed page; the `overlay` mode of the capture reply is honoured by ui-listener.ts. */
  mountOverlay: (input: OverlayInput, signal: AbortSignal) => void;
  settle: (doc: Document, options: SettleOptions) => Promise<SettleResult>;
  /** `browser.extension.inIncognitoContext`: nothing is read or kept in private windows. */
  incognito: boolean;
}

export interface EvaluateOptions {
  /**
   * After a same-document navigation: the article shown before it. A single-page site may keep the old article
   * on screen, unchanged, until the new one arrives, and the settle wait can end in that gap; what still reads
   * like the old article is not taken for the new address.
   */
  previousArticle?: ArticleText | null;
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
  /** The article read, null when none was: the next same-document navigation compares with it. */
  article: ArticleText | null;
}

type ArticleText = Pick<Article, 'title' | 'paragraphs'>;

/**
 * Whether two readings have the same text, for noticing that a single-page site has not replaced its article
 * yet. Compared where needed, paragraph by paragraph: a key of every article's whole text, made on every visit
 * for a navigation that rarely comes, cost 46–56 ms at 20,000 paragraphs.
 */
export function sameArticleText(a: ArticleText, b: ArticleText): boolean {
  if (a === b) return true;
  if (a.title !== b.title || a.paragraphs.length !== b.paragraphs.length) return false;
  return a.paragraphs.every((p, i) => p.text === b.paragraphs[i]?.text);
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
  let shown: ArticleText | null = null;
  const finish = (status: PageStatus, changes = 0): Evaluation => {
    signal.throwIfAborted();
    setStatus(doc, status);
    return { status, changes, article: shown };
  };

  if (deps.incognito) return finish('skipped');
  const check = await deps.send('site.check', { location });
  if (!check.capture) return finish('skipped');

  const sameDocument = options.sameDocument === true ? { sameDocument: true } : {};
  // With nothing to compare the reading with first (a page load), the background stores it as it reads it:
  // one exchange fewer on the page's thread (issue 8).
  const storeAsRead = options.previousArticle == null ? { capture: sameDocument } : {};
  let extracted: PageReading;
  for (let attempt = 0; ; attempt += 1) {
    await deps.settle(doc, { signal });
    signal.throwIfAborted();
    extracted = await deps.extract(doc, {
      url: location,
      ...(check.force ? { force: true } : {}),
      ...storeAsRead,
    });
    signal.throwIfAborted();
    const stale =
      extracted.ok &&
      options.previousArticle != null &&
      sameArticleText(extracted.article, options.previousArticle);
    if (!stale || attempt >= STALE_RETRIES) break;
  }
  if (!extracted.ok) return finish('skipped');
  shown = extracted.article;

  // The article as the page declares it: a page may claim another site's article as its canonical URL, so the
  // background decides where it is filed, from the address the browser reports for this tab (core/filing.ts).
  const { article } = extracted;
  const capture = (byReading: boolean): Promise<CaptureReply> =>
    deps.send(
      'article.capture',
      byReading && extracted.reading
        ? { location, reading: extracted.reading, ...sameDocument }
        : { location, article, ...sameDocument },
    );
  // Naming the background's own reading spares sending a long article back; a background that restarted since
  // has lost it, and gets the article itself.
  const head =
    extracted.captured ??
    (await capture(true).catch((error: unknown) => {
      if (error instanceof Error && error.name === READING_GONE) return capture(false);
      throw error;
    }));
  signal.throwIfAborted();
  if (head.status !== 'changed') return finish(head.status);
  // A long article's reply comes in parts, one message (and one task) each (capture-reply.ts).
  const reply = await wholeReply(head, (id, index) => deps.send('capture.part', { id, index }), signal);
  signal.throwIfAborted();
  // The live elements are looked for only now, and only those the marks need: most visits have nothing to
  // mark (extract-remote.ts).
  const { elements, titleElement } = await extracted.place(
    paragraphsToMark(reply.aligned, article.paragraphs.length, reply.notices, reply.rules ?? []),
  );
  signal.throwIfAborted();

  const previous = reply.previous;
  const old = { title: previous.title, paragraphs: previous.paragraphs };
  // Changes like ones the reader chose to ignore on this site are left out (pageRules.ts).
  const newTexts = article.paragraphs.map((p) => p.text);
  // The background compared the versions (src/background/compare.ts).
  const result = ignoreOnPage(reply.aligned, old.paragraphs, newTexts, elements, reply.rules ?? []);
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
  // The overlay's words from the background's templates: the browser's first getMessage holds the page's thread.
  useTemplates(reply.messages);
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
      sinceLabel: reply.sinceLabel,
      ...(reply.numbers ? { numbers: reply.numbers } : {}),
      notices: reply.notices,
      onDismiss,
      paragraphs: newTexts,
      onIgnore: (pattern) => deps.send('rules.addFromPage', { kind: 'text', pattern }).then(() => undefined),
    },
    signal,
  );
  return finish('changed', countChanges(result));
}
