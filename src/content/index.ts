/**
 * Content script entry (http(s) pages, top frame, document_idle): evaluates the page once, and again whenever a
 * single-page site shows another address in the same document. Each evaluation owns an AbortController; the
 * next one aborts it, which stops its work and removes its marks.
 */
import browser from 'webextension-polyfill';
import { send } from '../background/protocol';
import { badgeOnRestore } from './badge-on-restore';
import { READABLE_CONTRACT } from './contract';
import { clearStatus, type EvaluateDeps, type Evaluation, evaluatePage } from './evaluate';
import { mountOverlay } from './overlay';
import { readPage } from './read-page';
import { waitForSettle } from './settle';
import { tabBadge } from './tab-badge';
import { installTestRelay } from './test-relay';
import { withUi } from './ui-listener';
import { watchAddress } from './url-watch';

const incognito = browser.extension.inIncognitoContext ?? false;
// withUi: the popup asks this tab what it shows and can mark it against another version (ui-listener.ts).
const deps: EvaluateDeps = withUi(
  {
    send,
    // Hidden text is left out by markup (core/extract/hidden.ts), not by asking the browser what is rendered
    // (`isHidden` / checkVisibility): many pages keep the article hidden by a stylesheet until their scripts run,
    // or fold part of it behind "read more", so what is rendered when the page settles differs between visits of
    // the same text, and seattletimes-1 with its scripts held back showed none of its 52 paragraphs.
    // Read, anchored on the stored version and compared in the background (offscreen document / Firefox's
    // background page): this script holds no extractor and no diff, so every page compiles and runs less of it.
    extract: readPage,
    mountOverlay,
    settle: waitForSettle,
    incognito,
  },
  browser.runtime,
  document,
  showBadge,
);

let current: AbortController | null = null;
let changesShown = 0;
let shownArticle: Evaluation['article'] = null;

const badge = tabBadge((changes) => {
  send('badge.set', { changes }).catch(() => undefined);
});

function showBadge(changes: number): void {
  badge.show(changes);
}

const armBadgeRestore = incognito
  ? () => undefined
  : badgeOnRestore(
      window,
      () => changesShown,
      (changes) => badge.restore(changes),
    );

function evaluate(renavigation: boolean): void {
  current?.abort(new DOMException('The page showed another address', 'AbortError'));
  const controller = new AbortController();
  current = controller;
  clearStatus(document);
  if (renavigation && changesShown > 0) {
    changesShown = 0;
    showBadge(0);
  }
  const onDismissed = (): void => {
    changesShown = 0;
    badge.cleared();
  };
  const previousArticle = renavigation ? shownArticle : null;
  evaluatePage(document, controller.signal, deps, {
    previousArticle,
    sameDocument: renavigation,
    onDismissed,
  }).then(
    ({ changes, article }) => {
      changesShown = changes;
      shownArticle = article;
      if (!incognito) showBadge(changes);
      if (changes > 0) armBadgeRestore();
    },
    (error: unknown) => {
      if (controller.signal.aborted) return;
      console.warn('Redline:', error);
      // Not a status: the contract's four statuses mean the page was evaluated. This says why it was not, to
      // tests only; the normal build writes nothing a page could read.
      if (READABLE_CONTRACT) {
        document.documentElement.dataset.redlineError =
          error instanceof Error ? error.message : String(error);
      }
    },
  );
}

evaluate(false);
if (!incognito) {
  // Watched for the document's whole life: the listeners go when the document does.
  watchAddress(window, () => evaluate(true), new AbortController().signal);
}
// Test build only (compile-time constant): the browser tests' way to the re-check's hook.
if (READABLE_CONTRACT && !incognito) installTestRelay(document, send, new AbortController().signal);
