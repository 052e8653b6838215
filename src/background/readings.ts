/**
 * The article the background read from each tab's last uploaded page ('page.parse'), so that 'article.capture'
 * can name it instead of sending it back: at 20,000 paragraphs that message cost the page's thread 61 ms
 * (issue 8). One reading per tab, for at most `READING_TTL_MS`; a capture takes it.
 */
import type { Article } from '../core/model';
import { READING_GONE } from '../protocol/reading';
import { TabSlots } from './tab-slots';

export const READING_TTL_MS = 2 * 60 * 1000;

export class Readings {
  private readonly slots: TabSlots<{ id: string; article: Article }>;

  constructor(now: () => number = Date.now) {
    this.slots = new TabSlots(READING_TTL_MS, now);
  }

  keep(tab: number, id: string, article: Article): void {
    this.slots.set(tab, { id, article });
  }

  /** The article read from upload `id` of `tab`; throws `ReadingGone` when it is not kept. */
  take(tab: number, id: string): Article {
    const kept = this.slots.get(tab);
    if (kept?.id !== id) {
      throw Object.assign(new Error('the page’s reading is gone (the background restarted, or it expired)'), {
        name: READING_GONE,
      });
    }
    return kept.article;
  }
}
