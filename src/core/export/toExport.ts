/**
 * Stored records → the file's document. The output is canonical: fields in the documented order, articles by
 * url, versions by firstSeen then hash, visits by at then hash, so exporting the same history twice (or after a
 * delete-all and re-import) gives the same bytes.
 */
import type { StoredVersion, StoredVisit } from '../history';
import type { IgnoreRule } from '../ignore';
import type {
  ExportArticle,
  ExportIgnoreRule,
  ExportParagraph,
  ExportVersion,
  ExportVisit,
  HistoryRecords,
  RedlineHistoryV1,
} from './format';
import { FORMAT_NAME, FORMAT_VERSION } from './format';
import { groupByUrl } from './groupByUrl';
import { toIso } from './isoTime';

/** Code-unit order, not localeCompare: the sort must not depend on the browser's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// The ISO strings toIso writes are fixed-width UTC (years 1970-9999), so they sort like the times they stand for.
export function compareVersions(a: ExportVersion, b: ExportVersion): number {
  return compareStrings(a.firstSeen, b.firstSeen) || compareStrings(a.hash, b.hash);
}

export function compareVisits(a: ExportVisit, b: ExportVisit): number {
  return compareStrings(a.at, b.at) || compareStrings(a.hash, b.hash);
}

function exportVersion(v: StoredVersion): ExportVersion {
  return {
    hash: v.hash,
    title: v.title,
    byline: v.byline,
    publishedTime: v.publishedTime,
    firstSeen: toIso(v.firstSeen),
    lastSeen: toIso(v.lastSeen),
    ...(v.extractor === undefined ? {} : { extractor: v.extractor }),
    paragraphs: v.paragraphs.map((p): ExportParagraph => ({ text: p.text, kind: p.kind })),
  };
}

/**
 * One file version per distinct text. A text seen over several stretches (A → B → A: several records with one
 * hash) lists each stretch in `seen`, so an import rebuilds every record in order; its first/last seen cover all.
 */
function uniqueVersions(versions: readonly StoredVersion[]): ExportVersion[] {
  const byHash = new Map<string, StoredVersion[]>();
  for (const v of versions) {
    const list = byHash.get(v.hash);
    if (list) list.push(v);
    else byHash.set(v.hash, [v]);
  }
  const out: ExportVersion[] = [];
  for (const records of byHash.values()) {
    records.sort((a, b) => a.firstSeen - b.firstSeen || a.lastSeen - b.lastSeen);
    const version = exportVersion(records[0]!);
    version.lastSeen = toIso(maxLastSeen(records));
    if (records.length > 1) {
      version.seen = records.map((r) => ({ firstSeen: toIso(r.firstSeen), lastSeen: toIso(r.lastSeen) }));
    }
    if (records.some((r) => r.variant)) version.variant = true;
    out.push(version);
  }
  return out.sort(compareVersions);
}

function maxLastSeen(records: readonly StoredVersion[]): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const r of records) max = Math.max(max, r.lastSeen);
  return max;
}

/** Two tabs opening an article in the same millisecond leave identical visits; the file keeps one. */
function uniqueVisits(visits: readonly StoredVisit[]): ExportVisit[] {
  const seen = new Set<string>();
  const out: ExportVisit[] = [];
  for (const v of visits) {
    const visit: ExportVisit = { at: toIso(v.at), hash: v.hash };
    const key = `${visit.at} ${visit.hash}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(visit);
  }
  return out.sort(compareVisits);
}

/**
 * Builds the document for the given records: pass the whole store to export everything, or one article with its
 * versions and visits to export that article. Versions and visits whose article is not among `articles` are left
 * out. `versionCount` and `dismissedHash` are not exported (see docs/export-format.md).
 */
export function toExport(records: HistoryRecords): RedlineHistoryV1 {
  const versions = groupByUrl(records.versions);
  const visits = groupByUrl(records.visits);
  const seenUrls = new Set<string>();
  const articles: ExportArticle[] = [];
  for (const a of records.articles) {
    if (seenUrls.has(a.url)) continue;
    seenUrls.add(a.url);
    articles.push({
      url: a.url,
      site: a.site,
      title: a.title,
      lang: a.lang,
      firstSeen: toIso(a.firstSeen),
      lastSeen: toIso(a.lastSeen),
      lastChanged: toIso(a.lastChanged),
      versions: uniqueVersions(versions.get(a.url) ?? []),
      visits: uniqueVisits(visits.get(a.url) ?? []),
    });
  }
  articles.sort((a, b) => compareStrings(a.url, b.url));
  const ignoreRules = exportRules(records.ignoreRules ?? []);
  return ignoreRules.length > 0
    ? { format: FORMAT_NAME, version: FORMAT_VERSION, ignoreRules, articles }
    : { format: FORMAT_NAME, version: FORMAT_VERSION, articles };
}

/** Rules in a stable order, each once, so export → import → export is byte-identical. */
export function exportRules(
  rules: readonly Pick<IgnoreRule, 'site' | 'kind' | 'pattern' | 'created'>[],
): ExportIgnoreRule[] {
  const seen = new Set<string>();
  const out: ExportIgnoreRule[] = [];
  for (const rule of rules) {
    const key = JSON.stringify([rule.site, rule.kind, rule.pattern]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ site: rule.site, kind: rule.kind, pattern: rule.pattern, created: toIso(rule.created) });
  }
  return out.sort(
    (a, b) =>
      compareStrings(a.site, b.site) ||
      compareStrings(a.kind, b.kind) ||
      compareStrings(a.pattern, b.pattern),
  );
}
