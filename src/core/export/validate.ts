/**
 * Checks an imported JSON value before anything is written: shape, types, limits, dates, URLs, duplicates and
 * that every version's hash matches its text. All problems are reported at once with their JSON path
 * ("articles[3].versions[0].paragraphs[2].text: expected a string"); a file with any problem imports nothing.
 *
 * Text fields are only ever treated as text: nothing here (or in the format) interprets markup.
 */

import { cleanUrl } from '../extract/canonical-url';
import { versionHash } from '../hash';
import { compileSafeRegex, isRuleKind, MAX_PATTERN_CHARS, RULE_KINDS } from '../ignore';
import { type BlockKind, isBlockKind, type VersionText } from '../model';
import { siteOf } from '../site';
import type {
  ExportArticle,
  ExportIgnoreRule,
  ExportParagraph,
  ExportSpan,
  ExportVersion,
  ExportVisit,
  RedlineHistoryV1,
} from './format';
import {
  ARTICLE_FIELDS,
  BLOCK_KINDS,
  DOC_FIELDS,
  FORMAT_NAME,
  FORMAT_VERSION,
  LIMITS,
  PARAGRAPH_FIELDS,
  READABLE_VERSIONS,
  RULE_FIELDS,
  SPAN_FIELDS,
  VERSION_FIELDS,
  VISIT_FIELDS,
} from './format';
import { parseIso, toIso } from './isoTime';
import { compareStrings, compareVersions, compareVisits } from './toExport';

export type ValidationResult = { ok: true; doc: RedlineHistoryV1 } | { ok: false; errors: string[] };

/** Same signature as `versionHash` in src/core/hash.ts, which is the default. */
export type VersionHashFn = (version: VersionText) => Promise<string>;

export interface ValidateOptions {
  versionHash?: VersionHashFn;
  /** The present, epoch ms (default `Date.now()`): no time in the file may lie beyond it plus `FUTURE_MARGIN_MS`. */
  now?: number;
}

/**
 * How far past the present a time may lie: clocks of two computers differ by seconds to minutes. A version dated
 * later would sort as the newest and hide every real edit until that date.
 */
export const FUTURE_MARGIN_MS = 10 * 60 * 1000;

