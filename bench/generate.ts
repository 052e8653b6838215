/**
 * Deterministic synthetic news articles and edited versions of them, the inputs every bench task shares.
 *
 * An article is a headline plus paragraphs of 20–80 words (a few sentences, some quotes and numbers) with an
 * occasional short subhead. An edited version applies one of two edit profiles:
 * - "5%": 5 % of the paragraphs edited the way a newsroom updates a story: a few words reworded, paragraphs
 *   inserted, deleted or moved, and exactly one paragraph rewritten and moved;
 * - "all": every paragraph reworded a little and about 1 % of them also moved: the worst case for alignment.
 */
import type { VersionText } from '../src/core/model';
import { createRandom, type Random, shuffled } from './random';
import { createWordSampler, type WordSampler } from './vocabulary';

export type EditsMode = '5%' | 'all';

export type EditKind =
  /** A few words substituted, inserted or deleted. */
  | 'reworded'
  /** Reworded a little and moved ("all" profile). */
  | 'rewordedMoved'
  /** A third of its words changed, and moved elsewhere ("5%" profile, exactly once). */
  | 'rewrittenMoved'
  | 'inserted'
  | 'deleted'
  | 'moved';

export interface AppliedEdit {
  kind: EditKind;
  /** The paragraph of the old version it touched; null for an inserted one. */
  oldIndex: number | null;
  /** Where it ended up in the new version; null for a deleted one. */
  newIndex: number | null;
}

export interface ArticlePair {
  old: VersionText;
  new: VersionText;
  edits: AppliedEdit[];
}

export const MIN_WORDS = 20;
export const MAX_WORDS = 80;
export const MAX_SUBHEAD_WORDS = 6;
const SUBHEAD_PROBABILITY = 0.07;
/** Share of paragraphs the "5%" profile edits. */
export const EDIT_SHARE = 0.05;
/** Share of paragraphs the "all" profile also moves. */
export const ALL_MOVED_SHARE = 0.01;
// The "5%" profile's mix after its one rewritten+moved paragraph: half rewordings, the rest split evenly.
const EDIT_CYCLE: readonly EditKind[] = ['reworded', 'inserted', 'reworded', 'deleted', 'reworded', 'moved'];

const QUOTE_OPEN = '\u201c';
const QUOTE_CLOSE = '\u201d';
const TRAILING_PUNCTUATION = /[,.\u201d]+$/;
const LEADING_PUNCTUATION = /^\u201c/;

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function numberWord(random: Random): string {
  const style = random.int(0, 3);
  if (style === 0) return String(random.int(1990, 2026));
  if (style === 1) return `${random.int(1, 99)}.${random.int(1, 9)}%`;
  if (style === 2) return `$${random.int(2, 900)}m`;
  return String(random.int(2, 5000));
}

function contentWord(sampler: WordSampler, random: Random): string {
  return random.chance(0.03) ? numberWord(random) : sampler.word(random);
}

/** Sentences totalling exactly `count` words, each capitalised and ending with a full stop. */
function sentences(count: number, sampler: WordSampler, random: Random): string[] {
  const words: string[] = [];
  let left = count;
  while (left > 0) {
    let length = Math.min(left, random.int(8, 24));
    // A short tail would make a stub sentence; fold it into this one.
    if (left - length < 8) length = left;
    for (let i = 0; i < length; i++) {
      let word = contentWord(sampler, random);
      if (i === 0) word = capitalise(word);
      if (i === length - 1) word += '.';
      else if (i > 1 && random.chance(0.07)) word += ',';
      words.push(word);
    }
    left -= length;
  }
  return words;
}

function bodyParagraph(sampler: WordSampler, random: Random): string {
  const count = random.int(MIN_WORDS, MAX_WORDS);
  // About a fifth of news paragraphs are a quote with an attribution.
  if (random.chance(0.2)) {
    const quoted = sentences(count - 2, sampler, random);
    const last = quoted.length - 1;
    quoted[0] = QUOTE_OPEN + quoted[0];
    quoted[last] = `${(quoted[last] as string).replace(/\.$/, ',')}${QUOTE_CLOSE}`;
    return [...quoted, random.chance(0.5) ? 'officials' : capitalise(sampler.word(random)), 'said.'].join(
      ' ',
    );
  }
  return sentences(count, sampler, random).join(' ');
}

