/**
 * A validated file + what the store already holds → the records to write. Nothing is duplicated: a version
 * stretch is the same as a stored record when they have the same (url, hash) and no other text was seen between
 * them, and then only its seen range widens; a visit is the same when its
 * (url, at, hash) is. Article summaries are recomputed from both sides.
 */
import type { StoredArticle, StoredVersion, StoredVisit } from '../history';
import type { ExportArticle, HistoryRecords, RedlineHistoryV1 } from './format';
import { groupByUrl } from './groupByUrl';
import { parseIso } from './isoTime';

export interface MergeReport {
  articlesAdded: number;
  /** Articles already stored whose summary (times, headline, version count) changed. */
  articlesUpdated: number;
  versionsAdded: number;
  /** Versions already stored whose first/last seen time the file widened. */
  versionsUpdated: number;
  visitsAdded: number;
  /** Versions and visits of the file that were already stored. */
  duplicatesSkipped: number;
}

/** Records to put into the store (existing ones keep their `id`), and what the import did. */
export interface MergeResult extends HistoryRecords {
  report: MergeReport;
}

/** Times in a validated document always parse; anything else means the caller skipped `validate`. */
function ms(text: string): number {
  const time = parseIso(text);
  if (time === null)
    throw new Error(`mergeImport: ${JSON.stringify(text)} is not a valid time; validate first`);
  return time;
}

function sameArticle(a: StoredArticle, b: StoredArticle): boolean {
  return (
    a.site === b.site &&
    a.title === b.title &&
    a.lang === b.lang &&
    a.firstSeen === b.firstSeen &&
    a.lastSeen === b.lastSeen &&
    a.lastChanged === b.lastChanged &&
    a.versionCount === b.versionCount
  );
}

/**
 * `existing` must hold, for every URL in the file, all of that article's stored records (passing the whole
 * store is simplest). `incoming` must have passed `validate`.
 */
export function mergeImport(existing: HistoryRecords, incoming: RedlineHistoryV1): MergeResult {
  const report: MergeReport = {
    articlesAdded: 0,
    articlesUpdated: 0,
    versionsAdded: 0,
    versionsUpdated: 0,
    visitsAdded: 0,
    duplicatesSkipped: 0,
  };
  const out: MergeResult = { articles: [], versions: [], visits: [], report };
  const storedArticles = new Map(existing.articles.map((a) => [a.url, a] as const));
  const storedVersions = groupByUrl(existing.versions);
  const storedVisits = groupByUrl(existing.visits);

  for (const article of incoming.articles) {
    const versionCount = mergeVersions(article, storedVersions.get(article.url) ?? [], out);
    mergeVisits(article, storedVisits.get(article.url) ?? [], out);
    const fromFile: StoredArticle = {
      url: article.url,
      site: article.site,
      title: article.title,
      lang: article.lang,
      firstSeen: ms(article.firstSeen),
      lastSeen: ms(article.lastSeen),
      lastChanged: ms(article.lastChanged),
      versionCount,
      dismissedHash: null,
    };
    const stored = storedArticles.get(article.url);
    if (!stored) {
      out.articles.push(fromFile);
      report.articlesAdded++;
      continue;
    }
    // The side seen most recently knows the current headline; on a tie the store wins.
    const newer = fromFile.lastSeen > stored.lastSeen ? fromFile : stored;
    const merged: StoredArticle = {
      ...stored,
      site: newer.site,
      title: newer.title,
      lang: newer.lang,
      firstSeen: Math.min(stored.firstSeen, fromFile.firstSeen),
      lastSeen: Math.max(stored.lastSeen, fromFile.lastSeen),
      lastChanged: Math.max(stored.lastChanged, fromFile.lastChanged),
      versionCount,
    };
    if (!sameArticle(merged, stored)) {
      out.articles.push(merged);
      report.articlesUpdated++;
    }
  }
  return out;
}

/** One stretch of the article's timeline: a stored record (with its id) or a record the file brings. */
interface Entry {
  record: StoredVersion;
  stored: boolean;
  changed: boolean;
}