/** A SHA-256 in lowercase hex, as `versionHash` writes it. */
export const HASH_PATTERN = /^[0-9a-f]{64}$/;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value quoted for a message, shortened: messages must not carry a long run of an untrusted file. */
function quote(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${quote(value)}`;
  return `${typeof value} ${quote(value)}`;
}

/** The scheme check is on the text too: the URL parser would also accept " http:x" and "http:x". */
const HTTP_URL_START = /^https?:\/\//i;

function isHttpUrl(text: string): boolean {
  if (!HTTP_URL_START.test(text)) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

class Problems {
  readonly list: string[] = [];
  more = 0;
  add(path: string, message: string): void {
    if (this.list.length < LIMITS.errors) this.list.push(`${path}: ${message}`);
    else this.more++;
  }
  get any(): boolean {
    return this.list.length > 0;
  }
  result(): string[] {
    return this.more > 0 ? [...this.list, `... and ${this.more} more problems`] : this.list;
  }
}

/** A version's text with where it came from, for the hash check after the shape is known to be right. */
interface HashTask {
  path: string;
  version: ExportVersion;
}

class ShapeChecker {
  readonly problems = new Problems();
  readonly hashTasks: HashTask[] = [];

  constructor(private readonly latest: number) {}

  /** The own value of a field (never an inherited one such as "constructor"), after flagging unknown fields. */
  private fields(obj: JsonObject, path: string, known: readonly string[]): (name: string) => unknown {
    for (const key of Object.keys(obj)) {
      if (!known.includes(key)) this.problems.add(path, `unknown field ${quote(key)}`);
    }
    return (name) => (Object.hasOwn(obj, name) ? obj[name] : undefined);
  }

  private string(value: unknown, path: string, limit: number): string | undefined {
    if (value === undefined) {
      this.problems.add(path, 'missing (expected a string)');
      return undefined;
    }
    if (typeof value !== 'string') {
      this.problems.add(path, `expected a string, found ${describe(value)}`);
      return undefined;
    }
    if (value.length > limit) {
      this.problems.add(path, `too long (${value.length} characters; the limit is ${limit})`);
      return undefined;
    }
    return value;
  }

  /** `null` is a valid value here, so failure is `undefined`. */
  private stringOrNull(value: unknown, path: string, limit: number): string | null | undefined {
    if (value === null) return null;
    if (value === undefined) {
      this.problems.add(path, 'missing (expected a string or null)');
      return undefined;
    }
    if (typeof value !== 'string') {
      this.problems.add(path, `expected a string or null, found ${describe(value)}`);
      return undefined;
    }
    return this.string(value, path, limit);
  }

  private time(value: unknown, path: string): string | undefined {
    const text = this.string(value, path, 64);
    if (text === undefined) return undefined;
    const ms = parseIso(text);
    if (ms === null) {
      this.problems.add(
        path,
        `not a valid date-time: ${quote(text)} (expected ISO 8601 in UTC like "2026-11-22T16:15:10.123Z", between 1970 and 9999)`,
      );
      return undefined;
    }
    if (ms > this.latest) {
      this.problems.add(path, `${quote(text)} is in the future (later than this computer's clock)`);
      return undefined;
    }
    return toIso(ms);
  }

  private span(value: unknown, path: string): ExportSpan | undefined {
    const obj = this.object(value, path);
    if (!obj) return undefined;
    const get = this.fields(obj, path, SPAN_FIELDS);
    const firstSeen = this.time(get('firstSeen'), `${path}.firstSeen`);
    const lastSeen = this.time(get('lastSeen'), `${path}.lastSeen`);
    return firstSeen === undefined || lastSeen === undefined ? undefined : { firstSeen, lastSeen };
  }

  /** The optional `seen` list: absent is fine; present, it lists each stretch, in time order once sorted. */
  private spans(value: unknown, path: string): ExportSpan[] | null | undefined {
    if (value === undefined) return null;
    const list = this.list(value, path, 'stretches', LIMITS.versionsPerArticle);
    if (list === undefined) return undefined;
    const spans: ExportSpan[] = [];
    let ok = true;
    list.forEach((item, i) => {
      const span = this.span(item, `${path}[${i}]`);
      if (span) spans.push(span);
      else ok = false;
    });
    if (!ok) return undefined;
    return spans.sort(
      (a, b) => compareStrings(a.firstSeen, b.firstSeen) || compareStrings(a.lastSeen, b.lastSeen),
    );
  }

  /** Absent is fine (files from release 0.1.0); `null` reports a bad value. */
  private optionalExtractor(value: unknown, path: string): number | undefined | null {
    if (value === undefined) return undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= LIMITS.extractorMax) {
      return value;
    }
    this.problems.add(
      path,
      `expected an extractor version from 1 to ${LIMITS.extractorMax}, found ${describe(value)}`,
    );
    return null;
  }

  private hash(value: unknown, path: string): string | undefined {
    const text = this.string(value, path, 64);
    if (text === undefined) return undefined;
    if (!HASH_PATTERN.test(text)) {
      this.problems.add(path, `expected a SHA-256 in 64 lowercase hex characters, found ${quote(text)}`);
      return undefined;
    }
    return text;
  }

  private list(value: unknown, path: string, what: string, limit: number): unknown[] | undefined {
    if (value === undefined) {
      this.problems.add(path, `missing (expected a list of ${what})`);
      return undefined;
    }
    if (!Array.isArray(value)) {
      this.problems.add(path, `expected a list of ${what}, found ${describe(value)}`);
      return undefined;
    }
    if (value.length > limit) {
      this.problems.add(path, `too many ${what} (${value.length}; the limit is ${limit})`);
      return undefined;
    }
    return value;
  }

  private object(value: unknown, path: string): JsonObject | undefined {
    if (!isObject(value)) {
      this.problems.add(path, `expected an object, found ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  private paragraph(value: unknown, path: string): ExportParagraph | undefined {
    const obj = this.object(value, path);
    if (!obj) return undefined;
    const get = this.fields(obj, path, PARAGRAPH_FIELDS);
    const text = this.string(get('text'), `${path}.text`, LIMITS.paragraphChars);
    const rawKind = get('kind');
    let kind: BlockKind | undefined;
    if (rawKind === undefined) this.problems.add(`${path}.kind`, 'missing (expected a paragraph kind)');
    else if (typeof rawKind !== 'string' || !isBlockKind(rawKind)) {
      this.problems.add(
        `${path}.kind`,
        `unknown paragraph kind ${typeof rawKind === 'string' ? quote(rawKind) : describe(rawKind)} (expected one of ${BLOCK_KINDS.join(', ')})`,
      );
    } else kind = rawKind;
    if (text === undefined || kind === undefined) return undefined;
    return { text, kind };
  }

  private version(value: unknown, path: string): ExportVersion | undefined {
    const obj = this.object(value, path);
    if (!obj) return undefined;
    const get = this.fields(obj, path, VERSION_FIELDS);
    const hash = this.hash(get('hash'), `${path}.hash`);
    const title = this.string(get('title'), `${path}.title`, LIMITS.titleChars);
    const byline = this.stringOrNull(get('byline'), `${path}.byline`, LIMITS.bylineChars);
    const publishedTime = this.stringOrNull(
      get('publishedTime'),
      `${path}.publishedTime`,
      LIMITS.publishedTimeChars,
    );
    const firstSeen = this.time(get('firstSeen'), `${path}.firstSeen`);
    const lastSeen = this.time(get('lastSeen'), `${path}.lastSeen`);
    const seen = this.spans(get('seen'), `${path}.seen`);
    const rawVariant = get('variant');
    const variantOk = rawVariant === undefined || rawVariant === true;
    if (!variantOk)
      this.problems.add(`${path}.variant`, `expected true or no field, found ${describe(rawVariant)}`);
    const extractor = this.optionalExtractor(get('extractor'), `${path}.extractor`);
    const list = this.list(
      get('paragraphs'),
      `${path}.paragraphs`,
      'paragraphs',
      LIMITS.paragraphsPerVersion,
    );
    const paragraphs: ExportParagraph[] = [];
    let paragraphsOk = list !== undefined;
    list?.forEach((p, i) => {
      const paragraph = this.paragraph(p, `${path}.paragraphs[${i}]`);
      if (paragraph) paragraphs.push(paragraph);
      else paragraphsOk = false;
    });
    if (
      hash === undefined ||
      title === undefined ||
      byline === undefined ||
      publishedTime === undefined ||
      firstSeen === undefined ||
      lastSeen === undefined ||
      seen === undefined ||
      !variantOk ||
      extractor === null ||
      !paragraphsOk
    ) {
      return undefined;
    }
    const version: ExportVersion = {
      hash,
      title,
      byline,
      publishedTime,
      firstSeen,
      lastSeen,
      ...(extractor === undefined ? {} : { extractor }),
      paragraphs,
    };
    // One stretch is what firstSeen/lastSeen already say; the canonical form leaves it out.
    if (seen !== null && seen.length > 1) version.seen = seen;
    if (rawVariant === true) version.variant = true;
    this.hashTasks.push({ path: `${path}.hash`, version });
    return version;
  }

  private visit(value: unknown, path: string): ExportVisit | undefined {
    const obj = this.object(value, path);
    if (!obj) return undefined;
    const get = this.fields(obj, path, VISIT_FIELDS);
    const at = this.time(get('at'), `${path}.at`);
    const hash = this.hash(get('hash'), `${path}.hash`);
    return at === undefined || hash === undefined ? undefined : { at, hash };
  }

  private article(value: unknown, path: string): ExportArticle | undefined {
    const obj = this.object(value, path);
    if (!obj) return undefined;
    const get = this.fields(obj, path, ARTICLE_FIELDS);
    let url = this.string(get('url'), `${path}.url`, LIMITS.urlChars);
    if (url !== undefined && !isHttpUrl(url)) {
      this.problems.add(`${path}.url`, `not an http or https URL: ${quote(url)}`);
      url = undefined;
    }
    if (url !== undefined) {
      const normal = cleanUrl(new URL(url));
      if (normal !== url) {
        this.problems.add(
          `${path}.url`,
          `not in the form Redline files articles under (expected ${quote(normal)}: no fragment, no tracking parameters)`,
        );
        url = undefined;
      }
    }
    let site = this.string(get('site'), `${path}.site`, LIMITS.siteChars);
    if (url !== undefined && site !== undefined && siteOf(url) !== site) {
      this.problems.add(`${path}.site`, `${quote(site)} does not match the URL's site ${quote(siteOf(url))}`);
      site = undefined;
    }
    const title = this.string(get('title'), `${path}.title`, LIMITS.titleChars);
    const lang = this.stringOrNull(get('lang'), `${path}.lang`, LIMITS.langChars);
    const firstSeen = this.time(get('firstSeen'), `${path}.firstSeen`);
    const lastSeen = this.time(get('lastSeen'), `${path}.lastSeen`);
    const lastChanged = this.time(get('lastChanged'), `${path}.lastChanged`);

    const versionList = this.list(get('versions'), `${path}.versions`, 'versions', LIMITS.versionsPerArticle);
    if (versionList?.length === 0) {
      this.problems.add(`${path}.versions`, 'an article needs at least one version');
    }
    const versions: ExportVersion[] = [];
    let versionsOk = versionList !== undefined && versionList.length > 0;
    const hashIndex = new Map<string, number>();
    versionList?.forEach((v, i) => {
      const version = this.version(v, `${path}.versions[${i}]`);
      if (!version) {
        versionsOk = false;
        return;
      }
      const first = hashIndex.get(version.hash);
      if (first !== undefined) {
        this.problems.add(
          `${path}.versions[${i}].hash`,
          `the same version as versions[${first}] (duplicate hash)`,
        );
        versionsOk = false;
        return;
      }
      hashIndex.set(version.hash, i);
      versions.push(version);
    });

    const visitList = this.list(get('visits'), `${path}.visits`, 'visits', LIMITS.visitsPerArticle);
    const visits: ExportVisit[] = [];
    let visitsOk = visitList !== undefined;
    const visitIndex = new Map<string, number>();
    visitList?.forEach((v, i) => {
      const visit = this.visit(v, `${path}.visits[${i}]`);
      if (!visit) {
        visitsOk = false;
        return;
      }
      const key = `${visit.at} ${visit.hash}`;
      const first = visitIndex.get(key);
      if (first !== undefined) {
        this.problems.add(
          `${path}.visits[${i}]`,
          `the same visit as visits[${first}] (duplicate time and hash)`,
        );
        visitsOk = false;
        return;
      }
      visitIndex.set(key, i);
      visits.push(visit);
    });

    if (
      url === undefined ||
      site === undefined ||
      title === undefined ||
      lang === undefined ||
      firstSeen === undefined ||
      lastSeen === undefined ||
      lastChanged === undefined ||
      !versionsOk ||
      !visitsOk
    ) {
      return undefined;
    }
    versions.sort(compareVersions);
    visits.sort(compareVisits);
    return { url, site, title, lang, firstSeen, lastSeen, lastChanged, versions, visits };
  }

  /** The canonical document when the value has the right shape; problems are in `this.problems`. */
  document(json: unknown): RedlineHistoryV1 | undefined {
    if (!isObject(json)) {
      this.problems.add(
        '(file)',
        `expected a JSON object with "format": "${FORMAT_NAME}", found ${describe(json)}`,
      );
      return undefined;
    }
    const get = (name: string): unknown => (Object.hasOwn(json, name) ? json[name] : undefined);
    // A different kind of file or a newer format: listing every field it gets "wrong" would bury the real reason.
    const format = get('format');
    if (format !== FORMAT_NAME) {
      this.problems.add(
        'format',
        `expected "${FORMAT_NAME}", found ${format === undefined ? 'nothing' : describe(format)}: this is not a Redline history file`,
      );
      return undefined;
    }
    const version = get('version');
    if (typeof version === 'number' && Number.isInteger(version) && version > FORMAT_VERSION) {
      this.problems.add(
        'version',
        `this file was made by a newer Redline (format version ${version}); this Redline reads version ${FORMAT_VERSION}, update it to import the file`,
      );
      return undefined;
    }
    if (typeof version !== 'number' || !READABLE_VERSIONS.includes(version)) {
      this.problems.add(
        'version',
        `unsupported format version ${version === undefined ? '(missing)' : describe(version)}; this Redline reads versions ${READABLE_VERSIONS.join(' and ')}`,
      );
      return undefined;
    }
    // Version 1 had no ignore rules: a file claiming version 1 with rules is not what either release wrote.
    this.fields(json, '(file)', version === 1 ? DOC_FIELDS.filter((f) => f !== 'ignoreRules') : DOC_FIELDS);
    const rawRules = get('ignoreRules');
    const ignoreRules: ExportIgnoreRule[] = [];
    if (rawRules !== undefined && version !== 1) {
      this.list(rawRules, 'ignoreRules', 'ignore rules', LIMITS.ignoreRules)?.forEach((r, i) => {
        const rule = this.rule(r, `ignoreRules[${i}]`);
        if (rule) ignoreRules.push(rule);
      });
    }
    const list = this.list(get('articles'), 'articles', 'articles', LIMITS.articles);
    if (!list) return undefined;
    const articles: ExportArticle[] = [];
    const urlIndex = new Map<string, number>();
    list.forEach((a, i) => {
      // Duplicates are found on the raw URL, so they are reported even when either copy has other problems.
      const url = isObject(a) && Object.hasOwn(a, 'url') ? a.url : undefined;
      if (typeof url === 'string') {
        const first = urlIndex.get(url);
        if (first !== undefined) {
          this.problems.add(`articles[${i}].url`, `the same article as articles[${first}] (duplicate URL)`);
          return;
        }
        urlIndex.set(url, i);
      }
      const article = this.article(a, `articles[${i}]`);
      if (article) articles.push(article);
    });
    if (this.problems.any) return undefined;
    articles.sort((a, b) => compareStrings(a.url, b.url));
    return ignoreRules.length > 0
      ? { format: FORMAT_NAME, version: FORMAT_VERSION, ignoreRules, articles }
      : { format: FORMAT_NAME, version: FORMAT_VERSION, articles };
  }

  /** One ignore rule: a site as Redline files them, a known kind, and a pattern a rule may hold. */
  private rule(value: unknown, path: string): ExportIgnoreRule | undefined {
    const obj = this.object(value, path);
    if (!obj) return undefined;
    const get = this.fields(obj, path, RULE_FIELDS);
    const site = this.string(get('site'), `${path}.site`, LIMITS.siteChars);
    if (site !== undefined && !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(site)) {
      this.problems.add(`${path}.site`, `expected a site such as "example.com", found ${quote(site)}`);
    }
    const kind = get('kind');
    if (!isRuleKind(kind)) {
      this.problems.add(
        `${path}.kind`,
        `expected one of ${RULE_KINDS.map(quote).join(', ')}, found ${describe(kind)}`,
      );
    }
    const pattern = this.string(get('pattern'), `${path}.pattern`, MAX_PATTERN_CHARS);
    if (pattern !== undefined && pattern.trim() === '') this.problems.add(`${path}.pattern`, 'empty');
    if (pattern !== undefined && kind === 'regex') {
      const check = compileSafeRegex(pattern);
      if (!check.ok) this.problems.add(`${path}.pattern`, check.reason);
    }
    const created = this.time(get('created'), `${path}.created`);
    if (site === undefined || !isRuleKind(kind) || pattern === undefined || created === undefined)
      return undefined;
    return { site, kind, pattern, created };
  }
}

