/**
 * A later load that shows only the start of an article the reader saw in full: a metered paywall, a sign-in or
 * consent wall, an "in the app" preview, a page that loads the rest of the story only as the reader scrolls.
 * Compared with the stored version, every paragraph past the preview would be marked Removed, and stored, the
 * preview would make the rest come back as New on the next full load. Such a load keeps the article's first
 * paragraphs word for word and shows nothing of the rest; a newsroom that cuts a story cuts here and there, or
 * rewrites what it keeps, and rarely drops most of its end with nothing else changed. So that shape is read as a
 * partial view of the same text, not as an edit.
 */
import type { VersionText } from './model';
import { compareText } from './text';

/** The hidden end is at least this share of the stored text (in characters: it holds for any script). */
export const HIDDEN_SHARE = 0.5;
/** A preview hides at least this many of the stored paragraphs. */
export const MIN_HIDDEN_PARAGRAPHS = 3;
/**
 * At least this share of what the page shows stands word for word in the stored version. The rest is the wall's
 * own prompt or a paragraph cut off mid-sentence; more than that, and the page shows another text.
 */
export const SHARED_SHARE = 0.5;

/** True when `current` shows the start of `stored`, word for word, and hides most of the rest (see above). */
export function isPartialView(stored: VersionText, current: VersionText): boolean {
  const keys = stored.paragraphs.map(compareText);
  const first = new Map<string, number>();
  keys.forEach((key, i) => {
    if (!first.has(key)) first.set(key, i);
  });
  let lastShown = -1;
  let shared = 0;
  let shown = 0;
  for (const paragraph of current.paragraphs) {
    const key = compareText(paragraph);
    shown += key.length;
    const at = first.get(key);
    if (at === undefined) continue;
    shared += key.length;
    lastShown = Math.max(lastShown, at);
  }
  if (shared === 0 || shared < shown * SHARED_SHARE) return false;
  if (keys.length - (lastShown + 1) < MIN_HIDDEN_PARAGRAPHS) return false;
  let total = 0;
  let hidden = 0;
  keys.forEach((key, i) => {
    total += key.length;
    if (i > lastShown) hidden += key.length;
  });
  return hidden >= total * HIDDEN_SHARE;
}
