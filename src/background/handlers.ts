/**
 * What the background does for each message. Dependencies are passed in so the handlers run in tests against
 * fake-indexeddb and an in-memory badge.
 */

import { extractorOf } from '../core/extract/across-extractors';
import { EXTRACTOR_VERSION } from '../core/extract/version';
import { filingUrl, registrableSite } from '../core/filing';
import type { Article } from '../core/model';
import { newNotices } from '../core/notices';
import { siteOf } from '../core/site';
import { uiLocale } from '../ui/i18n';
import { formatSince } from '../ui/since';
import { type WholeNumberStyle, wholeNumberStyle } from '../ui/wholeNumbers';
import { compareVersions } from './compare';
import type { HistoryDb } from './db';
import { rulesForSite } from './ignore-rules';
import { pageMessages } from './page-messages';
import { readPageHtml } from './parse/parse-html';
import { PageUploads } from './parse/uploads';
import type {
  CaptureReply,
  ContentSender,
  Handlers,
  ParsePart,
  PreviousVersion,
  ReplyPart,
} from './protocol';
import { deleteArticle, newestParagraphs } from './queries';
import { CaptureLimiter } from './rate-limit';
import { readerVerdict } from './reader-choice';
import { Readings } from './readings';
import { createRecheckHandlers } from './recheck/handlers';
import type { RecheckMessageType } from './recheck/protocol';
import { dismissChanges, recordArticle } from './record';
import { ReplyParts, splitParsed, splitReply } from './reply-parts';
import { createRulesHandlers } from './rules-handlers';
import { pageBlock, type SettingsStore } from './settings';
import { createUiHandlers, type ReadDb, retainAfterCapture } from './ui-handlers';
import { enforceBudget, STORAGE_BUDGET_BYTES } from './usage';

export interface Badge {
  /** Shows `changes` on the tab's toolbar button; 0 clears it. */
  show(tabId: number, changes: number): Promise<void>;
}

export interface HandlerDeps {
  db: () => Promise<HistoryDb>;
  /** A small read within the database wait limit (db-connection.ts); by default `step` on `db()`, unbounded. */
  readDb?: ReadDb;
  settings: SettingsStore;
  badge: Badge;
  now: () => number;
  /** How often pages may make Redline store something new (default: `CAPTURE_LIMITS`). */
  limiter?: CaptureLimiter;
  /** Bytes the history may hold (default `STORAGE_BUDGET_BYTES`). */
  budget?: number;
  /** The re-check's messages (recheck/handlers.ts); by default without badge or test hook. */
  recheck?: Pick<Handlers, RecheckMessageType>;
  /** Reads a page's article from its HTML away from the page (default `readPageHtml`). */
  parse?: typeof readPageHtml;
}

