// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { pageOwnText } from '../../../test/helpers/dom';
import { markBlock } from './blockMarks';
import { DomJournal } from './journal';

describe('markBlock', () => {
  it('sets data-redline and puts a text label first', () => {
    document.body.innerHTML = '<p id="p">Text <b>here</b></p>';
    const p = document.getElementById('p')!;
    markBlock(p, 'added', false, new DomJournal());
    expect(p.getAttribute('data-redline')).toBe('added');
    expect(p.hasAttribute('data-redline-moved')).toBe(false);
    const label = p.firstElementChild!;
    expect(label.getAttribute('data-redline-ui')).toBe('label');
    expect(label.textContent).toBe('New');
    expect(pageOwnText(p)).toBe('Text here');
  });

  it('marks a reworded paragraph that also moved with data-redline-moved and both labels', () => {
    document.body.innerHTML = '<p id="p">Text</p>';
    const p = document.getElementById('p')!;
    const journal = new DomJournal();
    markBlock(p, 'reworded', true, journal);
    expect(p.getAttribute('data-redline')).toBe('reworded');
    expect(p.getAttribute('data-redline-moved')).toBe('');
    expect(Array.from(p.querySelectorAll('[data-redline-label]'), (l) => l.textContent)).toEqual([
      'Reworded',
      'Moved',
    ]);
    journal.undoAll();
    expect(p.outerHTML).toBe('<p id="p">Text</p>');
  });

  it('labels a moved paragraph "Moved"', () => {
    document.body.innerHTML = '<p id="p">Text</p>';
    const p = document.getElementById('p')!;
    markBlock(p, 'moved', false, new DomJournal());
    expect(p.getAttribute('data-redline')).toBe('moved');
    expect(p.querySelector('[data-redline-label="moved"]')?.textContent).toBe('Moved');
  });
});
