/**
 * Aligns two versions of an article: which new paragraphs are unchanged, moved, reworded or added, which old
 * ones were removed and where their ghosts go, and what changed in the title.
 *
 * 1. Exact pairs (same words in comparison form), wherever they are (exactMatch.ts); among copies of one text,
 *    the choice that moves fewest (copies.ts).
 * 2. The rest paired by weighted word similarity across the whole article, with splits and merges
 *    (fuzzyMatch.ts, similarity.ts, groups.ts).
 * 3. Moves: matched pairs outside a longest increasing subsequence (moves.ts).
 * 4. Word diffs only for reworded pairs; unchanged pairs are never diffed (wordDiff.ts).
 */
import type {
  AlignResult,
  AlignStats,
  ParagraphChange,
  RemovedParagraph,
  SplitMerge,
  TitleChange,
  VersionText,
} from '../model';
import { sameWords } from '../text';
import { matchExactly } from './exactMatch';
import { matchSimilar } from './fuzzyMatch';
import { movedPairs } from './moves';
import { TokenIds } from './segment';
import { SIMILARITY_THRESHOLD } from './similarity';
import { cutByNewParts, DEFAULT_TIMEOUT_MS, type DiffCaps, diffTexts, toRuns } from './wordDiff';

/**
 * Wall-clock budget for all word diffs of one alignment. Each diff has its own caps, but an article of hundreds
 * of long, heavily rewritten paragraphs would still add up to seconds; past the budget the remaining reworded
 * paragraphs get the coarse delete + insert fallback (and `capped`). An ordinary edit uses a few milliseconds.
 */
export const DIFF_BUDGET_MS = 1000;

export interface AlignOptions extends DiffCaps {
  /** Wall-clock budget for all word diffs together (default DIFF_BUDGET_MS). */
  diffBudgetMs?: number;
  /** Similarity from which two different paragraphs are the same one reworded (default SIMILARITY_THRESHOLD). */
  threshold?: number;
  /** BCP 47 tag of the article's language, for word segmentation. */
  locale?: string;
}

// How each new paragraph was matched; kept in typed arrays, not one object per paragraph, because most of a
// 5,000-paragraph article is exact matches and the garbage collector was a visible share of alignment time.
const NONE = 0;
const EXACT = 1;
const SIMILAR = 2;
const GROUP = 3;

interface GroupMatch {
  group: SplitMerge;
  similarity: number;
}

