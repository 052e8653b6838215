/**
 * Comparing versions read by different extractors (`EXTRACTOR_VERSION`): after an upgrade the first revisit of
 * an article stored by the earlier release would otherwise show every difference in how Redline now reads the
 * page (its boundary, hidden text, captions, how blocks split) as an edit. The rule:
 * - only a paragraph matched on both sides one to one can show, as reworded (its words changed; which block
 *   holds it did not) or moved;
 * - additions, removals, splits and merges, and a headline change are not shown: each can be explained by the
 *   extraction change alone, and a false mark costs the reader's trust more than one missed edit on one visit;
 * - the new version is stored as usual and silently becomes the baseline, so the next visit compares two
 *   versions read the same way with every mark back.
 * Anchoring (anchor.ts) has already put back what the page still shows and left out boundary drift.
 */
import type { AlignResult, AlignStats, ParagraphChange } from '../model';
import { LEGACY_EXTRACTOR_VERSION } from './version';

/** The extractor of a stored version; versions stored before the field existed read as the first one. */
export function extractorOf(version: { extractor?: number | undefined }): number {
  return version.extractor ?? LEGACY_EXTRACTOR_VERSION;
}

function shown(change: ParagraphChange): boolean {
  if (change.kind === 'added') return false;
  if (change.kind === 'reworded') return change.group === undefined;
  return true;
}

/** What the reader is shown of `result` when the two versions were read by different extractors. */
export function acrossExtractors(result: AlignResult): AlignResult {
  const paragraphs = result.paragraphs.filter(shown);
  const stats: AlignStats = { unchanged: 0, added: 0, removed: 0, reworded: 0, moved: 0 };
  for (const change of paragraphs) stats[change.kind] += 1;
  return {
    ...result,
    title: {
      ...result.title,
      changed: false,
      words: result.title.new === '' ? [] : [{ op: 'equal', text: result.title.new }],
    },
    paragraphs,
    removed: [],
    stats,
  };
}
