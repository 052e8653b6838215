/**
 * The reader has the last word on what is an article. Redline's own judgement (Readability's "readerable" test)
 * is wrong now and then both ways, so the reader can overrule it for one address or a whole site:
 *
 * - keep: extract the page even though it does not look like an article (`extract({ force: true })`);
 * - not an article: never read or keep it, even though it looks like one.
 *
 * A choice for the address wins over one for its site, so "always keep pages on this site" can still have an
 * exception, and the other way round. Choosing one thing for an address or site takes away the opposite choice
 * for it, so a list never holds both.
 */
import { normaliseSite, siteMatches, siteOf } from '../core/site';

export interface ReaderChoices {
  /** Addresses (see `pageAddress`) the reader keeps although Redline did not take them for articles. */
  keepPages: string[];
  /** Sites whose every page is kept, article-looking or not. */
  keepSites: string[];
  /** Addresses the reader said are not articles. */
  notArticlePages: string[];
  /** Sites that publish no articles, as far as the reader is concerned. */
  notArticleSites: string[];
}

export const DEFAULT_READER_CHOICES: Readonly<ReaderChoices> = Object.freeze({
  keepPages: [],
  keepSites: [],
  notArticlePages: [],
  notArticleSites: [],
});

export type ReaderVerdict = 'keep' | 'not-article';

/** What the reader chose for a page, from the popup: this address, and its whole site when `wholeSite`. */
export interface ReaderChoiceRequest {
  location: string;
  /** null forgets the choices for this address (and, with `wholeSite`, for its site). */
  choice: ReaderVerdict | null;
  wholeSite: boolean;
}

/**
 * The address a choice is remembered for: the URL without its fragment (an in-page anchor shows the same page),
 * or null for anything that is not an http(s) URL. The query is kept: on many sites it names the article.
 */
export function pageAddress(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  parsed.hash = '';
  return parsed.href;
}

function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

function addressList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return sortedUnique(
    value.flatMap((item) => {
      const address = typeof item === 'string' ? pageAddress(item) : null;
      return address === null ? [] : [address];
    }),
  );
}

function siteList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return sortedUnique(
    value.flatMap((item) => {
      const site = typeof item === 'string' ? normaliseSite(item) : null;
      return site === null ? [] : [site];
    }),
  );
}

/** The choices of a stored settings record; anything malformed is dropped. */
export function parseReaderChoices(record: Readonly<Record<string, unknown>>): ReaderChoices {
  return {
    keepPages: addressList(record.keepPages),
    keepSites: siteList(record.keepSites),
    notArticlePages: addressList(record.notArticlePages),
    notArticleSites: siteList(record.notArticleSites),
  };
}

const FIELDS = ['keepPages', 'keepSites', 'notArticlePages', 'notArticleSites'] as const;

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** True when every choice list a `settings.update` request carries is a list of strings (absent is fine). */
export function isReaderChoicesPatch(record: Readonly<Record<string, unknown>>): boolean {
  return FIELDS.every((field) => record[field] === undefined || isStringArray(record[field]));
}

export function isReaderChoiceRequest(value: unknown): value is ReaderChoiceRequest {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.location === 'string' &&
    pageAddress(r.location) !== null &&
    (r.choice === 'keep' || r.choice === 'not-article' || r.choice === null) &&
    typeof r.wholeSite === 'boolean'
  );
}

/** The reader's verdict on the page at `location`, or null when Redline decides. */
export function readerVerdict(choices: ReaderChoices, location: string): ReaderVerdict | null {
  const address = pageAddress(location);
  if (address === null) return null;
  if (choices.notArticlePages.includes(address)) return 'not-article';
  if (choices.keepPages.includes(address)) return 'keep';
  const site = siteOf(address);
  if (site === null) return null;
  // Site rules cover subdomains, like paused and excluded sites; "not an article" wins a tie (it keeps nothing).
  if (choices.notArticleSites.some((rule) => siteMatches(site, rule))) return 'not-article';
  if (choices.keepSites.some((rule) => siteMatches(site, rule))) return 'keep';
  return null;
}

/** The choice lists after the reader's `request`; the input is not changed. */
export function applyReaderChoice(choices: ReaderChoices, request: ReaderChoiceRequest): ReaderChoices {
  const address = pageAddress(request.location);
  if (address === null) return choices;
  const site = request.wholeSite ? siteOf(address) : null;
  const without = (list: string[], item: string | null) => list.filter((x) => x !== item);
  const next: ReaderChoices = {
    keepPages: without(choices.keepPages, address),
    notArticlePages: without(choices.notArticlePages, address),
    keepSites: without(choices.keepSites, site),
    notArticleSites: without(choices.notArticleSites, site),
  };
  if (request.choice === 'keep') {
    next.keepPages = sortedUnique([...next.keepPages, address]);
    if (site !== null) next.keepSites = sortedUnique([...next.keepSites, site]);
  } else if (request.choice === 'not-article') {
    next.notArticlePages = sortedUnique([...next.notArticlePages, address]);
    if (site !== null) next.notArticleSites = sortedUnique([...next.notArticleSites, site]);
  }
  return next;
}