function subhead(sampler: WordSampler, random: Random): string {
  const words: string[] = [];
  const count = random.int(2, MAX_SUBHEAD_WORDS);
  while (words.length < count) {
    // Subheads are content words ("Rescue convoy delayed"), not "And the".
    const word = sampler.word(random);
    if (word.length >= 4) words.push(word);
  }
  words[0] = capitalise(words[0] as string);
  return words.join(' ');
}

/** Generates paragraphs whose texts are all different, so a test can find each by its text. */
class ParagraphSource {
  private readonly seen = new Set<string>();
  constructor(
    private readonly sampler: WordSampler,
    private readonly random: Random,
  ) {}

  next(allowSubhead: boolean): string {
    for (;;) {
      const text =
        allowSubhead && this.random.chance(SUBHEAD_PROBABILITY)
          ? subhead(this.sampler, this.random)
          : bodyParagraph(this.sampler, this.random);
      if (this.claim(text)) return text;
    }
  }

  /** Records a text as used; false when it already was. */
  claim(text: string): boolean {
    if (this.seen.has(text)) return false;
    this.seen.add(text);
    return true;
  }
}

export function wordCount(text: string): number {
  return text.split(' ').length;
}

/** A deterministic article of `paragraphCount` paragraphs; the first is never a subhead. */
export function generateArticle(paragraphCount: number, seed: number): VersionText {
  const random = createRandom(seed);
  const sampler = createWordSampler();
  const source = new ParagraphSource(sampler, random);
  const paragraphs: string[] = [];
  for (let i = 0; i < paragraphCount; i++) paragraphs.push(source.next(i > 0));
  return {
    title: capitalise(sentences(random.int(6, 12), sampler, random).join(' ').replace(/\.$/, '')),
    paragraphs,
  };
}

/**
 * `operations` small word edits: substitute one word, insert one to three words, or delete one or two.
 * Punctuation stuck to a replaced word stays, so sentences keep their shape.
 */
function reword(text: string, operations: number, sampler: WordSampler, random: Random): string {
  for (;;) {
    const words = text.split(' ');
    for (let op = 0; op < operations; op++) {
      const at = random.int(0, words.length - 1);
      const roll = random.next();
      if (roll < 0.5 || words.length <= 4) {
        const old = words[at] as string;
        const lead = LEADING_PUNCTUATION.exec(old)?.[0] ?? '';
        const trail = TRAILING_PUNCTUATION.exec(old)?.[0] ?? '';
        let word = contentWord(sampler, random);
        if (/^[A-Z\u201c]/.test(old)) word = capitalise(word);
        words[at] = lead + word + trail;
      } else if (roll < 0.75) {
        const inserted: string[] = [];
        for (let i = random.int(1, 3); i > 0; i--) inserted.push(sampler.word(random));
        // Insert after the word so a sentence's capitalised first word stays first.
        words.splice(at + 1, 0, ...inserted);
      } else {
        // Deleting a sentence end or an opening quote would merge sentences; pick a plain word.
        const count = random.int(1, 2);
        const plain = words
          .map((_word, index) => index)
          .filter(
            (index) =>
              index > 0 &&
              index + count < words.length &&
              words.slice(index, index + count).every((w) => !/[.\u201c\u201d]/.test(w)),
          );
        if (plain.length > 0) words.splice(random.pick(plain), count);
      }
    }
    const result = words.join(' ');
    if (result !== text) return result;
  }
}

interface Item {
  text: string;
  oldIndex: number | null;
  kind: EditKind | null;
}

/** Moves one item to a random place at least two positions away, so its order relative to others changes. */
function moveItem(items: Item[], from: number, random: Random): void {
  const [item] = items.splice(from, 1);
  if (!item) throw new Error(`no item at ${from}`);
  let to = from;
  while (Math.abs(to - from) < 2) to = random.int(0, items.length);
  items.splice(to, 0, item);
}

