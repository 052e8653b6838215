/**
 * Which paragraphs' elements the overlay reads to mark an edit, so that an edited visit looks for those alone
 * (extract-remote.ts `place`): checking that each anchored element still shows its paragraph was 0.5–5 ms of an
 * edited visit in Chromium when done for every paragraph (issue 8).
 */
import type { IgnoreRule } from '../core/ignore';
import type { AlignResult } from '../core/model';
import type { Notice } from '../core/notices';

/**
 * The changed paragraphs, where each removed one goes back (the paragraph it stood before, or the last), the
 * editor's notes, and the first paragraph (the overlay takes the page's colours from the first element it
 * has). Undefined, for every paragraph, when a selector rule may hide changes: it is tested on elements.
 */
export function paragraphsToMark(
  result: AlignResult,
  paragraphs: number,
  notices: readonly Notice[],
  rules: readonly IgnoreRule[],
): ReadonlySet<number> | undefined {
  if (rules.some((rule) => rule.kind === 'selector')) return undefined;
  const wanted = new Set<number>();
  if (paragraphs > 0) wanted.add(0);
  for (const change of result.paragraphs) if (change.kind !== 'unchanged') wanted.add(change.newIndex);
  for (const removed of result.removed) {
    if (paragraphs > 0) wanted.add(Math.min(removed.before, paragraphs - 1));
  }
  for (const notice of notices) wanted.add(notice.index);
  return wanted;
}
