/**
 * The JSON history file, format "redline-history" version 2 (version 1 files still import; version 2 adds the
 * optional `ignoreRules`) (documented in docs/export-format.md, described by
 * schema/redline-history.schema.json). Times are ISO 8601 strings in UTC with millisecond precision, exactly as
 * `Date.prototype.toISOString` writes them.
 */
import type { StoredArticle, StoredVersion, StoredVisit } from '../history';
import type { IgnoreRule, RuleKind } from '../ignore';
import type { BlockKind } from '../model';

export const FORMAT_NAME = 'redline-history';
export const FORMAT_VERSION = 2;
/** Every format version this Redline reads. */
export const READABLE_VERSIONS: readonly number[] = [1, 2];

/** Every paragraph kind a file may carry: the model's list. */
export { BLOCK_KINDS } from '../model';

export interface ExportParagraph {
  text: string;
  kind: BlockKind;
}

export interface ExportVersion {
  /** SHA-256 hex of the comparison form of title and paragraphs (`versionHash`); checked on import. */
  hash: string;
  title: string;
  byline: string | null;
  /** As the page stated it; not reformatted, because it is the page's own claim. */
  publishedTime: string | null;
  firstSeen: string;
  lastSeen: string;
  /**
   * Optional: when the text was seen over more than one stretch (A → B → A), each stretch in time order; each is
   * a version record of its own on import, so the history keeps every distinct visit in order. Absent for one.
   */
  seen?: ExportSpan[];
  /** Optional: `true` for one of the texts the page alternates between (an A/B test), shown as such. */
  variant?: true;
  /**
   * Which extraction read this version (src/core/extract/version.ts). Optional, so files from release 0.1.0
   * stay valid; absent means the first extractor.
   */
  extractor?: number;
  paragraphs: ExportParagraph[];
}

export interface ExportSpan {
  firstSeen: string;
  lastSeen: string;
}

export interface ExportVisit {
  at: string;
  hash: string;
}

export interface ExportArticle {
  url: string;
  site: string;
  title: string;
  lang: string | null;
  firstSeen: string;
  lastSeen: string;
  lastChanged: string;
  versions: ExportVersion[];
  visits: ExportVisit[];
}

/** One of the reader's ignore rules (src/core/ignore); format version 2. */
export interface ExportIgnoreRule {
  site: string;
  kind: RuleKind;
  pattern: string;
  created: string;
}

/** The document as this Redline writes it (the name is older than version 2). */
export interface RedlineHistoryV1 {
  format: typeof FORMAT_NAME;
  version: typeof FORMAT_VERSION;
  /** Optional: the reader's ignore rules, sorted by site, kind and pattern; left out when there are none. */
  ignoreRules?: ExportIgnoreRule[];
  articles: ExportArticle[];
}

/*
 * Field lists in the order they are written. Serialisation builds every object in this order, so the file is
 * byte-identical however the records were read; the schema test checks the JSON Schema lists the same fields.
 */
export const DOC_FIELDS = [
  'format',
  'version',
  'ignoreRules',
  'articles',
] as const satisfies readonly (keyof RedlineHistoryV1)[];
export const RULE_FIELDS = [
  'site',
  'kind',
  'pattern',
  'created',
] as const satisfies readonly (keyof ExportIgnoreRule)[];
export const ARTICLE_FIELDS = [
  'url',
  'site',
  'title',
  'lang',
  'firstSeen',
  'lastSeen',
  'lastChanged',
  'versions',
  'visits',
] as const satisfies readonly (keyof ExportArticle)[];
export const VERSION_FIELDS = [
  'hash',
  'title',
  'byline',
  'publishedTime',
  'firstSeen',
  'lastSeen',
  'extractor',
  'seen',
  'variant',
  'paragraphs',
] as const satisfies readonly (keyof ExportVersion)[];
/** Fields a file may leave out (written only when known or needed); every other field is required. */
export const OPTIONAL_VERSION_FIELDS = [
  'extractor',
  'seen',
  'variant',
] as const satisfies readonly (keyof ExportVersion)[];
export const SPAN_FIELDS = ['firstSeen', 'lastSeen'] as const satisfies readonly (keyof ExportSpan)[];
export const VISIT_FIELDS = ['at', 'hash'] as const satisfies readonly (keyof ExportVisit)[];
export const PARAGRAPH_FIELDS = ['text', 'kind'] as const satisfies readonly (keyof ExportParagraph)[];

/**
 * Upper bounds an import accepts. They sit far above what a real history holds (the extractor gives up on
 * pages much larger than this) and exist so a hostile or corrupted file is refused with a message instead of
 * exhausting memory in the background.
 */
export const LIMITS = {
  /** Characters of the whole file; V8's string limit is ~536M, so this leaves room for the parse. */
  fileChars: 300_000_000,
  articles: 100_000,
  versionsPerArticle: 1_000,
  visitsPerArticle: 100_000,
  /** As many as the extractor can take from one page (DEFAULT_MAX_CHARS of text), so every capture re-imports. */
  paragraphsPerVersion: 200_000,
  urlChars: 8_192,
  siteChars: 253,
  titleChars: 2_000,
  langChars: 64,
  bylineChars: 2_000,
  publishedTimeChars: 100,
  /** Highest extractor version accepted; far above any release's. */
  extractorMax: 1_000,
  /** One paragraph may be a whole page's text (the extractor keeps up to 2,000,000 characters). */
  paragraphChars: 2_000_000,
  ignoreRules: 10_000,
  /** Error messages reported for one file; the rest are counted. */
  errors: 50,
} as const;

/** The records of the extension's store an export is made from and an import writes to. */
export interface HistoryRecords {
  articles: StoredArticle[];
  versions: StoredVersion[];
  visits: StoredVisit[];
  /** Exported with a whole history (not with one article); absent: none. */
  ignoreRules?: IgnoreRule[];
}
