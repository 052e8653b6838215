/**
 * The stored history: the records the background keeps in the extension's IndexedDB, and from which the JSON
 * export (format "redline-history", version 1) is made. Times are epoch milliseconds here; the export writes
 * them as ISO 8601 strings.
 */
import type { Paragraph } from './model';

/** One article, keyed by its canonical URL. */
export interface StoredArticle {
  url: string;
  /** Host name without a leading "www.", for search and per-site settings. */
  site: string;
  /** Headline of the newest version. */
  title: string;
  lang: string | null;
  firstSeen: number;
  lastSeen: number;
  /** When a version with different words than the one before was first seen (== firstSeen until then). */
  lastChanged: number;
  versionCount: number;
  /** Hash of the newest version whose marks the reader dismissed; the overlay stays hidden for it. */
  dismissedHash?: string | null;
}

/**
 * One distinct visit of an article's text, in the order seen: a revisit of unchanged text stores no new version,
 * but a return to an older text (A → B → A) does, so the same hash can appear on more than one record.
 */
export interface StoredVersion {
  /** Auto-incremented key; absent before the record is written. */
  id?: number;
  url: string;
  /** Content hash of the comparison form of headline and paragraphs (see `versionHash`). */
  hash: string;
  title: string;
  paragraphs: Paragraph[];
  byline: string | null;
  publishedTime: string | null;
  firstSeen: number;
  lastSeen: number;
  /**
   * One of a few texts the page alternates between (an A/B-tested headline): stored once, and a load showing any
   * of them is a revisit, not an edit. Absent on ordinary versions.
   */
  variant?: boolean;
  /**
   * Which extraction read this version (`EXTRACTOR_VERSION` in src/core/extract/version.ts). Absent on versions
   * stored before the field existed and on imports from such files: those read as `LEGACY_EXTRACTOR_VERSION`.
   */
  extractor?: number;
  /**
   * `fetched`: read by the background re-check (src/background/recheck), not shown in a tab; the reader has not
   * seen it, so a revisit is marked against the last version they saw. Absent (or `seen`): shown in a tab.
   */
  origin?: VersionOrigin;
}

export type VersionOrigin = 'seen' | 'fetched';

/** True unless the version was only fetched in the background (absent = seen, as every version before it). */
export function wasSeen(version: Pick<StoredVersion, 'origin'>): boolean {
  return version.origin !== 'fetched';
}

/** One time the reader opened the article. */
export interface StoredVisit {
  id?: number;
  url: string;
  at: number;
  /** Hash of the version that was on the page. */
  hash: string;
}
