/**
 * The comparison a changed page shows, made in the background so the page's thread never runs `align` or its
 * word diffs (issue 8): the content script receives the change list with the capture reply.
 */
import { align } from '../core/align';
import { acrossExtractors, EXTRACTOR_VERSION, hideLabelRemovals } from '../core/extract';
import type { AlignResult, VersionText } from '../core/model';

/**
 * `previous` as stored (read by extractor `previousExtractor`) against `current`, read by this build. Anchoring's
 * rule 4 (anchor.ts): a dateline or ad label that left the page is not a removed paragraph. Against a version
 * another extractor read, only what a change of extraction cannot explain (across-extractors.ts).
 */
export function compareVersions(
  previous: VersionText,
  previousExtractor: number,
  current: VersionText,
): AlignResult {
  const aligned = hideLabelRemovals(align(previous, current));
  return previousExtractor === EXTRACTOR_VERSION ? aligned : acrossExtractors(aligned);
}
