/**
 * The re-check's browser glue: the alarm, the notification and its click, the permission being taken back, the
 * badge, and the test build's hook. Listeners are added synchronously when the background starts (the alarm or
 * a click is what wakes a stopped service worker); all state lives in storage.
 */
import browser from 'webextension-polyfill';
import { EXTRACTOR_VERSION } from '../../core/extract';
import type { HistoryDb } from '../db';
import { badgeText } from '../handlers';
import type { Handlers } from '../protocol';
import type { SettingsStore } from '../settings';
import { createRecheckHandlers } from './handlers';
import { noticeText } from './judge';
import { createParser } from './parse-fetched';
import type { RecheckMessageType, RecheckTestRequest } from './protocol';
import { type EditNotice, type RecheckDeps, runTick } from './run';
import { EMPTY_SCHEDULER_STATE, type SchedulerState, TICK_MS } from './schedule';
import { RECHECK_ORIGINS } from './settings';
import { editedSinceRead } from './store';
import { TEST_BUILD } from './test-build';

export const ALARM_NAME = 'redline-recheck';
const STATE_KEY = 'recheckScheduler';
const NOTICE_PREFIX = 'redline-edited:';
const TEST_NOTICES_KEY = 'recheckTestNotices';

function parseState(value: unknown): SchedulerState {
  if (typeof value !== 'object' || value === null) return EMPTY_SCHEDULER_STATE;
  const r = value as Record<string, unknown>;
  const recent = Array.isArray(r.recent) ? r.recent.filter((t): t is number => typeof t === 'number') : [];
  const holds: Record<string, number> = {};
  if (typeof r.holds === 'object' && r.holds !== null) {
    for (const [host, until] of Object.entries(r.holds)) if (typeof until === 'number') holds[host] = until;
  }
  return { recent, holds };
}

export interface RecheckWiring {
  handlers: Pick<Handlers, RecheckMessageType>;
}

export function wireRecheck(db: () => Promise<HistoryDb>, settings: SettingsStore): RecheckWiring {
  const parse = createParser();

  const refreshBadge = async (count: number): Promise<void> => {
    // The global text; a tab whose article shows marks has its own count (handlers.ts), which wins there.
    await browser.action.setBadgeText({ text: badgeText(count) });
  };
  const countEdited = async (): Promise<void> => {
    await refreshBadge((await editedSinceRead(await db())).length);
  };

  const notify = async (notice: EditNotice): Promise<void> => {
    if (!browser.notifications) return;
    const message = noticeText(notice.title, notice.counts);
    const id = await browser.notifications.create(`${NOTICE_PREFIX}${notice.url}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      title: 'Redline',
      message,
    });
    if (TEST_BUILD) {
      // Headless Firefox closes a notice as soon as it is shown (no alert service), so getAll() cannot see it:
      // the test build keeps what it created for the browser tests.
      const kept = (await browser.storage.local.get(TEST_NOTICES_KEY))[TEST_NOTICES_KEY];
      const list = Array.isArray(kept) ? kept : [];
      await browser.storage.local.set({ [TEST_NOTICES_KEY]: [...list, { id, message }] });
    }
  };

  const openArticle = async (url: string): Promise<void> => {
    // The tab's content script marks it against the version the reader last saw (record.ts).
    await browser.tabs.create({ url });
  };

  const hostAccess = (): Promise<boolean> => browser.permissions.contains({ origins: [...RECHECK_ORIGINS] });

  const deps = (now: () => number): RecheckDeps => ({
    db,
    settings: () => settings.get(),
    now,
    random: Math.random,
    fetch: (input, init) => fetch(input, init),
    parse,
    hostAccess,
    online: () => navigator.onLine !== false,
    loadState: async () => parseState((await browser.storage.local.get(STATE_KEY))[STATE_KEY]),
    saveState: (state) => browser.storage.local.set({ [STATE_KEY]: state }),
    notify,
    extractor: EXTRACTOR_VERSION,
  });

  const tick = async (now: () => number, only?: string) => {
    const report = await runTick(deps(now), only === undefined ? {} : { only });
    await countEdited().catch(() => undefined);
    return report;
  };

  /** The alarm exists exactly while the feature is on and its permission granted. */
  const syncAlarm = async (): Promise<void> => {
    const current = await settings.get();
    const existing = await browser.alarms.get(ALARM_NAME);
    if (current.recheck.enabled && (await hostAccess())) {
      if (!existing)
        await browser.alarms.create(ALARM_NAME, { periodInMinutes: TICK_MS / 60_000, delayInMinutes: 1 });
    } else {
      if (existing) await browser.alarms.clear(ALARM_NAME);
      await refreshBadge(0);
    }
  };

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== ALARM_NAME) return;
    tick(Date.now).catch((error: unknown) => console.warn('Redline: the re-check failed', error));
  });

  const onClicked = (id: string): void => {
    if (!id.startsWith(NOTICE_PREFIX)) return;
    openArticle(id.slice(NOTICE_PREFIX.length)).catch(() => undefined);
    browser.notifications?.clear(id).catch(() => undefined);
  };
  let clickWired = false;
  const wireClicks = (): void => {
    if (clickWired || !browser.notifications) return;
    browser.notifications.onClicked.addListener(onClicked);
    clickWired = true;
  };
  wireClicks();

  // Taking the host access back (browser settings) switches the feature off; granting notifications later
  // wires their clicks.
  browser.permissions.onRemoved.addListener((removed) => {
    if (!removed.origins?.length) return;
    settings
      .update((current) => ({ recheck: { ...current.recheck, enabled: false } }))
      .then(syncAlarm)
      .catch(() => undefined);
  });
  browser.permissions.onAdded.addListener(() => {
    wireClicks();
    syncAlarm().catch(() => undefined);
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'settings' in changes) syncAlarm().catch(() => undefined);
  });
  syncAlarm().catch(() => undefined);
  countEdited().catch(() => undefined);

  const test = TEST_BUILD
    ? async (request: RecheckTestRequest): Promise<unknown> => {
        if (request.action === 'tick') return tick(() => request.at, request.only);
        if (request.action === 'click') {
          onClicked(`${NOTICE_PREFIX}${request.url}`);
          return null;
        }
        if (request.action === 'options') {
          await browser.runtime.openOptionsPage();
          return null;
        }
        return {
          badge: await browser.action.getBadgeText({}),
          // Firefox gives each notice's options (its text); Chromium only its id.
          notices: browser.notifications ? await browser.notifications.getAll() : null,
          created: (await browser.storage.local.get(TEST_NOTICES_KEY))[TEST_NOTICES_KEY] ?? [],
          alarm: (await browser.alarms.get(ALARM_NAME)) ?? null,
          permissions: await browser.permissions.getAll(),
        };
      }
    : null;

  return { handlers: createRecheckHandlers({ db, refreshBadge, test }) };
}
