/**
 * A stored article's versions as the popup and the history timeline list them: each with its date, size and
 * what changed against the version before (counted by Redline's alignment, as the overlay marks them).
 */
import { align } from '../core/align';
import type { StoredVersion } from '../core/history';
import type { AlignResult, VersionText } from '../core/model';
import { type EditKind, editKind, type Notice, newNotices } from '../core/notices';
import { type ChangeCounts, changeCounts, wordCount } from './format';

export interface VersionRow {
  version: StoredVersion;
  /** 1-based, oldest first, as the reader counts versions. */
  number: number;
  words: number;
  paragraphs: number;
  /** Against the version before; null for the first version. */
  changes: ChangeCounts | null;
  /** The headline before, when this version changed it. */
  previousHeadline: string | null;
  /** Against the version before: an edit with a new editor's note, or a silent one; null for none (or a variant). */
  edit: EditKind | null;
  /** Editor's notes this version brought. */
  notices: Notice[];
}

export function versionText(version: Pick<StoredVersion, 'title' | 'paragraphs'>): VersionText {
  return { title: version.title, paragraphs: version.paragraphs.map((p) => p.text) };
}

export function compareVersions(older: StoredVersion, newer: StoredVersion): AlignResult {
  return align(versionText(older), versionText(newer));
}

/** One row per version, oldest first (the order the store gives them). */
export function versionRows(versions: readonly StoredVersion[]): VersionRow[] {
  return versions.map((version, i) => {
    const before = i > 0 ? versions[i - 1] : undefined;
    const text = versionText(version);
    const result = before ? compareVersions(before, version) : null;
    return {
      version,
      number: i + 1,
      words: wordCount([version.title, ...text.paragraphs]),
      paragraphs: version.paragraphs.length,
      changes: result ? changeCounts(result.stats, result.title.changed) : null,
      previousHeadline: before && result?.title.changed ? before.title : null,
      ...editOf(before, version),
    };
  });
}

/** What an edit was (notices.ts); an A/B variant is not an edit. */
function editOf(
  before: StoredVersion | undefined,
  version: StoredVersion,
): { edit: EditKind | null; notices: Notice[] } {
  if (!before || version.variant) return { edit: null, notices: [] };
  const older = versionText(before);
  const newer = versionText(version);
  return { edit: editKind(older, newer), notices: newNotices(older.paragraphs, newer.paragraphs) };
}
