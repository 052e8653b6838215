// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { WordChange } from '../../core/model';
import { DomJournal } from './journal';
import { planWordMarks } from './textMap';
import { hasDeletions, insertedRanges, placeWasLine } from './wordMarks';

const words = (...runs: [WordChange['op'], string][]): WordChange[] =>
  runs.map(([op, text]) => ({ op, text }));

const CAT = words(
  ['equal', 'The cat '],
  ['delete', 'sat'],
  ['insert', 'stood'],
  ['equal', ' on the '],
  ['delete', 'rug'],
  ['insert', 'mat.'],
);

/** The text a range covers, read through a live Range so StaticRanges can be checked too. */
function textOf(range: AbstractRange): string {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live.toString();
}

function paragraph(html: string): HTMLElement {
  document.body.innerHTML = `<p id="p">${html}</p>`;
  return document.getElementById('p')!;
}

describe('insertedRanges', () => {
  it('covers the inserted words with StaticRanges over the page text, leaving its text nodes as they were', () => {
    const p = paragraph('The cat <b>stood</b> on the mat.');
    const nodes = Array.from(p.querySelectorAll('*'), (el) => el.firstChild).concat(Array.from(p.childNodes));
    const plan = planWordMarks(p, CAT)!;
    const ranges = insertedRanges(document, plan);
    expect(ranges.every((range) => range instanceof StaticRange)).toBe(true);
    expect(ranges.map(textOf)).toEqual(['stood', 'mat.']);
    expect(p.innerHTML).toBe('The cat <b>stood</b> on the mat.');
    expect(
      Array.from(p.querySelectorAll('*'), (el) => el.firstChild).concat(Array.from(p.childNodes)),
    ).toEqual(nodes);
  });
});

describe('placeWasLine', () => {
  it('shows the old text after the paragraph with the deleted words struck (test build: light DOM)', () => {
    const p = paragraph('The cat stood on the mat.');
    const journal = new DomJournal();
    const line = placeWasLine(p, CAT, '', true, journal);
    expect(p.nextElementSibling).toBe(line);
    expect(line.getAttribute('data-redline-old')).toBe('paragraph-text');
    expect(line.textContent).toBe('The cat sat on the rug');
    expect(Array.from(line.querySelectorAll('del[data-redline-old="words"]'), (d) => d.textContent)).toEqual([
      'sat',
      'rug',
    ]);
    expect(p.textContent).toBe('The cat stood on the mat.');
    journal.undoAll();
    expect(document.body.innerHTML).toBe('<p id="p">The cat stood on the mat.</p>');
  });

  it('keeps the old words out of the page DOM in the normal build', () => {
    const p = paragraph('The cat stood on the mat.');
    const line = placeWasLine(p, CAT, '', false, new DomJournal());
    expect(line.getAttribute('data-redline-old')).toBe('paragraph-text');
    expect(line.shadowRoot).toBeNull();
    expect(line.textContent).toBe('');
    expect(document.body.innerHTML).not.toContain('sat');
    expect(document.body.innerHTML).not.toContain('rug');
  });

  it('shows the whole old text when there are no word runs', () => {
    const p = paragraph('Entirely new.');
    const line = placeWasLine(p, [], 'Quite old.', true, new DomJournal());
    expect(line.textContent).toBe('Quite old.');
  });
});

describe('hasDeletions', () => {
  it('counts deleted words, not deleted whitespace', () => {
    expect(hasDeletions(CAT)).toBe(true);
    expect(hasDeletions(words(['equal', 'a'], ['delete', ' '], ['insert', 'b']))).toBe(false);
  });
});
