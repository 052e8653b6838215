/**
 * One comparison as the history page shows, saves and summarises it: the alignment, its rows with the changes
 * the reader's ignore rules leave out flagged, the editor's notes the newer version brought, and whether the
 * edit was silent. The page's table, the saved report and the copied summary all come from this one object.
 */

import type { StoredVersion } from '../core/history';
import { applyIgnoreRules, type IgnoreRule, textMatcher } from '../core/ignore';
import type { AlignResult } from '../core/model';
import { editKind, type Notice, newNotices } from '../core/notices';
import { type CompareRow, compareRows } from '../ui/compareRows';
import { compareVersions, versionText } from '../ui/versions';

export interface Comparison {
  /** The alignment without ignored changes (what is counted). */
  result: AlignResult;
  /** Every row, ignored ones flagged. */
  rows: CompareRow[];
  notices: Notice[];
  silent: boolean;
}

export function comparisonOf(
  older: StoredVersion,
  newer: StoredVersion,
  rules: readonly IgnoreRule[],
): Comparison {
  const full = compareVersions(older, newer);
  const oldTexts = older.paragraphs.map((p) => p.text);
  const newTexts = newer.paragraphs.map((p) => p.text);
  // Selector rules need the page's markup, which the history does not keep; they apply on the page only.
  const outcome = applyIgnoreRules(full, oldTexts, newTexts, textMatcher(rules));
  const rows = compareRows(full, oldTexts, newTexts).map((row) =>
    row.kind !== 'unchanged' &&
    ((row.newIndex !== null && outcome.ignoredNew.has(row.newIndex)) ||
      (row.kind === 'removed' && row.oldIndex !== null && outcome.ignoredRemoved.has(row.oldIndex)))
      ? { ...row, ignored: true }
      : row,
  );
  const notices = newNotices(oldTexts, newTexts);
  return {
    result: outcome.result,
    rows,
    notices,
    silent: notices.length === 0 && editKind(versionText(older), versionText(newer)) === 'silent',
  };
}
