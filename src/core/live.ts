/**
 * Live pages: a live blog grows by dated entries at the top, and marking each of them New buries the few real
 * edits. When most of what changed since the reader's version is a run of new dated entries at the top (after at
 * most a pinned summary), and the version they read already had dated entries, the page is a live blog: the
 * overlay says "N new entries since you read" with a jump to the first, and marks only the other changes.
 */
import type { AlignResult } from './model';

/** A paragraph that opens with an entry's time stamp: "10:32", "3.15pm BST", "14h32", "5 min ago", "vor 5 Minuten". */
const STAMP = new RegExp(
  [
    String.raw`^(?:(?:updated|posted|published|aktualisiert|mis à jour|publié|actualizado|publicado)(?: at| um| à| a las)?:?\s+)?`,
    '(?:',
    // Optional date before the time: "12 March 2024, ", "Mar 12, ", "12.03.2024 "
    String.raw`(?:(?:\d{1,2}\.? \p{L}{3,9}\.?|\p{L}{3,9}\.? \d{1,2})(?:,? \d{4})?,? |\d{1,2}[./]\d{1,2}[./]\d{2,4},? )?`,
    String.raw`\d{1,2}(?:[:.h]\d{2})(?:\s?[ap]\.?m\.?)?(?:\s?(?:GMT|BST|UTC|CET|CEST|MEZ|MESZ|ET|EST|EDT|PT|PST|PDT|Uhr))?`,
    String.raw`|\d{1,2}\s?[ap]\.?m\.?(?:\s?(?:GMT|BST|UTC|ET|EST|EDT|PT|PST|PDT))?`,
    String.raw`|(?:\d+|an?|one) (?:mins?|minutes?|hrs?|hours?) ago`,
    String.raw`|vor \d+ (?:Min\.?|Minuten|Std\.?|Stunden)`,
    String.raw`|il y a \d+ (?:min|minutes?|h|heures?)`,
    String.raw`|hace \d+ (?:min|minutos?|h|horas?)`,
    ')',
    // The stamp ends the paragraph or is followed by a separator or a space.
    String.raw`(?=$|[\s:|\-\u2013\u2014,.])`,
  ].join(''),
  'iu',
);

/** True when the paragraph opens with an entry's time stamp. */
export function isDatedEntry(text: string): boolean {
  return STAMP.test(text.trimStart());
}

/** Fewest dated entries that make a run of new paragraphs a live blog's, in the new and in the old version. */
export const MIN_ENTRIES = 2;
/** Paragraphs a live blog may keep above its newest entry (summary, key points) that are not entries. */
export const MAX_PINNED = 3;
/** Share of all changes the new entries must make up. */
export const MIN_SHARE = 0.6;

export interface LiveUpdate {
  /** Dated entries among the new paragraphs. */
  entries: number;
  /** Index (new version) of the first new paragraph. */
  first: number;
  /** Indices (new version) of every new paragraph of the run, entries and their text alike. */
  indices: number[];
}

/** The new entries at the top of a live blog, or null when the change does not read as one. */
export function detectLive(
  result: AlignResult,
  oldParagraphs: readonly string[],
  newParagraphs: readonly string[],
): LiveUpdate | null {
  const { added, removed, reworded, moved } = result.stats;
  const changes = added + removed + reworded + moved;
  if (added < MIN_ENTRIES) return null;

  const kindAt: string[] = [];
  for (const change of result.paragraphs) kindAt[change.newIndex] = change.kind;
  let first = 0;
  while (first < newParagraphs.length && kindAt[first] !== 'added') first += 1;
  if (first >= newParagraphs.length || first > MAX_PINNED) return null;
  const indices: number[] = [];
  for (let i = first; i < newParagraphs.length && kindAt[i] === 'added'; i++) indices.push(i);

  const entries = indices.filter((i) => isDatedEntry(newParagraphs[i] ?? '')).length;
  if (entries < MIN_ENTRIES || indices.length < MIN_SHARE * changes) return null;
  // The reader's version was a live blog already: dated entries, not an article that grew a timeline.
  if (oldParagraphs.filter(isDatedEntry).length < MIN_ENTRIES) return null;
  return { entries, first, indices };
}

/** The alignment without the live blog's new entries: what the overlay still marks one by one. */
export function withoutEntries(result: AlignResult, live: LiveUpdate): AlignResult {
  const entries = new Set(live.indices);
  const paragraphs = result.paragraphs.filter((c) => !(c.kind === 'added' && entries.has(c.newIndex)));
  return {
    ...result,
    paragraphs,
    stats: { ...result.stats, added: result.stats.added - (result.paragraphs.length - paragraphs.length) },
  };
}