export function createHandlers({
  db,
  readDb,
  settings,
  badge,
  now,
  limiter = new CaptureLimiter(),
  budget = STORAGE_BUDGET_BYTES,
  recheck = createRecheckHandlers({ db, refreshBadge: async () => undefined, test: null }),
  parse = readPageHtml,
}: HandlerDeps): Handlers {
  const uploads = new PageUploads(now);
  const replyParts = new ReplyParts<ReplyPart>(now);
  const parseParts = new ReplyParts<ParsePart>(now);
  const readings = new Readings(now);
  let replies = 0;
  // Measuring the history reads all of it, so the budget is checked on the first store after the background
  // starts and then each time about a 32nd of the budget has been stored since the last check.
  let storedSinceCheck = Number.POSITIVE_INFINITY;
  const keepWithinBudget = async (onScreen: string, added: number): Promise<void> => {
    storedSinceCheck += added;
    if (storedSinceCheck < budget / 32) return;
    storedSinceCheck = 0;
    try {
      await enforceBudget(await db(), budget, onScreen);
    } catch (error) {
      console.warn('Redline: keeping the history within its storage budget failed', error);
    }
  };

  /**
   * Stores what a page showed (the article as the page declares it, `location` the page's address) and says
   * what to mark: 'article.capture', or 'page.parse' asked to store what it read.
   */
  const capture = async (
    declared: Article,
    location: string,
    sameDocument: boolean,
    sender: ContentSender,
  ): Promise<CaptureReply> => {
    // Filed here, not by the page: against the address the browser reports for the tab (core/filing.ts).
    const article = { ...declared, url: filingUrl(declared.url, sender.url) };
    // The page, the URL it is filed under, or the canonical URL it declares (believed or not) being blocked
    // keeps it out of the history: refusing to store is always the safe side.
    const current = await settings.get();
    const reason =
      pageBlock(current, location) ?? pageBlock(current, article.url) ?? pageBlock(current, declared.url);
    if (reason !== null) return { status: 'skipped', reason };
    const site = registrableSite(article.url) ?? article.url;
    const at = now();
    const outcome = await recordArticle(await db(), article, at, {
      mayStore: limiter.allows(sender.tabId, site, at, sameDocument, articleBytes(article)),
    });
    if (outcome.status === 'limited') return { status: 'skipped', reason: 'rate-limited' };
    if (outcome.status === 'partial') return { status: 'skipped', reason: 'partial' };
    if (outcome.stored) {
      limiter.record(sender.tabId, site, at, sameDocument, articleBytes(article));
      await keepWithinBudget(article.url, articleBytes(article));
    }
    await retainAfterCapture({ db, settings, now }, article.url);
    if (outcome.status !== 'changed' || outcome.previous === null) {
      return { status: outcome.status === 'changed' ? 'unchanged' : outcome.status, hash: outcome.hash };
    }
    const { hash, title, paragraphs, firstSeen, lastSeen } = outcome.previous;
    const previous: PreviousVersion = {
      hash,
      title,
      paragraphs: paragraphs.map((p) => p.text),
      firstSeen,
      lastSeen,
      extractor: extractorOf(outcome.previous),
    };
    const aligned = compareVersions(previous, previous.extractor, {
      title: article.title,
      paragraphs: article.paragraphs.map((p) => p.text),
    });
    // The reader's ignore rules for the site go with the comparison (left out when there are none).
    const rules = await rulesForSite(await db(), siteOf(article.url) ?? '');
    const locale = uiLocale(globalThis.navigator?.languages ?? []);
    const numbers = numberStyleOf(locale);
    const reply: CaptureReply = {
      status: 'changed',
      hash: outcome.hash,
      previous,
      overlay: current.overlay,
      aligned,
      sinceLabel: formatSince(firstSeen, at, locale),
      ...(numbers ? { numbers } : {}),
      notices: newNotices(
        previous.paragraphs,
        article.paragraphs.map((p) => p.text),
      ),
      messages: pageMessages(),
      ...(rules.length > 0 ? { rules } : {}),
    };
    // A long article's reply goes in parts, so the page never decodes it in one task (reply-parts.ts).
    replies += 1;
    const { head, parts } = splitReply(reply, `r${replies}-${at.toString(36)}`);
    if (parts.length > 0) replyParts.keep(sender.tabId, head.more?.id ?? '', parts);
    return head;
  };

  return {
    'site.check': async ({ location }) => {
      const current = await settings.get();
      const reason = pageBlock(current, location);
      if (reason !== null) return { capture: false, reason };
      return readerVerdict(current, location) === 'keep' ? { capture: true, force: true } : { capture: true };
    },

    'article.capture': async (request, sender) => {
      const declared = request.article ?? readings.take(sender.tabId, request.reading);
      return capture(declared, request.location, request.sameDocument === true, sender);
    },

    'capture.part': async ({ id, index }, sender) => replyParts.take(sender.tabId, id, index),

    // Without the across-extractor filter: the popup's versions are compared as they are.
    'versions.compare': async ({ old, current }) => compareVersions(old, EXTRACTOR_VERSION, current),

    'page.upload': async ({ upload, index, piece }, sender) => {
      uploads.add(sender.tabId, upload, index, piece);
      return null;
    },

    // Anchored on the newest stored version where it was parsed (anchor.ts), so the page never aligns.
    'page.parse': async ({ upload, pieces, location, force, last, capture: storeNow }, sender) => {
      if (last !== undefined) uploads.add(sender.tabId, upload, pieces - 1, last);
      const parsed = await parse(
        uploads.take(sender.tabId, upload, pieces),
        location,
        force === true ? { force } : {},
        async (article) =>
          newestParagraphs(await db(), filingUrl(filingUrl(article.url, location), sender.url)),
      );
      // Stored at once when the page asked: one exchange fewer on the page's thread (issue 8). A capture that
      // fails here keeps the reading, and the page's own 'article.capture' then meets the error and reports it.
      let captured: CaptureReply | null = null;
      if (parsed.ok && storeNow) {
        captured = await capture(parsed.article, location, storeNow.sameDocument === true, sender).catch(
          (error: unknown) => {
            console.warn('Redline: storing what was read failed; the page will ask again', error);
            return null;
          },
        );
      }
      // Otherwise the capture names this reading instead of sending the article back ('article.capture').
      if (parsed.ok && captured === null) readings.keep(sender.tabId, upload, parsed.article);
      // A long article's reading goes in parts too (reply-parts.ts).
      const { head, parts } = splitParsed(parsed, upload);
      if (parts.length > 0) parseParts.keep(sender.tabId, upload, parts);
      return captured === null ? head : { ...head, captured };
    },

    'parse.part': async ({ id, index }, sender) => parseParts.take(sender.tabId, id, index),

    'article.dismiss': async ({ url, hash }, sender) => {
      const dismissed = await dismissChanges(await db(), filingUrl(url, sender.url), hash);
      if (dismissed) await badge.show(sender.tabId, 0);
      return { dismissed };
    },

    'badge.set': async ({ changes }, sender) => {
      await badge.show(sender.tabId, changes);
      return null;
    },

    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),
    'history.delete': async ({ url }) => ({ deleted: await deleteArticle(await db(), url) }),
    ...createUiHandlers({ db, readDb, settings, now }),
    ...createRulesHandlers({ db, now }),
    ...recheck,
  };
}

const numberStyles = new Map<string, WholeNumberStyle | null>();

/** The reader's number style, read once per locale (a few Intl calls the background can spare). */
function numberStyleOf(locale: string): WholeNumberStyle | null {
  let style = numberStyles.get(locale);
  if (style === undefined) {
    style = wholeNumberStyle(locale);
    numberStyles.set(locale, style);
  }
  return style;
}

function articleBytes(article: Article): number {
  let chars = article.title.length;
  for (const p of article.paragraphs) chars += p.text.length;
  return 2 * chars;
}

/** Badge text for a number of changes: empty for none, capped so it fits the button. */
export function badgeText(changes: number): string {
  if (changes <= 0) return '';
  return changes > 99 ? '99+' : String(changes);
}
