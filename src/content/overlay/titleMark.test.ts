// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { pageOwnText } from '../../../test/helpers/dom';
import { DomJournal } from './journal';
import { markTitle } from './titleMark';

describe('markTitle', () => {
  it('marks the headline, highlights inserted words and shows the old headline after it, text nodes untouched', () => {
    document.body.innerHTML = '<header><h1 id="t">Aleppo <span>fall</span> nears</h1><p>byline</p></header>';
    const title = document.getElementById('t')!;
    const before = document.body.innerHTML;
    const textNodes = [title.firstChild, title.querySelector('span')!.firstChild, title.lastChild];
    const journal = new DomJournal();
    const ranges = markTitle(
      title,
      {
        changed: true,
        old: 'Aleppo exodus growing',
        new: 'Aleppo fall nears',
        words: [
          { op: 'equal', text: 'Aleppo ' },
          { op: 'delete', text: 'exodus growing' },
          { op: 'insert', text: 'fall nears' },
        ],
      },
      journal,
    );
    expect(title.getAttribute('data-redline')).toBe('reworded');
    expect(title.querySelector('[data-redline-label]')?.textContent).toBe('Headline changed');
    expect(title.querySelector('del')).toBeNull();
    expect(ranges).toHaveLength(1);
    const range = document.createRange();
    range.setStart(ranges[0]!.startContainer, ranges[0]!.startOffset);
    range.setEnd(ranges[0]!.endContainer, ranges[0]!.endOffset);
    expect(range.toString()).toBe('fall nears');
    const old = title.nextElementSibling!;
    expect(old.getAttribute('data-redline-old')).toBe('title');
    expect(old.textContent).toBe('Aleppo exodus growing');
    expect(pageOwnText(title)).toBe('Aleppo fall nears');
    journal.undoAll();
    expect(document.body.innerHTML).toBe(before);
    expect([title.firstChild, title.querySelector('span')!.firstChild, title.lastChild]).toEqual(textNodes);
  });

  it('keeps the old headline in a closed shadow root in the normal build', () => {
    document.body.innerHTML = '<h1 id="t">New words</h1>';
    const title = document.getElementById('t')!;
    markTitle(
      title,
      { changed: true, old: 'Old words', new: 'New words', words: [{ op: 'insert', text: 'New words' }] },
      new DomJournal(),
      false,
    );
    const old = title.nextElementSibling as HTMLElement;
    expect(old.getAttribute('data-redline-old')).toBe('title');
    expect(old.shadowRoot).toBeNull();
    expect(document.documentElement.outerHTML).not.toContain('Old words');
  });

  it('still shows the old headline when the words cannot be placed', () => {
    document.body.innerHTML = '<h1 id="t">Something else entirely</h1>';
    const title = document.getElementById('t')!;
    const ranges = markTitle(
      title,
      { changed: true, old: 'Old words', new: 'New words', words: [{ op: 'insert', text: 'New words' }] },
      new DomJournal(),
    );
    expect(ranges).toEqual([]);
    expect(title.querySelector('del')).toBeNull();
    expect(title.nextElementSibling?.textContent).toBe('Old words');
  });
});
