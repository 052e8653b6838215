// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { WordChange } from '../../core/model';
import { DomJournal } from './journal';
import { pageOwnText } from './testDom';
import { planWordMarks } from './textMap';
import { placeWordMarks } from './wordMarks';

const words = (...runs: [WordChange['op'], string][]): WordChange[] =>
  runs.map(([op, text]) => ({ op, text }));

function setup(html: string, runs: WordChange[]) {
  document.body.innerHTML = `<p id="p">${html}</p>`;
  const p = document.getElementById('p')!;
  const before = p.innerHTML;
  const originalText = p.textContent;
  const journal = new DomJournal();
  const plan = planWordMarks(p, runs);
  if (!plan) throw new Error('plan expected');
  const placed = placeWordMarks(document, plan, journal);
  return { p, before, originalText, journal, placed };
}

describe('placeWordMarks', () => {
  it('inserts deleted words as <del data-redline-old> where they were, without altering the page text', () => {
    const { p, originalText, placed } = setup(
      'The cat stood on the mat.',
      words(
        ['equal', 'The cat '],
        ['delete', 'sat'],
        ['insert', 'stood'],
        ['equal', ' on the '],
        ['delete', 'rug'],
        ['insert', 'mat.'],
      ),
    );
    expect(placed.deleted.map((d) => d.outerHTML)).toEqual([
      '<del data-redline-old="words"> sat</del>',
      '<del data-redline-old="words"> rug</del>',
    ]);
    expect(p.textContent).toBe('The cat sat stood on the rug mat.');
    expect(pageOwnText(p)).toBe(originalText);
    expect(placed.inserted.map((r) => r.toString())).toEqual(['stood', 'mat.']);
  });

  it('keeps ranges off a <del> placed right at their edge', () => {
    const { placed } = setup(
      'alpha beta gamma',
      words(
        ['equal', 'alpha'],
        ['delete', ' old'],
        ['insert', ' beta'],
        ['delete', ' older'],
        ['equal', ' gamma'],
      ),
    );
    expect(placed.inserted).toHaveLength(1);
    const range = placed.inserted[0]!;
    expect(range.toString()).toBe('beta');
    const fragment = range.cloneContents();
    expect(fragment.querySelector('del')).toBeNull();
  });

  it('puts two deletions at one point in their order', () => {
    const { p } = setup(
      'one two',
      words(['equal', 'one'], ['delete', ' first'], ['delete', ' second'], ['equal', ' two']),
    );
    expect(Array.from(p.querySelectorAll('del'), (d) => d.textContent)).toEqual([' first', ' second']);
    expect(p.textContent).toBe('one first second two');
  });

  it('undo re-joins the split text nodes and restores the markup exactly', () => {
    const { p, before, journal } = setup(
      'a b <i>c d e</i> f',
      words(
        ['equal', 'a '],
        ['delete', 'x'],
        ['equal', 'b c '],
        ['delete', 'y'],
        ['equal', 'd '],
        ['delete', 'z'],
        ['equal', 'e f'],
      ),
    );
    expect(p.querySelectorAll('del')).toHaveLength(3);
    expect(p.childNodes.length).toBeGreaterThan(3);
    journal.undoAll();
    expect(p.innerHTML).toBe(before);
    // Exactly the original nodes: the page's own text nodes were re-joined, not recreated.
    expect(Array.from(p.childNodes, (n) => n.nodeName)).toEqual(['#text', 'I', '#text']);
    expect(p.querySelector('i')!.childNodes).toHaveLength(1);
  });
});
