/**
 * What the background does for each message. Dependencies are passed in so the handlers run in tests against
 * fake-indexeddb and an in-memory badge.
 */
import type { HistoryDb } from './db';
import { filingUrl } from './filing';
import type { Handlers, PreviousVersion } from './protocol';
import { deleteArticle, newestParagraphs } from './queries';
import { readerVerdict } from './reader-choice';
import { dismissChanges, recordArticle } from './record';
import { pageBlock, type SettingsStore } from './settings';
import { createUiHandlers, retainAfterCapture } from './ui-handlers';

export interface Badge {
  /** Shows `changes` on the tab's toolbar button; 0 clears it. */
  show(tabId: number, changes: number): Promise<void>;
}

export interface HandlerDeps {
  db: () => Promise<HistoryDb>;
  settings: SettingsStore;
  badge: Badge;
  now: () => number;
}

export function createHandlers({ db, settings, badge, now }: HandlerDeps): Handlers {
  return {
    'site.check': async ({ location }) => {
      const current = await settings.get();
      const reason = pageBlock(current, location);
      if (reason !== null) return { capture: false, reason };
      return readerVerdict(current, location) === 'keep' ? { capture: true, force: true } : { capture: true };
    },

    'article.capture': async ({ location, article: declared }, sender) => {
      // The content script files it the same way; checked again here against the address the browser reports.
      const article = { ...declared, url: filingUrl(declared.url, sender.url) };
      // The canonical URL can name a parent or subdomain of the address bar's host; either being blocked keeps
      // the page out of the history.
      const current = await settings.get();
      const reason = pageBlock(current, location) ?? pageBlock(current, article.url);
      if (reason !== null) return { status: 'skipped', reason };
      const outcome = await recordArticle(await db(), article, now());
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
      };
      return { status: 'changed', hash: outcome.hash, previous, overlay: current.overlay };
    },

    'article.latest': async ({ url }, sender) => {
      const paragraphs = await newestParagraphs(await db(), filingUrl(url, sender.url));
      return paragraphs === null ? null : { paragraphs };
    },

    'article.dismiss': async ({ url, hash }, sender) => {
      const dismissed = await dismissChanges(await db(), url, hash);
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
    ...createUiHandlers({ db, settings, now }),
  };
}

/** Badge text for a number of changes: empty for none, capped so it fits the button. */
export function badgeText(changes: number): string {
  if (changes <= 0) return '';
  return changes > 99 ? '99+' : String(changes);
}
