// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { RemovedParagraph } from '../../core/model';
import { DomJournal } from './journal';
import { ghostAnchor, placeRemovedGhosts } from './removedGhosts';

function page(html: string) {
  document.body.innerHTML = html;
  return Array.from(document.querySelectorAll('[data-i]'));
}

const removed = (before: number, text: string, oldIndex = 0): RemovedParagraph => ({
  before,
  text,
  oldIndex,
});

/** The body's blocks as "p0" for page paragraphs and "R:text" for ghosts, in order. */
function layout(): string[] {
  return Array.from(document.querySelectorAll('[data-i], [data-redline="removed"]'), (el) =>
    el.hasAttribute('data-i') ? `p${el.getAttribute('data-i')}` : `R:${el.textContent}`,
  );
}

describe('ghostAnchor', () => {
  it('prefers the element of `before`, then the previous mapped one, then the next, then the headline', () => {
    const [a, b, c] = page('<h1 id="t">T</h1><p data-i="0">a</p><p data-i="1">b</p><p data-i="2">c</p>');
    const title = document.getElementById('t');
    expect(ghostAnchor(1, [a!, b!, c!], title)).toEqual({ element: b, where: 'before', at: 1 });
    expect(ghostAnchor(3, [a!, b!, c!], title)).toEqual({ element: c, where: 'after', at: 2 });
    expect(ghostAnchor(1, [a!, null, c!], title)).toEqual({ element: a, where: 'after', at: 0 });
    expect(ghostAnchor(0, [null, null, c!], title)).toEqual({ element: c, where: 'before', at: 2 });
    expect(ghostAnchor(1, [null, null, null], title)).toEqual({ element: title, where: 'after', at: -1 });
    expect(ghostAnchor(1, [null, null], null)).toBeNull();
  });
});

describe('placeRemovedGhosts', () => {
  it('puts each removed paragraph at its old place, several at one place in their old order', () => {
    const els = page('<p data-i="0">a</p><p data-i="1">b</p><p data-i="2">c</p>');
    const journal = new DomJournal();
    const ghosts = placeRemovedGhosts(
      document,
      [removed(1, 'x', 1), removed(3, 'z2', 6), removed(0, 'w', 0), removed(3, 'z1', 5), removed(1, 'y', 2)],
      els,
      null,
      journal,
    );
    expect(layout()).toEqual(['R:w', 'p0', 'R:x', 'R:y', 'p1', 'p2', 'R:z1', 'R:z2']);
    expect(ghosts).toHaveLength(5);
    for (const ghost of ghosts) {
      expect(ghost.getAttribute('data-redline')).toBe('removed');
      expect(ghost.hasAttribute('data-redline-old')).toBe(true);
    }
  });

  it('uses the nearest mapped neighbour when the element is missing', () => {
    const els = page('<p data-i="0">a</p><p data-i="2">c</p>');
    placeRemovedGhosts(
      document,
      [removed(1, 'x'), removed(2, 'y')],
      [els[0]!, null, els[1]!],
      null,
      new DomJournal(),
    );
    // "x" was before paragraph 1 (not found): after paragraph 0. "y" was before paragraph 2.
    expect(layout()).toEqual(['p0', 'R:x', 'R:y', 'p2']);
  });

  it('makes list items inside lists, and removes everything on undo', () => {
    const els = page('<ul><li data-i="0">a</li><li data-i="1">b</li></ul>');
    const before = document.body.innerHTML;
    const journal = new DomJournal();
    const [ghost] = placeRemovedGhosts(document, [removed(1, 'old item')], els, null, journal);
    expect(ghost?.tagName).toBe('LI');
    expect(ghost?.parentElement?.tagName).toBe('UL');
    journal.undoAll();
    expect(document.body.innerHTML).toBe(before);
  });

  it('places nothing when nothing on the page is mapped', () => {
    page('<p>a</p>');
    expect(placeRemovedGhosts(document, [removed(0, 'x')], [null], null, new DomJournal())).toEqual([]);
    expect(document.querySelector('[data-redline]')).toBeNull();
  });
});
