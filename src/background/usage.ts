/**
 * How much the history holds, and keeping it within a storage budget.
 *
 * Bytes are Redline's own estimate of what it stores (text as UTF-16, the browser's in-memory form, plus a fixed
 * overhead per record), not the browser's: `navigator.storage.estimate()` is rounded, padded and updated lazily,
 * so it cannot tell whether a deletion has brought the history back under the budget.
 */
import type { StoredVersion } from '../core/history';
import type { HistoryDb } from './db';
import { inTransaction } from './storage-errors';

/** The history may hold this much before the least recently read articles are forgotten: 512 MiB. */
export const STORAGE_BUDGET_BYTES = 512 * 1024 * 1024;

/** Keys, index entries and structure of one record, roughly. */
const RECORD_OVERHEAD = 64;

export interface Usage {
  bytes: number;
  articles: number;
  versions: number;
  visits: number;
}

export interface UsageReport extends Usage {
  /** The storage budget in bytes. */
  budget: number;
}

export function versionBytes(v: StoredVersion): number {
  let chars = v.url.length + v.hash.length + v.title.length + (v.byline?.length ?? 0);
  for (const p of v.paragraphs) chars += p.text.length;
  return 2 * chars + RECORD_OVERHEAD * (1 + v.paragraphs.length);
}

function visitBytes(url: string): number {
  return 2 * (url.length + 64) + RECORD_OVERHEAD;
}

type UsageTx = ReturnType<HistoryDb['transaction']>;

/** Bytes per article URL and the totals, read in `tx`. */
async function measure(tx: UsageTx): Promise<{ usage: Usage; perUrl: Map<string, number> }> {
  const perUrl = new Map<string, number>();
  const add = (url: string, bytes: number) => perUrl.set(url, (perUrl.get(url) ?? 0) + bytes);
  const usage: Usage = { bytes: 0, articles: 0, versions: 0, visits: 0 };
  let version = await tx.objectStore('versions').openCursor();
  while (version) {
    add(version.value.url, versionBytes(version.value));
    usage.versions++;
    version = await version.continue();
  }
  let visit = await tx.objectStore('visits').index('url').openKeyCursor();
  while (visit) {
    add(String(visit.key), visitBytes(String(visit.key)));
    usage.visits++;
    visit = await visit.continue();
  }
  usage.articles = await tx.objectStore('articles').count();
  for (const bytes of perUrl.values()) usage.bytes += bytes;
  return { usage, perUrl };
}

export async function measureUsage(db: HistoryDb): Promise<Usage> {
  const tx = db.transaction(['articles', 'versions', 'visits']);
  return (await inTransaction(tx, () => measure(tx))).usage;
}

export interface BudgetReport {
  articlesDeleted: number;
  bytesFreed: number;
}

/**
 * Forgets whole articles, least recently read first (lowest `lastSeen`), until the history fits in `budget`
 * bytes. Never `keep`, the article on the reader's screen, even if it alone is over the budget. One transaction:
 * a failure forgets nothing.
 */
export async function enforceBudget(
  db: HistoryDb,
  budget: number,
  keep: string | null,
): Promise<BudgetReport> {
  const tx = db.transaction(['articles', 'versions', 'visits'], 'readwrite');
  const work = async (): Promise<BudgetReport> => {
    const report: BudgetReport = { articlesDeleted: 0, bytesFreed: 0 };
    const { usage, perUrl } = await measure(tx);
    let bytes = usage.bytes;
    if (bytes <= budget) return report;
    let cursor = await tx.objectStore('articles').index('lastSeen').openCursor();
    while (cursor && bytes > budget) {
      const url = cursor.value.url;
      if (url !== keep) {
        for (const store of ['versions', 'visits'] as const) {
          const keys = await tx.objectStore(store).index('url').getAllKeys(IDBKeyRange.only(url));
          for (const key of keys) await tx.objectStore(store).delete(key);
        }
        await cursor.delete();
        const freed = perUrl.get(url) ?? 0;
        bytes -= freed;
        report.bytesFreed += freed;
        report.articlesDeleted++;
      }
      cursor = await cursor.continue();
    }
    return report;
  };
  return inTransaction(tx, work);
}
