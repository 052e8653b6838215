// @vitest-environment jsdom
/**
 * A page can dispatch synthetic events at anything it reaches; they arrive with `isTrusted === false`, as every
 * event made by script does in jsdom. None of them may drive the overlay (issue 9, item 3).
 */
import { describe, expect, it, vi } from 'vitest';
import { createControlBar } from './controlBar';
import { mountOverlay } from './index';
import { DomJournal } from './journal';

describe('untrusted events', () => {
  it('leave every control bar button without effect', () => {
    const handlers = { onPrevious: vi.fn(), onNext: vi.fn(), onToggleMarks: vi.fn(), onDismiss: vi.fn() };
    const bar = createControlBar(
      document,
      'light',
      '2 changes',
      handlers,
      new AbortController().signal,
      new DomJournal(),
      true,
    );
    const buttons = Array.from(bar.root.querySelectorAll('button'));
    expect(buttons).toHaveLength(4);
    for (const button of buttons) {
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    }
    expect(handlers.onPrevious).not.toHaveBeenCalled();
    expect(handlers.onNext).not.toHaveBeenCalled();
    expect(handlers.onToggleMarks).not.toHaveBeenCalled();
    expect(handlers.onDismiss).not.toHaveBeenCalled();
    bar.host.remove();
  });

  it('do not move through the changes with a fake Alt+Shift+ArrowDown, nor dismiss the marks', () => {
    document.body.innerHTML = '<article><h1 id="t">Title</h1><p id="a">A new paragraph.</p></article>';
    const onDismiss = vi.fn();
    const controller = new AbortController();
    mountOverlay(
      {
        doc: document,
        result: {
          title: { changed: false, old: 'Title', new: 'Title', words: [] },
          paragraphs: [{ kind: 'added', newIndex: 0 }],
          removed: [],
          stats: { unchanged: 0, added: 1, removed: 0, reworded: 0, moved: 0 },
          capped: false,
        },
        elements: [document.getElementById('a')],
        titleElement: document.getElementById('t'),
        old: { title: 'Title', paragraphs: [] },
        since: Date.now(),
        onDismiss,
      },
      controller.signal,
      true,
    );
    const event = new KeyboardEvent('keydown', {
      key: 'ArrowDown',
      altKey: true,
      shiftKey: true,
      bubbles: true,
      cancelable: true,
    });
    document.body.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    expect(document.querySelector('[data-redline-current]')).toBeNull();
    const bar = document.querySelector<HTMLElement>('[data-redline-ui="bar"]')!;
    bar.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="dismiss"]')!.click();
    expect(onDismiss).not.toHaveBeenCalled();
    expect(document.getElementById('a')?.getAttribute('data-redline')).toBe('added');
    controller.abort();
  });
});
