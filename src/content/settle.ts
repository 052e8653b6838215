/**
 * Waiting until a page has settled before reading it: many news sites render or hydrate the article after
 * `document_idle`. Settled means no significant DOM change for `quietMs`; `maxMs` bounds the wait so a live blog
 * that never stops changing is still read.
 */

import { isOverlayElement, OVERLAY_SELECTOR } from './overlay/overlayElement';

export const QUIET_MS = 600;
export const MAX_WAIT_MS = 4000;

export interface SettleOptions {
  quietMs?: number;
  maxMs?: number;
  signal?: AbortSignal;
}

/** `quiet`: nothing significant changed for quietMs. `timeout`: maxMs passed first. */
export type SettleResult = 'quiet' | 'timeout';

// Elements that never hold article text; ads and trackers insert them all the time.
const IGNORED_TAGS = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'svg']);

function isSignificantNode(node: Node): boolean {
  if (node.nodeType === Node.TEXT_NODE) return (node.textContent ?? '').trim() !== '';
  if (node.nodeType !== Node.ELEMENT_NODE) return false;
  const element = node as Element;
  return !IGNORED_TAGS.has(element.tagName) && !isOverlayElement(element);
}

function anySignificant(nodes: NodeList): boolean {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node && isSignificantNode(node)) return true;
  }
  return false;
}

/**
 * Whether a mutation could change the article. Only nodes coming and going count: text edits in place are
 * clocks, counters and "updated 2 minutes ago" labels far more often than article text. The observer sees
 * every change of a busy page while it settles (ads, trackers), so the cheap tests come first: the nodes
 * themselves, and only for a change that moved something significant, the target's ancestors (`closest`).
 */
export function isSignificantMutation(record: MutationRecord): boolean {
  if (record.type !== 'childList') return false;
  if (!anySignificant(record.addedNodes) && !anySignificant(record.removedNodes)) return false;
  const target = record.target;
  return !(target.nodeType === Node.ELEMENT_NODE && (target as Element).closest(OVERLAY_SELECTOR));
}

export function waitForSettle(doc: Document, options: SettleOptions = {}): Promise<SettleResult> {
  const { quietMs = QUIET_MS, maxMs = MAX_WAIT_MS, signal } = options;
  return new Promise<SettleResult>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const Observer = doc.defaultView?.MutationObserver ?? MutationObserver;
    let quietTimer: ReturnType<typeof setTimeout> | undefined;

    const finish = (result: SettleResult | { error: unknown }): void => {
      observer.disconnect();
      clearTimeout(quietTimer);
      clearTimeout(maxTimer);
      signal?.removeEventListener('abort', onAbort);
      if (typeof result === 'string') resolve(result);
      else reject(result.error);
    };
    const onAbort = (): void => finish({ error: signal?.reason });
    const restartQuiet = (): void => {
      clearTimeout(quietTimer);
      quietTimer = setTimeout(() => finish('quiet'), quietMs);
    };

    const observer = new Observer((records) => {
      if (records.some(isSignificantMutation)) restartQuiet();
    });
    observer.observe(doc, { childList: true, subtree: true });
    const maxTimer = setTimeout(() => finish('timeout'), maxMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    restartQuiet();
  });
}
