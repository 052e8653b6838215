/**
 * Which articles had a silent edit (words changed with no new editor's note) and which a corrected one, for
 * the history list's filters. Computed on demand from the stored versions, one article at a time in key order,
 * so only two versions' text are held at once; nothing is stored, so imports and old histories need no upgrade.
 */
import { editKind } from '../core/notices';
import type { HistoryDb } from './db';

export interface ArticleEdits {
  silent: boolean;
  corrected: boolean;
  /** Each edit found, oldest first: when its version was first seen, and whether it was silent (the dashboard). */
  found?: EditFound[];
}

export interface EditFound {
  at: number;
  silent: boolean;
}

/** Articles with at least one edit of either kind, by URL; an article with none is left out. */
export async function editKindsOf(db: HistoryDb): Promise<Record<string, ArticleEdits>> {
  const kinds: Record<string, ArticleEdits> = {};
  let previous: { url: string; title: string; paragraphs: string[] } | null = null;
  // The url index orders by URL, then by key: each article's versions oldest first.
  let cursor = await db.transaction('versions').store.index('url').openCursor();
  while (cursor) {
    const version = cursor.value;
    const text = {
      url: version.url,
      title: version.title,
      paragraphs: version.paragraphs.map((p) => p.text),
    };
    if (previous?.url === version.url && !version.variant) {
      const kind = editKind(previous, text);
      if (kind) {
        const entry = kinds[version.url] ?? { silent: false, corrected: false, found: [] };
        kinds[version.url] = entry;
        entry.found?.push({ at: version.firstSeen, silent: kind === 'silent' });
        if (kind === 'silent') entry.silent = true;
        else entry.corrected = true;
      }
    }
    previous = text;
    cursor = await cursor.continue();
  }
  return kinds;
}
