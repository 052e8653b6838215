// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { WordChange } from '../../core/model';
import {
  fold,
  HIDDEN,
  isInvisibleCode,
  isSpaceCode,
  pageTextNodes,
  planWordMarks,
  type TextPoint,
} from './textMap';

function element(html: string): HTMLElement {
  document.body.innerHTML = `<p id="p">${html}</p>`;
  return document.getElementById('p')!;
}

/** The page text between two points, read straight from the text nodes. */
function textBetween(start: TextPoint, end: TextPoint): string {
  const range = document.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  return range.toString();
}

const words = (...runs: [WordChange['op'], string][]): WordChange[] =>
  runs.map(([op, text]) => ({ op, text }));

describe('planWordMarks', () => {
  it('finds inserted words and puts deleted words in the whitespace before the next word', () => {
    const p = element('The cat stood on the mat.');
    const plan = planWordMarks(
      p,
      words(['equal', 'The cat '], ['delete', 'sat'], ['insert', 'stood'], ['equal', ' on the mat.']),
    );
    expect(plan).not.toBeNull();
    expect(plan!.inserted.map((s) => textBetween(s.start, s.end))).toEqual(['stood']);
    expect(plan!.deleted).toHaveLength(1);
    const deletion = plan!.deleted[0]!;
    expect(deletion.text).toBe(' sat');
    // The point is the space between "cat" and "stood".
    expect(deletion.at.node.data.charAt(deletion.at.offset)).toBe(' ');
    expect(deletion.at.offset).toBe(7);
  });

  it('maps across inline elements, runs of whitespace, nbsp and soft hyphens', () => {
    const p = element('Officials\u00a0 said <b>the  ac\u00adcord</b>\n  was <a href="#">signed</a> today.');
    const plan = planWordMarks(
      p,
      words(
        ['equal', 'Officials said the '],
        ['insert', 'accord was signed'],
        ['delete', 'deal'],
        ['equal', ' today.'],
      ),
    );
    expect(plan).not.toBeNull();
    const [span] = plan!.inserted;
    expect(textBetween(span!.start, span!.end)).toBe('ac\u00adcord\n  was signed');
    expect(plan!.deleted[0]!.text).toBe(' deal');
    expect(plan!.deleted[0]!.at.offset).toBe(0);
    expect(plan!.deleted[0]!.at.node.data).toBe(' today.');
  });

  it('glues a deletion inside a word to the character before it', () => {
    const p = element('He said so, Russia said.');
    const plan = planWordMarks(
      p,
      words(['equal', 'He said so'], ['delete', '.'], ['insert', ','], ['equal', ' Russia said.']),
    );
    expect(plan!.deleted).toEqual([{ at: { node: p.firstChild, offset: 10 }, text: '.' }]);
    expect(textBetween(plan!.inserted[0]!.start, plan!.inserted[0]!.end)).toBe(',');
  });

  it('keeps the deleted run’s own edge spaces when glued inside a word', () => {
    const p = element("Aleppo's fall");
    const plan = planWordMarks(
      p,
      words(['equal', 'Aleppo'], ['delete', ' exodus growing'], ['insert', "'s fall"]),
    );
    expect(plan!.deleted).toEqual([{ at: { node: p.firstChild, offset: 6 }, text: ' exodus growing' }]);
  });

  it('places deletions at the very start and end of the paragraph', () => {
    const p = element('middle words ');
    const plan = planWordMarks(
      p,
      words(['delete', 'Old start'], ['equal', 'middle words'], ['delete', 'old end']),
    );
    expect(plan!.deleted.map((d) => d.text)).toEqual(['Old start ', ' old end']);
    expect(plan!.deleted[0]!.at.offset).toBe(0);
    // The trailing space of the page's text is where the end deletion goes.
    expect(plan!.deleted[1]!.at.offset).toBe(12);
  });

  it('folds case, for extractors that read innerText under text-transform: uppercase', () => {
    const p = element('<span style="text-transform: uppercase">breaking</span> news now');
    const plan = planWordMarks(p, words(['equal', 'BREAKING '], ['insert', 'news'], ['equal', ' now']));
    expect(textBetween(plan!.inserted[0]!.start, plan!.inserted[0]!.end)).toBe('news');
  });

  it('folds non-ASCII case too', () => {
    const p = element('<span style="text-transform: uppercase">été</span> à Zürich');
    const plan = planWordMarks(p, words(['equal', 'ÉTÉ à '], ['insert', 'ZÜRICH']));
    expect(textBetween(plan!.inserted[0]!.start, plan!.inserted[0]!.end)).toBe('Zürich');
  });

  it('matches a dotted capital I only with itself, as comparing its two-unit lower case did', () => {
    // "İ".toLowerCase() is "i" + U+0307: one unit in the page, two in a text that spells it that way.
    const p = element('İstanbul büyük');
    expect(planWordMarks(p, words(['equal', 'İstanbul '], ['insert', 'büyük']))).not.toBeNull();
    expect(planWordMarks(p, words(['equal', 'i\u0307stanbul '], ['insert', 'büyük']))).toBeNull();
    expect(planWordMarks(p, words(['equal', 'istanbul '], ['insert', 'büyük']))).toBeNull();
  });

  it('finds a long paragraph in a larger element once, and not when it occurs twice', () => {
    const body = `${'ab '.repeat(3000)}abc`;
    const p = element(`<span>${body}</span> ${body}`);
    expect(planWordMarks(p, words(['equal', body]))).toBeNull();
    const q = element(`<span>lead</span> ${body}`);
    const plan = planWordMarks(q, words(['equal', body.slice(0, -3)], ['insert', 'abc']));
    expect(textBetween(plan!.inserted[0]!.start, plan!.inserted[0]!.end)).toBe('abc');
  });

  it('returns null when the element does not hold the new text', () => {
    const p = element('The cat sat. <span>Image caption</span>');
    expect(planWordMarks(p, words(['equal', 'The dog sat. Image caption']))).toBeNull();
    expect(
      planWordMarks(p, words(['equal', 'The cat '], ['insert', 'sat. Image caption and more'])),
    ).toBeNull();
    expect(planWordMarks(element(''), words(['insert', 'x']))).toBeNull();
  });

  it('finds the paragraph inside an element that holds more text, if it occurs there once', () => {
    const p = element('<span>By Sarah Archer</span> The cat sat. <span>Image caption</span>');
    const plan = planWordMarks(
      p,
      words(['delete', 'Old'], ['equal', 'The cat '], ['insert', 'sat.'], ['delete', 'gone']),
    );
    expect(plan).not.toBeNull();
    expect(textBetween(plan!.inserted[0]!.start, plan!.inserted[0]!.end)).toBe('sat.');
    // Both deletions sit at the paragraph's edges, not at the element's.
    expect(plan!.deleted.map((d) => [d.text, d.at.node.data, d.at.offset])).toEqual([
      ['Old ', ' The cat sat. ', 1],
      [' gone', ' The cat sat. ', 13],
    ]);
    expect(planWordMarks(element('Photo. Photo.'), words(['equal', 'Photo.']))).toBeNull();
  });

  it('finds the paragraph in a larger element after a character that folds to two units', () => {
    // "İ" folds to "i" + U+0307: in the joined folded text every later character sits one unit further on.
    const p = element('<span>İzmir İlçesi</span> The cat sat.');
    const plan = planWordMarks(p, words(['equal', 'The cat '], ['insert', 'sat.']));
    expect(textBetween(plan!.inserted[0]!.start, plan!.inserted[0]!.end)).toBe('sat.');
    const q = element('<span>Izmir</span> The cat sat.');
    const plain = planWordMarks(q, words(['equal', 'The cat '], ['insert', 'sat.']));
    expect(textBetween(plain!.inserted[0]!.start, plain!.inserted[0]!.end)).toBe('sat.');
  });

  it('skips what the overlay inserted and scripts when reading the element', () => {
    const p = element(
      '<span data-redline-ui="label">New</span>Kept <del data-redline-old="words">gone</del>text<script>var x</script>',
    );
    expect(pageTextNodes(p).map((t) => t.data)).toEqual(['Kept ', 'text']);
    expect(planWordMarks(p, words(['equal', 'Kept text']))).toEqual({ inserted: [], deleted: [] });
  });

  it('reads nested text in document order, and stops at the end of the element', () => {
    const p = element('<b>a<i>b<u>c</u></i>d</b><!-- note -->e<span></span><em>f</em>');
    const after = p.ownerDocument.createTextNode('outside');
    p.after(after);
    expect(pageTextNodes(p).map((t) => t.data)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('reads a final sigma as the capital it lowers from, wherever whitespace was', () => {
    // "ΟΔΟΣ" lowers to "οδος" at a word's end; with spaces left out it is no longer at one on the page's side.
    const p = element('<span style="text-transform: uppercase">η οδος</span> ανοιξε');
    const plan = planWordMarks(p, words(['equal', 'Η ΟΔΟΣ '], ['insert', 'ΑΝΟΙΞΕ']));
    expect(textBetween(plan!.inserted[0]!.start, plan!.inserted[0]!.end)).toBe('ανοιξε');
  });

  it('places marks in the right text node when many nodes and hidden runs come before them', () => {
    // Word by word in nodes of their own, with runs of mixed whitespace and invisibles, and empty nodes.
    const parts = Array.from({ length: 40 }, (_, i) => `<b>w${i}</b>\u00a0 \u00ad<i></i>\u200b `);
    const p = element(parts.join(''));
    const runs = Array.from({ length: 40 }, (_, i): [WordChange['op'], string] => [
      i % 7 === 3 ? 'insert' : 'equal',
      `w${i} `,
    ]);
    const plan = planWordMarks(p, words(...runs, ['delete', 'gone']));
    expect(plan!.inserted.map((s) => textBetween(s.start, s.end))).toEqual([
      'w3',
      'w10',
      'w17',
      'w24',
      'w31',
      'w38',
    ]);
    // The end deletion goes where the whitespace after the last word starts: the nbsp after its <b>.
    const afterLast = p.querySelectorAll('b')[39]!.nextSibling;
    expect(plan!.deleted).toEqual([{ at: { node: afterLast, offset: 0 }, text: ' gone' }]);
  });

  it('handles characters outside the BMP', () => {
    const p = element('Fire 🔥 spreads fast');
    const plan = planWordMarks(p, words(['equal', 'Fire 🔥 '], ['insert', 'spreads'], ['equal', ' fast']));
    expect(textBetween(plan!.inserted[0]!.start, plan!.inserted[0]!.end)).toBe('spreads');
  });
});

describe('isSpaceCode and isInvisibleCode', () => {
  it('agree with the character classes they stand for, on every UTF-16 unit', () => {
    const space = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
    const invisible = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
    const wrong: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const unit = String.fromCharCode(code);
      if (isSpaceCode(code) !== space.test(unit) || isInvisibleCode(code) !== invisible.test(unit))
        wrong.push(code);
    }
    expect(wrong).toEqual([]);
  });

  it('are together the class HIDDEN stands for', () => {
    const wrong: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const unit = String.fromCharCode(code);
      if ((isSpaceCode(code) || isInvisibleCode(code)) !== (unit.replace(HIDDEN, '') === ''))
        wrong.push(code);
    }
    expect(wrong).toEqual([]);
  });
});

describe('fold', () => {
  it('keeps one unit per unit, so an index into the folded text is an index into the visible text', () => {
    const changed: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (fold(String.fromCharCode(code))?.length !== 1) changed.push(code);
    }
    expect(changed).toEqual([]);
    expect(fold('ΑΘΗΝΑΣ İstanbul 𐐀')).toBe('αθηνασ İstanbul 𐐨');
  });
});