function plan5Percent(count: number): EditKind[] {
  const kinds: EditKind[] = ['rewrittenMoved'];
  for (let i = 0; kinds.length < count; i++) kinds.push(EDIT_CYCLE[i % EDIT_CYCLE.length] as EditKind);
  return kinds;
}

/** The number of paragraphs the "5%" profile edits for an article of `paragraphCount` paragraphs. */
export function editCountFor5Percent(paragraphCount: number): number {
  return Math.max(1, Math.round(paragraphCount * EDIT_SHARE));
}

/** A deterministic edited version of `article`, with the list of what was done. */
export function editArticle(article: VersionText, mode: EditsMode, seed: number): ArticlePair {
  const random = createRandom(seed);
  const sampler = createWordSampler();
  const source = new ParagraphSource(sampler, random);
  for (const text of article.paragraphs) source.claim(text);
  const items: Item[] = article.paragraphs.map((text, oldIndex) => ({ text, oldIndex, kind: null }));
  const rewordInPlace = (item: Item, operations: number, kind: EditKind): void => {
    do item.text = reword(item.text, operations, sampler, random);
    while (!source.claim(item.text));
    item.kind = kind;
  };
  const deleted: AppliedEdit[] = [];

  if (mode === 'all') {
    for (const item of items) {
      // Two edits to a two-word subhead would replace it, not reword it.
      const operations = wordCount(item.text) <= MAX_SUBHEAD_WORDS ? 1 : random.int(1, 2);
      rewordInPlace(item, operations, 'reworded');
    }
    const moves = Math.max(1, Math.round(items.length * ALL_MOVED_SHARE));
    for (const item of shuffled(items, random).slice(0, moves)) {
      item.kind = 'rewordedMoved';
      moveItem(items, items.indexOf(item), random);
    }
  } else {
    const kinds = plan5Percent(editCountFor5Percent(items.length));
    // Edits that change a paragraph's words target body paragraphs: rewording a two-word subhead is a rewrite.
    const targets = shuffled(
      items.filter((item) => wordCount(item.text) >= MIN_WORDS),
      random,
    );
    const toDelete: Item[] = [];
    const toMove: Item[] = [];
    let inserts = 0;
    for (const kind of kinds) {
      if (kind === 'inserted') {
        inserts++;
        continue;
      }
      const target = targets.pop();
      if (!target) throw new Error(`article of ${items.length} paragraphs is too short for the 5% profile`);
      if (kind === 'reworded') rewordInPlace(target, random.int(1, 3), kind);
      else if (kind === 'rewrittenMoved') {
        rewordInPlace(target, Math.max(3, Math.round(wordCount(target.text) / 3)), kind);
        toMove.push(target);
      } else if (kind === 'moved') {
        target.kind = kind;
        toMove.push(target);
      } else toDelete.push(target);
    }
    for (const item of toDelete) {
      items.splice(items.indexOf(item), 1);
      deleted.push({ kind: 'deleted', oldIndex: item.oldIndex, newIndex: null });
    }
    for (const item of toMove) moveItem(items, items.indexOf(item), random);
    for (let i = 0; i < inserts; i++) {
      items.splice(random.int(0, items.length), 0, {
        text: source.next(false),
        oldIndex: null,
        kind: 'inserted',
      });
    }
  }

  const edits: AppliedEdit[] = [...deleted];
  items.forEach((item, newIndex) => {
    if (item.kind) edits.push({ kind: item.kind, oldIndex: item.oldIndex, newIndex });
  });
  return {
    old: article,
    new: {
      // Newsrooms rework headlines along with the text; the title is not counted among the paragraph edits.
      title: reword(article.title, 1, sampler, random),
      paragraphs: items.map((item) => item.text),
    },
    edits,
  };
}

/** The old article of `paragraphCount` paragraphs for `seed`, and its edited version under `mode`. */
export function generatePair(paragraphCount: number, mode: EditsMode, seed: number): ArticlePair {
  // A distinct stream for the edits, so the "5%" and "all" pairs share the very same old article.
  return editArticle(generateArticle(paragraphCount, seed), mode, seed ^ 0x9e3779b9);
}
