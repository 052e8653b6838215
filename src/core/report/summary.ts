/**
 * A comparison in one line of words ("3 paragraphs reworded, 1 removed, headline changed") and as a short
 * Markdown summary for "Copy summary": headline, address, the two versions, what changed, any notices.
 */

import type { AlignResult } from '../model';
import type { Notice } from '../notices';

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** "3 paragraphs reworded, 1 removed, headline changed"; "no changes" when there are none. */
export function changeLine(result: Pick<AlignResult, 'stats' | 'title' | 'paragraphs'>): string {
  const parts: [number, string][] = [
    [result.stats.reworded, 'reworded'],
    [result.stats.added, 'added'],
    [result.stats.removed, 'removed'],
    [result.stats.moved - movedReworded(result), 'moved'],
  ];
  const words: string[] = [];
  for (const [n, what] of parts) {
    if (n <= 0) continue;
    // The first count names the unit; the rest read on from it.
    words.push(words.length === 0 ? `${count(n, 'paragraph', 'paragraphs')} ${what}` : `${n} ${what}`);
  }
  if (result.title.changed) words.push('headline changed');
  return words.length === 0 ? 'no changes' : words.join(', ');
}

// align counts a reworded paragraph that also moved under both; the line names it once, as reworded.
function movedReworded(result: Pick<AlignResult, 'paragraphs'>): number {
  return result.paragraphs.filter((c) => c.kind === 'reworded' && c.moved).length;
}

export interface SummaryInput {
  title: string;
  url: string;
  site: string;
  older: { number: number; date: string };
  newer: { number: number; date: string };
  result: AlignResult;
  notices: readonly Notice[];
  /** Words changed with no new notice. */
  silent: boolean;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Markdown that reads as plain text too. */
export function markdownSummary(input: SummaryInput): string {
  const lines = [
    `**${oneLine(input.title)}** (${input.site})`,
    `<${input.url}>`,
    '',
    `Version ${input.older.number} (${input.older.date}) → version ${input.newer.number} (${input.newer.date}): ${changeLine(input.result)}.`,
  ];
  if (input.result.title.changed) {
    lines.push(`Headline was: "${oneLine(input.result.title.old)}"`);
  }
  for (const notice of input.notices) lines.push(`Correction notice: "${oneLine(notice.text)}"`);
  if (input.silent) lines.push('Silent edit: the words changed with no correction or update notice.');
  lines.push('', 'Compared by Redline.');
  return `${lines.join('\n')}\n`;
}
