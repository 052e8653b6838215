/**
 * Background entry (Chromium service worker / Firefox event page): wires storage, settings and the toolbar
 * badge to the message router. Listeners are registered synchronously at the top level so a background that
 * was shut down is woken by the event that needs it.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { DB_NAME, type HistoryDb, openHistory } from './db';
import { createDbConnection } from './db-connection';
import { type Badge, badgeText, createHandlers } from './handlers';
import { createRouter } from './protocol';
import { wireRecheck } from './recheck/wire';
import { createSettingsStore } from './settings';

// One connection, opened on first use; a request waits for it at most DB_WAIT_LIMIT_MS, and a failed or stuck
// open is not kept: the next message tries again (db-connection.ts).
const history = createDbConnection<HistoryDb>({ open: (events) => openHistory(DB_NAME, events) });
const db = history.db;

const BADGE_COLOUR = '#d32027';

const badge: Badge = {
  async show(tabId, changes) {
    // null, not '': the tab falls back to the global text (the re-check's count of edited articles).
    await browser.action.setBadgeText({ tabId, text: changes > 0 ? badgeText(changes) : null });
  },
};

const settings = createSettingsStore(browser.storage.local);
const recheck = wireRecheck(db, settings);

const router = createRouter(
  createHandlers({ db, readDb: history.read, settings, badge, now: Date.now, recheck: recheck.handlers }),
  { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('') },
);
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  router(message, sender),
);

// A new document in the tab starts without marks; its content script sets the badge again once it has looked.
browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
  if (changeInfo.status === 'loading') {
    browser.action.setBadgeText({ tabId, text: null }).catch(() => undefined);
  }
});

// Each start of the background sets it again: browsers do not all keep the global badge colour across restarts.
browser.action.setBadgeBackgroundColor({ color: BADGE_COLOUR }).catch(() => undefined);