/** Shape, types, limits, dates, URLs and duplicates, without the (asynchronous) hash check. */
export function checkShape(
  json: unknown,
  now: number = Date.now(),
): { ok: true; doc: RedlineHistoryV1; hashTasks: readonly HashTask[] } | { ok: false; errors: string[] } {
  const checker = new ShapeChecker(now + FUTURE_MARGIN_MS);
  const doc = checker.document(json);
  if (!doc) return { ok: false, errors: checker.problems.result() };
  return { ok: true, doc, hashTasks: checker.hashTasks };
}

/**
 * Everything an import must know before writing: on success, `doc` is the file in canonical form (times
 * normalised to UTC milliseconds, sorted as an export sorts), ready for `mergeImport`.
 */
export async function validate(json: unknown, options: ValidateOptions = {}): Promise<ValidationResult> {
  const shape = checkShape(json, options.now);
  if (!shape.ok) return shape;
  const hash = options.versionHash ?? versionHash;
  const problems = new Problems();
  for (const { path, version } of shape.hashTasks) {
    const actual = await hash({ title: version.title, paragraphs: version.paragraphs.map((p) => p.text) });
    if (actual !== version.hash) {
      problems.add(
        path,
        "does not match the version's title and paragraphs (edited after export, or damaged)",
      );
    }
  }
  if (problems.any) return { ok: false, errors: problems.result() };
  return { ok: true, doc: shape.doc };
}
