/**
 * The shapes every part of Redline agrees on. Pure data: no DOM, no extension API.
 */

/** What a paragraph is on the page; the overlay and history page style by it. */
export const BLOCK_KINDS = ['p', 'heading', 'li', 'quote', 'pre', 'other'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/** Run-time check for data from outside (a content script's message, an imported file). */
export function isBlockKind(value: unknown): value is BlockKind {
  return typeof value === 'string' && (BLOCK_KINDS as readonly string[]).includes(value);
}

export interface Paragraph {
  /** As shown on the page, whitespace collapsed (see `displayText`). */
  text: string;
  kind: BlockKind;
}

/** An article as extracted from a page. */
export interface Article {
  /** Canonical URL: link[rel=canonical], og:url, else the location without fragment and tracking parameters. */
  url: string;
  /** The headline, not the <title> with its site suffix. */
  title: string;
  /** BCP 47 language tag when the page declares one. */
  lang: string | null;
  byline: string | null;
  siteName: string | null;
  /** ISO date the page says it was published, when it says. */
  publishedTime: string | null;
  paragraphs: Paragraph[];
}

export type ExtractFailure = 'not-html' | 'not-readerable' | 'no-content' | 'too-large' | 'error';

export type ExtractResult =
  | {
      ok: true;
      article: Article;
      /** elements[i] is the live element that shows article.paragraphs[i]; null when none could be found. */
      elements: (Element | null)[];
      /** The live element that shows the headline, when found. */
      titleElement: Element | null;
    }
  | { ok: false; reason: ExtractFailure; detail: string };

/** The minimum alignment needs of a version: a headline and paragraph texts in display form. */
export interface VersionText {
  title: string;
  paragraphs: readonly string[];
}

/** One token run of a word-level diff; text is in display form. */
export interface WordChange {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/**
 * How a paragraph was split or merged: a split is one old paragraph whose text now sits in several new ones,
 * a merge is several old paragraphs whose text now sits in one.
 */
export interface SplitMerge {
  type: 'split' | 'merge';
  oldIndices: number[];
  newIndices: number[];
}

/** What happened to one paragraph of the new version, in the new order. */
export type ParagraphChange =
  | { kind: 'unchanged'; newIndex: number; oldIndex: number }
  /** Same words, but its place relative to the other kept paragraphs changed. */
  | { kind: 'moved'; newIndex: number; oldIndex: number }
  | {
      kind: 'reworded';
      newIndex: number;
      oldIndex: number;
      /** Also moved relative to the other kept paragraphs. */
      moved: boolean;
      /** Similarity score in [0, 1] that paired the two (see align's documented threshold). */
      similarity: number;
      words: WordChange[];
      group?: SplitMerge;
    }
  | { kind: 'added'; newIndex: number };

/** A paragraph of the old version that has no counterpart in the new one. */
export interface RemovedParagraph {
  oldIndex: number;
  text: string;
  /** Where it stood in the new order: show it just before new paragraph `before` (== new length: at the end). */
  before: number;
}

export interface TitleChange {
  changed: boolean;
  old: string;
  new: string;
  words: WordChange[];
}

export interface AlignStats {
  unchanged: number;
  added: number;
  removed: number;
  reworded: number;
  moved: number;
}

export interface AlignResult {
  title: TitleChange;
  paragraphs: ParagraphChange[];
  removed: RemovedParagraph[];
  stats: AlignStats;
  /** True when a cost cap stopped a diff and a coarser fallback was used. */
  capped: boolean;
}
