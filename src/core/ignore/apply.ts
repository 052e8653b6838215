/**
 * Applies ignore rules to a comparison: changes to paragraphs the rules cover are not shown. A new or removed
 * paragraph is ignored when its text matches; a reworded or moved one when both its old and new text match
 * ("Updated 5 minutes ago" → "Updated 9 minutes ago"), or when its element on the page is covered by a
 * selector rule (`ignoredNew`, given by the content script, which has the page).
 */
import type { AlignResult, AlignStats, ParagraphChange } from '../model';
import type { TextMatcher } from './matcher';

export interface IgnoreOutcome {
  /** The comparison without the ignored changes (ignored rewordings and moves read as unchanged). */
  result: AlignResult;
  /** New-version indices of ignored added, reworded or moved paragraphs. */
  ignoredNew: Set<number>;
  /** Old-version indices of ignored removed paragraphs. */
  ignoredRemoved: Set<number>;
}

export function applyIgnoreRules(
  result: AlignResult,
  oldParagraphs: readonly string[],
  newParagraphs: readonly string[],
  matcher: TextMatcher,
  ignoredNew: (newIndex: number) => boolean = () => false,
): IgnoreOutcome {
  const skipNew = new Set<number>();
  const skipRemoved = new Set<number>();
  const paragraphs: ParagraphChange[] = [];
  for (const change of result.paragraphs) {
    if (change.kind === 'unchanged') {
      paragraphs.push(change);
      continue;
    }
    const newText = newParagraphs[change.newIndex] ?? '';
    const covered =
      ignoredNew(change.newIndex) ||
      (change.kind === 'added'
        ? matcher.matches(newText)
        : matcher.matches(newText) && matcher.matches(oldParagraphs[change.oldIndex] ?? ''));
    if (!covered) {
      paragraphs.push(change);
      continue;
    }
    skipNew.add(change.newIndex);
    if (change.kind !== 'added') {
      paragraphs.push({ kind: 'unchanged', newIndex: change.newIndex, oldIndex: change.oldIndex });
    }
  }
  const removed = result.removed.filter((r) => {
    if (!matcher.matches(r.text)) return true;
    skipRemoved.add(r.oldIndex);
    return false;
  });
  if (skipNew.size === 0 && skipRemoved.size === 0) {
    return { result, ignoredNew: skipNew, ignoredRemoved: skipRemoved };
  }
  return {
    result: { ...result, paragraphs, removed, stats: statsOf(paragraphs, removed.length) },
    ignoredNew: skipNew,
    ignoredRemoved: skipRemoved,
  };
}

function statsOf(paragraphs: readonly ParagraphChange[], removed: number): AlignStats {
  const stats: AlignStats = { unchanged: 0, added: 0, removed, reworded: 0, moved: 0 };
  for (const change of paragraphs) {
    stats[change.kind] += 1;
    // As align counts it: a reworded paragraph that also moved is a move too.
    if (change.kind === 'reworded' && change.moved) stats.moved += 1;
  }
  return stats;
}
