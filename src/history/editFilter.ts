/** The history list's filter by kind of edit: all, articles with a silent edit, articles with a corrected one. */
import type { ArticleEdits } from '../background/edit-kinds';
import type { StoredArticle } from '../core/history';

export type EditFilter = 'all' | 'silent' | 'corrected';

/** `edits` null (not worked out yet): nothing is shown for a filter, rather than a wrong list. */
export function byEdit(
  articles: StoredArticle[],
  filter: EditFilter,
  edits: Record<string, ArticleEdits> | null,
): StoredArticle[] {
  if (filter === 'all') return articles;
  if (edits === null) return [];
  return articles.filter((article) => edits[article.url]?.[filter] === true);
}