/**
 * Adds the file's versions of one article to `out`; returns how many version records it has afterwards.
 *
 * Stored records and the file's stretches (`seen`, or one stretch from firstSeen to lastSeen) are laid on one
 * timeline by first seen. Neighbours with the same hash are one visit of that text and merge (seen times widen);
 * a text that comes back after another (A → B → A) stays a record of its own, so every distinct visit is kept
 * in order. A `variant` flag from either side is kept.
 */
function mergeVersions(article: ExportArticle, stored: readonly StoredVersion[], out: MergeResult): number {
  const entries: Entry[] = stored.map((record) => ({ record, stored: true, changed: false }));
  const variants = new Set(stored.filter((v) => v.variant).map((v) => v.hash));
  for (const v of article.versions) {
    if (v.variant) variants.add(v.hash);
    for (const span of v.seen ?? [{ firstSeen: v.firstSeen, lastSeen: v.lastSeen }]) {
      const record: StoredVersion = {
        url: article.url,
        hash: v.hash,
        title: v.title,
        paragraphs: v.paragraphs.map((p) => ({ text: p.text, kind: p.kind })),
        byline: v.byline,
        publishedTime: v.publishedTime,
        firstSeen: ms(span.firstSeen),
        lastSeen: ms(span.lastSeen),
        ...(v.extractor === undefined ? {} : { extractor: v.extractor }),
      };
      if (v.variant) record.variant = true;
      entries.push({ record, stored: false, changed: true });
    }
  }
  // On a tie the stored record comes first, so a re-imported stretch merges into it.
  entries.sort(
    (a, b) =>
      a.record.firstSeen - b.record.firstSeen ||
      Number(b.stored) - Number(a.stored) ||
      (a.record.hash < b.record.hash ? -1 : a.record.hash > b.record.hash ? 1 : 0),
  );
  const kept: Entry[] = [];
  for (const entry of entries) {
    const last = kept.at(-1);
    if (!last || last.record.hash !== entry.record.hash || (last.stored && entry.stored)) {
      kept.push(entry);
      continue;
    }
    // The same text seen again before any other: one visit. A stored record keeps its id and text.
    out.report.duplicatesSkipped++;
    const [into, from] = entry.stored ? [entry, last] : [last, entry];
    const firstSeen = Math.min(into.record.firstSeen, from.record.firstSeen);
    const lastSeen = Math.max(into.record.lastSeen, from.record.lastSeen);
    if (firstSeen !== into.record.firstSeen || lastSeen !== into.record.lastSeen) {
      into.record = { ...into.record, firstSeen, lastSeen };
      into.changed = true;
      if (into.stored) out.report.versionsUpdated++;
    }
    kept[kept.length - 1] = into;
  }
  for (const entry of kept) {
    if (variants.has(entry.record.hash) && !entry.record.variant) {
      entry.record = { ...entry.record, variant: true };
      entry.changed = true;
    }
    if (!entry.changed) continue;
    out.versions.push(entry.record);
    if (!entry.stored) out.report.versionsAdded++;
  }
  return kept.length;
}

function mergeVisits(article: ExportArticle, stored: readonly StoredVisit[], out: MergeResult): void {
  const seen = new Set(stored.map((v) => `${v.at} ${v.hash}`));
  for (const v of article.visits) {
    const at = ms(v.at);
    const key = `${at} ${v.hash}`;
    if (seen.has(key)) {
      out.report.duplicatesSkipped++;
      continue;
    }
    seen.add(key);
    out.visits.push({ url: article.url, at, hash: v.hash });
    out.report.visitsAdded++;
  }
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A one-line summary of a report for the reader, e.g. "Added 2 articles, 5 versions and 9 visits; 3 were already there." */
export function describeReport(report: MergeReport): string {
  const added = [
    count(report.articlesAdded, 'article', 'articles'),
    count(report.versionsAdded, 'version', 'versions'),
    count(report.visitsAdded, 'visit', 'visits'),
  ];
  const head = `Added ${added.slice(0, -1).join(', ')} and ${added.at(-1)}`;
  if (report.duplicatesSkipped === 0) return `${head}.`;
  const dupes =
    report.duplicatesSkipped === 1 ? '1 was already there' : `${report.duplicatesSkipped} were already there`;
  return `${head}; ${dupes}.`;
}
