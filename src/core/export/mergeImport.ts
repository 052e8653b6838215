/**
 * A validated file + what the store already holds → the records to write. Nothing is duplicated: a version is
 * the same when its (url, hash) is, and then only its seen range widens; a visit is the same when its
 * (url, at, hash) is. Article summaries are recomputed from both sides.
 */
import type { StoredArticle, StoredVersion, StoredVisit } from '../history';
import type { ExportArticle, HistoryRecords, RedlineHistoryV1 } from './format';
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

function indexByUrl<T extends { url: string }>(records: readonly T[]): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const r of records) {
    const list = index.get(r.url);
    if (list) list.push(r);
    else index.set(r.url, [r]);
  }
  return index;
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
  const storedVersions = indexByUrl(existing.versions);
  const storedVisits = indexByUrl(existing.visits);

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

/** Adds the file's versions of one article to `out`; returns how many distinct versions it has afterwards. */
function mergeVersions(article: ExportArticle, stored: readonly StoredVersion[], out: MergeResult): number {
  const byHash = new Map<string, StoredVersion>();
  for (const v of stored) if (!byHash.has(v.hash)) byHash.set(v.hash, v);
  for (const v of article.versions) {
    const firstSeen = ms(v.firstSeen);
    const lastSeen = ms(v.lastSeen);
    const known = byHash.get(v.hash);
    if (known) {
      // Same hash, same words: keep the stored text and only widen when it was seen.
      out.report.duplicatesSkipped++;
      const widened = {
        ...known,
        firstSeen: Math.min(known.firstSeen, firstSeen),
        lastSeen: Math.max(known.lastSeen, lastSeen),
      };
      if (widened.firstSeen !== known.firstSeen || widened.lastSeen !== known.lastSeen) {
        out.versions.push(widened);
        out.report.versionsUpdated++;
      }
      continue;
    }
    const added: StoredVersion = {
      url: article.url,
      hash: v.hash,
      title: v.title,
      paragraphs: v.paragraphs.map((p) => ({ text: p.text, kind: p.kind })),
      byline: v.byline,
      publishedTime: v.publishedTime,
      firstSeen,
      lastSeen,
      ...(v.extractor === undefined ? {} : { extractor: v.extractor }),
    };
    byHash.set(v.hash, added);
    out.versions.push(added);
    out.report.versionsAdded++;
  }
  return byHash.size;
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
