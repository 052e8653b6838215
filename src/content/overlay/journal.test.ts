// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { DomJournal } from './journal';

describe('DomJournal', () => {
  it('restores attributes and removes inserted nodes, newest first', () => {
    document.body.innerHTML = '<p id="p" class="lead" data-redline="page-own">Hello world</p>';
    const p = document.getElementById('p')!;
    const before = document.body.innerHTML;
    const journal = new DomJournal();
    journal.setAttribute(p, 'data-redline', 'added');
    journal.setAttribute(p, 'data-redline-moved', '');
    const text = p.firstChild as Text;
    p.append(journal.inserted(document.createElement('span')));
    const undone: string[] = [];
    journal.onUndo(() => undone.push('custom'));
    expect(document.body.innerHTML).not.toBe(before);

    journal.undoAll();
    expect(document.body.innerHTML).toBe(before);
    expect(p.firstChild).toBe(text);
    expect(p.childNodes).toHaveLength(1);
    expect(undone).toEqual(['custom']);
    journal.undoAll();
    expect(undone).toEqual(['custom']);
  });

  it('keeps undoing when a page script already removed an inserted node', () => {
    document.body.innerHTML = '<p id="p">x</p>';
    const p = document.getElementById('p')!;
    const journal = new DomJournal();
    journal.setAttribute(p, 'title', 'marked');
    const span = journal.inserted(document.createElement('span'));
    p.append(span);
    span.remove();
    journal.onUndo(() => {
      throw new Error('page interfered');
    });
    journal.undoAll();
    expect(p.outerHTML).toBe('<p id="p">x</p>');
  });
});
