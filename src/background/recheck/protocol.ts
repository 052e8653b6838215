/**
 * The re-check's messages, merged into `Protocol` (../protocol.ts): the list "Edited since you read it" and one
 * article's follow state for the extension's pages, and the test build's hook.
 */

import { isRecord } from '../../protocol/guards';
import type { FollowState } from './follow';
import type { EditedEntry } from './store';

/** What the test build's hook can do: run the alarm's tick at a (fake) time, click a notice, read the badge. */
export type RecheckTestRequest =
  /** `only`: check no other article than this one (each test case follows its own). */
  | { action: 'tick'; at: number; only?: string }
  | { action: 'click'; url: string }
  | { action: 'observe' }
  /** Opens the options page (Firefox's test driver can reach a tab the extension opened, not open one). */
  | { action: 'options' };

export interface RecheckProtocol {
  'recheck.edited': { from: 'page'; request: null; response: EditedEntry[] };
  'recheck.follow': { from: 'page'; request: { url: string }; response: FollowState | null };
  /**
   * Test build only (`__REDLINE_TEST_BUILD__`, src/content/contract.ts): relayed by the test build's content
   * script, because Firefox's test driver cannot open extension pages. The normal build refuses it.
   */
  'recheck.test': { from: 'content'; request: RecheckTestRequest; response: unknown };
}

export type RecheckMessageType = keyof RecheckProtocol;

export const RECHECK_SENDER_KINDS: { [K in RecheckMessageType]: RecheckProtocol[K]['from'] } = {
  'recheck.edited': 'page',
  'recheck.follow': 'page',
  'recheck.test': 'content',
};

type Request<K extends RecheckMessageType> = RecheckProtocol[K]['request'];

export const RECHECK_REQUEST_CHECKS: {
  [K in RecheckMessageType]: (request: unknown) => request is Request<K>;
} = {
  'recheck.edited': (r): r is null => r === null,
  'recheck.follow': (r): r is Request<'recheck.follow'> => isRecord(r) && typeof r.url === 'string',
  'recheck.test': (r): r is RecheckTestRequest =>
    isRecord(r) &&
    ((r.action === 'tick' &&
      typeof r.at === 'number' &&
      Number.isFinite(r.at) &&
      (r.only === undefined || typeof r.only === 'string')) ||
      (r.action === 'click' && typeof r.url === 'string') ||
      r.action === 'observe' ||
      r.action === 'options'),
};
