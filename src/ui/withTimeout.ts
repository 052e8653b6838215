/**
 * A view must never wait forever: a background that was stopped mid-request, or a reply too large for the
 * browser to deliver, can leave a promise that never settles, and the reader would look at "Loading…" with no
 * way out. After `ms` the view gets an error it can show with its way out instead.
 */
import { t } from './i18n';

export class TimedOut extends Error {
  override readonly name = 'TimedOut';
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new TimedOut(t('timeout_message', what, Math.round(ms / 1000)))), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** How long a view waits for one article's history before it says it could not load it. */
export const ARTICLE_LOAD_MS = 30_000;
