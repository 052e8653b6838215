/**
 * Editor's notes in a version ("Correction: …", "An earlier version of this article …"), and what an edit was:
 * one that came with a new notice (`corrected`) or one that changed the words without any (`silent`).
 */

import { comparisonForm } from '../align/comparisonForm';
import type { VersionText } from '../model';
import { compareText } from '../text';
import { NOTICE_PATTERNS, type NoticeKind } from './patterns';

export type { NoticeKind } from './patterns';

export interface Notice {
  /** Index of the paragraph in the version. */
  index: number;
  kind: NoticeKind;
  text: string;
}

/**
 * Longer than any editor's note seen in the wild (a correction of several sentences is under 1,000 characters);
 * a paragraph past it is article prose that happens to quote such a phrase, and the patterns are not run on
 * megabyte paragraphs.
 */
export const MAX_NOTICE_CHARS = 1500;

const MONTHS =
  'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre';
const DAYS =
  'mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo';
const TIME_WORDS = `${MONTHS}|${DAYS}|am|pm|gmt|utc|bst|cet|cest|est|edt|et|pt|pdt|ago|minutes?|hours?|days?|uhr|vor|um|le|à|a|las|de|del|on|at|the|of|and|um|h|min`;
const DATE_WORD = new RegExp(`^(?:${TIME_WORDS})\\.?$`, 'iu');
/** A label must be followed by a sentence: at least this many words that are not part of a date or time. */
const MIN_SENTENCE_WORDS = 4;

function readsAsSentence(rest: string): boolean {
  let words = 0;
  for (const token of rest.split(/[\s,;]+/u)) {
    if (!/\p{L}{2,}/u.test(token) || DATE_WORD.test(token)) continue;
    words += 1;
    if (words >= MIN_SENTENCE_WORDS) return true;
  }
  return false;
}

/** The notice a paragraph is, or null. */
export function noticeKind(text: string): NoticeKind | null {
  if (text.length > MAX_NOTICE_CHARS) return null;
  // The fast path matters: the overlay asks this of every paragraph of both versions before the first mark
  // (compareText's eight passes over 38,000 paragraphs were most of a 300 ms task, issue 8).
  const form = comparisonForm(text);
  for (const { shape, pattern, kind } of NOTICE_PATTERNS) {
    const match = pattern.exec(form);
    if (!match) continue;
    if (shape === 'phrase' || readsAsSentence(form.slice(match[0].length))) return kind;
  }
  return null;
}

/** Every editor's note among the paragraphs, in order. */
export function findNotices(paragraphs: readonly string[]): Notice[] {
  const notices: Notice[] = [];
  paragraphs.forEach((text, index) => {
    const kind = noticeKind(text);
    if (kind) notices.push({ index, kind, text });
  });
  return notices;
}

/** Notices of `newer` that `older` did not carry word for word (a note extended with a second correction counts). */
export function newNotices(older: readonly string[], newer: readonly string[]): Notice[] {
  const found = findNotices(newer);
  if (found.length === 0) return [];
  // Only old paragraphs worded like one of the new notices can have carried it: the patterns run on those alone,
  // not on every old paragraph (half of a 300 ms task on a 20,000-paragraph page, issue 8).
  const forms = new Set(found.map((notice) => comparisonForm(notice.text)));
  const before = new Set<string>();
  for (const text of older) {
    const form = comparisonForm(text);
    if (forms.has(form) && noticeKind(text) !== null) before.add(form);
  }
  return found.filter((notice) => !before.has(comparisonForm(notice.text)));
}

/**
 * What an edit between two versions was: `corrected` when it brought a new notice, `silent` when the words
 * changed without one, null when the words are the same.
 */
export type EditKind = 'corrected' | 'silent';

export function editKind(older: VersionText, newer: VersionText): EditKind | null {
  const same =
    compareText(older.title) === compareText(newer.title) &&
    older.paragraphs.length === newer.paragraphs.length &&
    older.paragraphs.every((text, i) => compareText(text) === compareText(newer.paragraphs[i] ?? ''));
  if (same) return null;
  return newNotices(older.paragraphs, newer.paragraphs).length > 0 ? 'corrected' : 'silent';
}
