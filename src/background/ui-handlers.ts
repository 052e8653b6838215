/**
 * The background's answers to the extension pages' messages (`UiProtocol`); spread into `createHandlers`.
 */
import type { HistoryDb } from './db';
import type { Handlers } from './protocol';
import { applyReaderChoice } from './reader-choice';
import type { SettingsStore } from './settings';
import { allArticles, articleDetail, articleRecords, deleteEverything, exportBatch } from './ui-history';
import { importHistory } from './ui-import';
import type { UiMessageType } from './ui-protocol';
import { applyRetention } from './ui-retention';
import { countSiteArticles, deleteSiteArticles } from './ui-sites';
import { measureUsage, STORAGE_BUDGET_BYTES } from './usage';

/** Runs `step` on the history database (db-connection.ts: `read`, open and step within a time limit). */
export type ReadDb = <T>(step: (db: HistoryDb) => Promise<T>) => Promise<T>;

export interface UiHandlerDeps {
  db: () => Promise<HistoryDb>;
  readDb?: ReadDb;
  settings: SettingsStore;
  now: () => number;
}

export function createUiHandlers({
  db,
  readDb = async (step) => step(await db()),
  settings,
  now,
}: UiHandlerDeps): Pick<Handlers, UiMessageType> {
  return {
    'ui.articles': async () => allArticles(await db()),
    // One article's versions: a read whose time does not grow with the history, so it may have a limit (a page
    // waiting on it then hears why and asks again); reads of the whole history only have their open bounded.
    'ui.article': ({ url }) => readDb((history) => articleDetail(history, url)),
    'ui.export': async ({ url, after, limit }) =>
      url === null
        ? exportBatch(await db(), after, limit)
        : { records: await articleRecords(await db(), url), next: null },
    'ui.import': async ({ text }) => importHistory(await db(), text),
    'ui.deleteAll': async () => ({ articles: await deleteEverything(await db()) }),
    'ui.retention': async () => applyRetention(await db(), await settings.get(), now(), null),
    'ui.usage': async () => ({ ...(await measureUsage(await db())), budget: STORAGE_BUDGET_BYTES }),
    'ui.choose': (request) => settings.update((current) => applyReaderChoice(current, request)),
    'ui.siteArticles': async ({ site }) => ({ articles: await countSiteArticles(await db(), site) }),
    'ui.deleteSite': async ({ site }) => ({ articles: await deleteSiteArticles(await db(), site) }),
  };
}

/**
 * After a capture: keeps the captured article (and the history's age) within the retention settings. A failed
 * prune is logged, not thrown: the capture is stored, the page should still show its marks, and the next capture
 * prunes again.
 */
export async function retainAfterCapture(deps: UiHandlerDeps, url: string): Promise<void> {
  try {
    await applyRetention(await deps.db(), await deps.settings.get(), deps.now(), url);
  } catch (error) {
    console.warn('Redline: applying the retention settings failed', error);
  }
}
