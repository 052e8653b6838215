/**
 * The article the background read from each tab's last uploaded page ('page.parse'), so that 'article.capture'
 * can name it instead of sending it back: at 20,000 paragraphs that message cost the page's thread 61 ms
 * (issue 8). One reading per tab, for at most `READING_TTL_MS`; a capture takes it.
 */
import type { Article } from '../core/model';
import { READING_GONE } from '../protocol/reading';

export const READING_TTL_MS = 2 * 60 * 1000;

export class Readings {
  private readonly byTab = new Map<number, { id: string; article: Article; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  keep(tab: number, id: string, article: Article): void {
    this.expire();
    this.byTab.set(tab, { id, article, at: this.now() });
  }

  /** The article read from upload `id` of `tab`; throws `ReadingGone` when it is not kept. */
  take(tab: number, id: string): Article {
    this.expire();
    const kept = this.byTab.get(tab);
    if (kept?.id !== id) {
      throw Object.assign(new Error('the page’s reading is gone (the background restarted, or it expired)'), {
        name: READING_GONE,
      });
    }
    return kept.article;
  }

  private expire(): void {
    const now = this.now();
    for (const [tab, kept] of this.byTab) if (now - kept.at > READING_TTL_MS) this.byTab.delete(tab);
  }
}
