/**
 * A read the background did not answer is asked once more before the page gives up.
 *
 * Chromium stops an extension's service worker when it likes; a message that reaches a worker as it stops can
 * stay unanswered (`send()` only tries again when the browser says the reply failed, not when none ever comes),
 * and the background may answer that its database did not open in time (`DatabaseTimeout`,
 * src/background/db-connection.ts). A new message wakes a stopped worker, and the background then opens the
 * database afresh, so one more try usually answers. Only reads are asked twice: a write that seemed lost may have
 * landed, and the reader's delete, import or settings change must happen once, when the reader asked.
 */

import { type MessageType, type RequestOf, type ResponseOf, send } from '../background/protocol';
import { isDatabaseTimeout } from '../protocol/database';
import { ARTICLE_LOAD_MS, withTimeout } from './withTimeout';

/** The page messages that only read: nothing changes however often they are sent. */
export const READ_TYPES = [
  'ui.articles',
  'ui.article',
  'ui.export',
  'ui.usage',
  'ui.siteArticles',
  'ui.editKinds',
  'rules.list',
  'settings.get',
  'recheck.follow',
] as const satisfies readonly MessageType[];

export type ReadType = (typeof READ_TYPES)[number];

/**
 * When the first try is given up and the read sent again. Longer than the background's own database limit
 * (DB_WAIT_LIMIT_MS, 8 s), so a stuck database answers with its error before a second try would join the same
 * stuck open; short enough that the second try has 20 s of the page's 30.
 */
export const ASK_AGAIN_MS = 10_000;

export interface TwiceOptions {
  /** After this long without an answer, ask again. */
  againAfterMs: number;
  /** Both tries together, after which the page hears `TimedOut` (withTimeout.ts). */
  totalMs: number;
  /** What did not answer, for the reader ("The history"). */
  what: string;
}

/**
 * `ask()`, and once more when it has not answered after `againAfterMs` or answered DatabaseTimeout; the first
 * answer of either try wins (an error of the first try after the second was sent is not the last word), all
 * within `totalMs`.
 */
export function askTwice<T>(
  ask: () => Promise<T>,
  { againAfterMs, totalMs, what }: TwiceOptions,
): Promise<T> {
  let cancel = (): void => undefined;
  const answer = new Promise<T>((resolve, reject) => {
    let again = false;
    const askAgain = (): void => {
      if (again) return;
      again = true;
      cancel();
      ask().then(resolve, reject);
    };
    const timer = setTimeout(askAgain, againAfterMs);
    cancel = () => clearTimeout(timer);
    ask().then(
      (value) => {
        cancel();
        resolve(value);
      },
      (error: unknown) => {
        if (again) return;
        if (isDatabaseTimeout(error)) askAgain();
        else {
          cancel();
          reject(error);
        }
      },
    );
  });
  // Past the page's own limit nothing is sent any more.
  return withTimeout(answer, totalMs, what).finally(() => cancel());
}

/** Sends the read `type`, asking twice as above within `totalMs` (by default the page's 30 s). */
export function readTwice<K extends ReadType>(
  type: K,
  request: RequestOf<K>,
  what: string,
  totalMs: number = ARTICLE_LOAD_MS,
): Promise<ResponseOf<K>> {
  return askTwice(() => send(type, request), { againAfterMs: ASK_AGAIN_MS, totalMs, what });
}
