// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { DomJournal } from './journal';
import { pageOwnText } from './testDom';
import { markTitle } from './titleMark';

describe('markTitle', () => {
  it('marks the headline, strikes deleted words in place and shows the old headline after it', () => {
    document.body.innerHTML = '<header><h1 id="t">Aleppo <span>fall</span> nears</h1><p>byline</p></header>';
    const title = document.getElementById('t')!;
    const before = document.body.innerHTML;
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
    expect(Array.from(title.querySelectorAll('del[data-redline-old]'), (d) => d.textContent)).toEqual([
      ' exodus growing',
    ]);
    expect(ranges.map((r) => r.toString())).toEqual(['fall nears']);
    const old = title.nextElementSibling!;
    expect(old.getAttribute('data-redline-old')).toBe('title');
    expect(old.textContent).toBe('Aleppo exodus growing');
    expect(pageOwnText(title)).toBe('Aleppo fall nears');
    journal.undoAll();
    expect(document.body.innerHTML).toBe(before);
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