export function align(oldV: VersionText, newV: VersionText, opts: AlignOptions = {}): AlignResult {
  const oldParagraphs = oldV.paragraphs;
  const newParagraphs = newV.paragraphs;
  const deadline = Date.now() + (opts.diffBudgetMs ?? DIFF_BUDGET_MS);
  const perDiffTimeout = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Each diff gets its own timeout, shortened to what is left of the alignment's budget.
  const capsNow = (): DiffCaps => ({
    maxEditLength: opts.maxEditLength,
    timeoutMs: Math.max(0, Math.min(perDiffTimeout, deadline - Date.now())),
  });
  const ids = new TokenIds();
  let capped = false;

  // The headline first: it is short and matters most, so it never loses its diff to the budget.
  const title = titleChange(oldV.title, newV.title, ids, capsNow(), opts.locale);
  capped ||= title.capped;

  const exact = matchExactly(oldParagraphs, newParagraphs);
  const matchOfNew = new Uint8Array(newParagraphs.length);
  const oldOfNew = new Int32Array(newParagraphs.length).fill(-1);
  const similarityOfNew = new Float64Array(newParagraphs.length);
  const groupOfNew = new Map<number, GroupMatch>();
  const oldUsed = new Uint8Array(oldParagraphs.length);
  const oldLeft: number[] = [];
  const oldKept: number[] = [];
  for (let i = 0; i < oldParagraphs.length; i++) {
    const j = exact.newOfOld[i]!;
    if (j === -1) oldLeft.push(i);
    else {
      oldKept.push(i);
      oldUsed[i] = 1;
      matchOfNew[j] = EXACT;
      oldOfNew[j] = i;
    }
  }
  const newLeft: number[] = [];
  for (let j = 0; j < newParagraphs.length; j++) if (exact.oldOfNew[j] === -1) newLeft.push(j);

  const fuzzy = matchSimilar({
    oldParagraphs,
    newParagraphs,
    oldLeft,
    newLeft,
    oldKept,
    oldKeys: exact.oldKeys,
    newKeys: exact.newKeys,
    threshold: opts.threshold ?? SIMILARITY_THRESHOLD,
  });
  for (const pair of fuzzy.pairs) {
    oldUsed[pair.oldIndex] = 1;
    matchOfNew[pair.newIndex] = SIMILAR;
    oldOfNew[pair.newIndex] = pair.oldIndex;
    similarityOfNew[pair.newIndex] = pair.similarity;
  }
  for (const g of fuzzy.groups) {
    const group: SplitMerge = { type: g.type, oldIndices: g.oldIndices, newIndices: g.newIndices };
    for (const i of g.oldIndices) oldUsed[i] = 1;
    for (const j of g.newIndices) {
      matchOfNew[j] = GROUP;
      oldOfNew[j] = g.oldIndices[0]!;
      similarityOfNew[j] = g.similarity;
      groupOfNew.set(j, { group, similarity: g.similarity });
    }
  }

  // Moves, over every matched pair in old order (a merge counts once, by its first old paragraph; the parts of a
  // split in new order). Built by scanning old indices rather than sorting 5,000 pair objects.
  const firstNewOfOld = new Int32Array(oldParagraphs.length).fill(-1);
  const moreNewsOfOld = new Map<number, number[]>();
  for (let j = 0; j < newParagraphs.length; j++) {
    const i = oldOfNew[j]!;
    if (i === -1) continue;
    if (firstNewOfOld[i] === -1) firstNewOfOld[i] = j;
    else {
      const more = moreNewsOfOld.get(i);
      if (more) more.push(j);
      else moreNewsOfOld.set(i, [j]);
    }
  }
  const orderOld: number[] = [];
  const orderNew: number[] = [];
  for (let i = 0; i < oldParagraphs.length; i++) {
    if (firstNewOfOld[i] === -1) continue;
    orderOld.push(i);
    orderNew.push(firstNewOfOld[i]!);
    for (const j of moreNewsOfOld.get(i) ?? []) {
      orderOld.push(i);
      orderNew.push(j);
    }
  }
  const moved = movedPairs(orderNew);
  const movedNew = new Uint8Array(newParagraphs.length);
  const anchorOfOld = new Int32Array(oldParagraphs.length).fill(-1);
  for (let k = 0; k < orderNew.length; k++) {
    if (moved[k]) movedNew[orderNew[k]!] = 1;
    else anchorOfOld[orderOld[k]!] = Math.max(anchorOfOld[orderOld[k]!]!, orderNew[k]!);
  }

  const splitWords = new Map<number, ReturnType<typeof toRuns>>();
  const paragraphs: ParagraphChange[] = [];
  for (let j = 0; j < newParagraphs.length; j++) {
    const match = matchOfNew[j]!;
    const oldIndex = oldOfNew[j]!;
    const isMoved = movedNew[j] === 1;
    if (match === NONE) {
      paragraphs.push({ kind: 'added', newIndex: j });
    } else if (match === EXACT) {
      paragraphs.push({ kind: isMoved ? 'moved' : 'unchanged', newIndex: j, oldIndex });
    } else if (match === SIMILAR) {
      const diff = diffTexts(oldParagraphs[oldIndex]!, newParagraphs[j]!, ids, capsNow(), opts.locale);
      capped ||= diff.capped;
      paragraphs.push({
        kind: 'reworded',
        newIndex: j,
        oldIndex,
        moved: isMoved,
        similarity: similarityOfNew[j]!,
        words: toRuns(diff.edits),
      });
    } else {
      const { group, similarity } = groupOfNew.get(j)!;
      let words = splitWords.get(j);
      if (!words && group.type === 'split') {
        // Each part is diffed against its own slice of the old paragraph: one diff of the old text against the
        // parts joined, cut where the parts meet.
        const parts = group.newIndices.map((k) => newParagraphs[k]!);
        const diff = diffTexts(oldParagraphs[oldIndex]!, parts.join(' '), ids, capsNow(), opts.locale);
        capped ||= diff.capped;
        const cut = cutByNewParts(
          diff.edits,
          parts.map((p) => p.length),
        );
        group.newIndices.forEach((k, n) => {
          splitWords.set(k, toRuns(cut[n]!));
        });
        words = splitWords.get(j);
      } else if (!words) {
        // A merge is diffed against its old paragraphs joined by a space.
        const joined = group.oldIndices.map((i) => oldParagraphs[i]!).join(' ');
        const diff = diffTexts(joined, newParagraphs[j]!, ids, capsNow(), opts.locale);
        capped ||= diff.capped;
        words = toRuns(diff.edits);
      }
      paragraphs.push({
        kind: 'reworded',
        newIndex: j,
        oldIndex,
        moved: isMoved,
        similarity,
        words: words ?? [],
        group,
      });
    }
  }

  // A removed paragraph's ghost goes right after the new place of its nearest earlier old neighbour that kept its
  // order (moved neighbours would drag it elsewhere), or at the top when there is none.
  const removed: RemovedParagraph[] = [];
  let before = 0;
  for (let i = 0; i < oldParagraphs.length; i++) {
    if (anchorOfOld[i] !== -1) before = anchorOfOld[i]! + 1;
    if (!oldUsed[i]) removed.push({ oldIndex: i, text: oldParagraphs[i]!, before });
  }

  return { title: title.change, paragraphs, removed, stats: statsOf(paragraphs, removed.length), capped };
}

function titleChange(
  oldTitle: string,
  newTitle: string,
  ids: TokenIds,
  caps: DiffCaps,
  locale: string | undefined,
): { change: TitleChange; capped: boolean } {
  if (sameWords(oldTitle, newTitle)) {
    const words = newTitle === '' ? [] : [{ op: 'equal' as const, text: newTitle }];
    return { change: { changed: false, old: oldTitle, new: newTitle, words }, capped: false };
  }
  const diff = diffTexts(oldTitle, newTitle, ids, caps, locale);
  return {
    change: { changed: true, old: oldTitle, new: newTitle, words: toRuns(diff.edits) },
    capped: diff.capped,
  };
}

function statsOf(paragraphs: readonly ParagraphChange[], removed: number): AlignStats {
  const stats: AlignStats = { unchanged: 0, added: 0, removed, reworded: 0, moved: 0 };
  for (const p of paragraphs) {
    if (p.kind === 'unchanged') stats.unchanged++;
    else if (p.kind === 'added') stats.added++;
    else if (p.kind === 'moved') stats.moved++;
    else {
      stats.reworded++;
      if (p.moved) stats.moved++;
    }
  }
  return stats;
}
