/**
 * The messages the extension's own pages (popup, history, options) send the background, merged into `Protocol`
 * in protocol.ts. All come from extension pages only.
 */
import type { StoredArticle } from '../core/history';
import { normaliseSite } from '../core/site';
import { isRecord } from '../protocol/guards';
import { isReaderChoiceRequest, type ReaderChoiceRequest } from './reader-choice';
import type { Settings } from './settings';
import type { ArticleDetail, ExportBatch } from './ui-history';
import type { ImportOutcome } from './ui-import';
import type { PruneReport } from './ui-retention';
import type { UsageReport } from './usage';

/** Articles per `ui.export` batch a page should ask for: a few megabytes per message. */
export const EXPORT_BATCH_ARTICLES = 200;
const EXPORT_BATCH_MAX = 5000;

export interface UiProtocol {
  /** Every stored article's summary, in no particular order (the history page sorts and filters). */
  'ui.articles': { from: 'page'; request: null; response: StoredArticle[] };
  /** One article with all its versions, oldest first; null when it is not stored. */
  'ui.article': { from: 'page'; request: { url: string }; response: ArticleDetail | null };
  /**
   * Records for an export: of the article `url`, or (url null) of every article in URL order, `limit` articles
   * after `after`. Follow `next` until it is null.
   */
  'ui.export': {
    from: 'page';
    request: { url: string | null; after: string | null; limit: number };
    response: ExportBatch;
  };
  /** A history file's text: validated, then merged in one transaction; nothing is written unless it is valid. */
  'ui.import': { from: 'page'; request: { text: string }; response: ImportOutcome };
  /** Forget every article, version and visit. */
  'ui.deleteAll': { from: 'page'; request: null; response: { articles: number } };
  /** Apply the retention settings to the whole history now (after the reader changed them). */
  'ui.retention': { from: 'page'; request: null; response: PruneReport };
  /** How much the history holds, against the storage budget. */
  'ui.usage': { from: 'page'; request: null; response: UsageReport };
  /** The reader's word on whether the page at `location` is an article (reader-choice.ts). */
  'ui.choose': { from: 'page'; request: ReaderChoiceRequest; response: Settings };
  /** How many stored articles a site rule (as in the excluded list) covers. */
  'ui.siteArticles': { from: 'page'; request: { site: string }; response: { articles: number } };
  /** Forget every article a site rule covers, with all their versions and visits. */
  'ui.deleteSite': { from: 'page'; request: { site: string }; response: { articles: number } };
}

export type UiMessageType = keyof UiProtocol;

export const UI_SENDER_KINDS: { [K in UiMessageType]: 'page' } = {
  'ui.articles': 'page',
  'ui.article': 'page',
  'ui.export': 'page',
  'ui.import': 'page',
  'ui.deleteAll': 'page',
  'ui.retention': 'page',
  'ui.usage': 'page',
  'ui.choose': 'page',
  'ui.siteArticles': 'page',
  'ui.deleteSite': 'page',
};

function isNullableString(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

type Request<K extends UiMessageType> = UiProtocol[K]['request'];

/** A site in the form the settings keep it, so a rule names what exclusion would block. */
function isSiteRequest(r: unknown): r is { site: string } {
  return isRecord(r) && typeof r.site === 'string' && normaliseSite(r.site) === r.site;
}

export const UI_REQUEST_CHECKS: { [K in UiMessageType]: (request: unknown) => request is Request<K> } = {
  'ui.articles': (r): r is null => r === null,
  'ui.article': (r): r is Request<'ui.article'> => isRecord(r) && typeof r.url === 'string',
  'ui.export': (r): r is Request<'ui.export'> =>
    isRecord(r) &&
    isNullableString(r.url) &&
    isNullableString(r.after) &&
    typeof r.limit === 'number' &&
    Number.isInteger(r.limit) &&
    r.limit > 0 &&
    r.limit <= EXPORT_BATCH_MAX,
  'ui.import': (r): r is Request<'ui.import'> => isRecord(r) && typeof r.text === 'string',
  'ui.deleteAll': (r): r is null => r === null,
  'ui.retention': (r): r is null => r === null,
  'ui.usage': (r): r is null => r === null,
  'ui.choose': isReaderChoiceRequest,
  'ui.siteArticles': isSiteRequest,
  'ui.deleteSite': isSiteRequest,
};
