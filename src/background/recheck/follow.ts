/**
 * What the background re-check keeps per followed article (the `follows` store, database step 3). One record per
 * article the reader read within the follow window; it holds no text, only when to look next, the validators of
 * the last answer, and what the last checks found.
 */

/** What one check found. `could-not-check`: a paywall, consent page or teaser stood where the article was. */
export type CheckOutcome =
  | 'unchanged'
  | 'edited'
  | 'removed'
  | 'moved'
  | 'could-not-check'
  | 'rate-limited'
  | 'server-error'
  | 'failed';

/** Why checking an article stopped for good (until the reader reads it again). */
export type StopReason = 'removed' | 'moved' | 'failures';

export interface EditedSinceRead {
  /** Hash of the fetched version. */
  hash: string;
  /** When the check found it. */
  at: number;
  /** Against the last version the reader saw. */
  counts: { added: number; removed: number; reworded: number; moved: number; headline: boolean };
}

export interface FollowState {
  /** The article's key (its canonical URL), as in the `articles` store. */
  url: string;
  /** The article's `lastSeen` when this state was (re)started; a later read starts it afresh. */
  readAt: number;
  /** When the article is due to be checked (epoch ms). */
  nextCheck: number;
  /** The wait after an unchanged check; doubles while nothing changes, up to a limit (schedule.ts). */
  interval: number;
  /** Validators of the last 200 answer, for a conditional request. */
  etag: string | null;
  lastModified: string | null;
  /** Checks in a row that failed (network, timeout, 5xx, unreadable page). */
  failures: number;
  lastCheck: number | null;
  lastOutcome: CheckOutcome | null;
  /** Set when checking stopped: 404/410 (`removed`), a redirect to another address (`moved`), or `failures`. */
  stopped: StopReason | null;
  /** Where a redirect led, for `moved`. */
  movedTo: string | null;
  /** A fetched edit the reader has not seen yet; cleared when they read the article again. */
  edited: EditedSinceRead | null;
}
