/**
 * The approaches Redline's `align` is compared with, each run on the same inputs:
 * - `diffWords`: jsdiff's diffWords over the whole text, paragraphs joined by blank lines, as the
 *   "What Changed" extension does;
 * - `dmp`: diff-match-patch's diff_main over the whole text, as NewsDiffs does;
 * - `allPairs`: similarity of every old paragraph with every new one, the naive way to pair paragraphs.
 * Each has a cost cap so that the 5,000-paragraph cases end in seconds, not minutes; a capped run says so.
 */

import { diffWords } from 'diff';
import DiffMatchPatch from 'diff-match-patch';
import type { VersionText } from '../src/core/model';
import type { RunOutcome } from './outcome';

/** Headline and paragraphs as one text, paragraphs separated by a blank line. */
export function wholeText(version: VersionText): string {
  return [version.title, ...version.paragraphs].join('\n\n');
}

export function diffWordsWhole(oldText: string, newText: string, capMs: number): RunOutcome {
  // jsdiff returns undefined instead of a diff when the timeout stops it.
  const changes = diffWords(oldText, newText, { timeout: capMs });
  return changes ? { capped: false } : { capped: true, note: `jsdiff timeout ${capMs} ms hit` };
}

export function dmpWhole(oldText: string, newText: string, capMs: number): RunOutcome {
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = capMs / 1000;
  const started = performance.now();
  dmp.diff_main(oldText, newText);
  // diff_main does not say when its deadline cut the bisection short (it then returns a coarser diff);
  // reaching the deadline is the only sign.
  const elapsed = performance.now() - started;
  return elapsed >= capMs ? { capped: true, note: `Diff_Timeout ${capMs / 1000} s hit` } : { capped: false };
}

/** Lower-cased words of a paragraph, as a set. */
function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Dice coefficient of two word sets: 2|A∩B| / (|A|+|B|). */
function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** The pairing threshold the naive approach would use: at least half the words in common. */
const PAIR_THRESHOLD = 0.5;

/**
 * For each new paragraph, the most similar old one by comparing it with all of them. Stops at the cap and
 * reports the share of pairs compared and the full time extrapolated from it.
 */
export function allPairs(
  oldVersion: VersionText,
  newVersion: VersionText,
  capMs: number,
): RunOutcome & { paired?: number } {
  const started = performance.now();
  const deadline = started + capMs;
  const oldSets = oldVersion.paragraphs.map(wordSet);
  const newSets = newVersion.paragraphs.map(wordSet);
  let paired = 0;
  let rows = 0;
  for (const candidate of newSets) {
    let best = 0;
    for (const old of oldSets) {
      const score = dice(candidate, old);
      if (score > best) best = score;
    }
    if (best >= PAIR_THRESHOLD) paired++;
    rows++;
    if (rows < newSets.length && performance.now() > deadline) {
      const elapsed = performance.now() - started;
      const share = rows / newSets.length;
      return {
        capped: true,
        note: `cap ${capMs} ms hit after ${(share * 100).toFixed(0)}% of pairs; full run ≈ ${Math.round(elapsed / share)} ms`,
      };
    }
  }
  return { capped: false, paired };
}
