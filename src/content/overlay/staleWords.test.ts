// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { everyParagraphReworded } from '../../../test/helpers/overlay';
import { INSERTED_HIGHLIGHT } from './highlights';
import { mountOverlay } from './index';
import { type StaleWords, watchStaleWords } from './staleWords';

/** MutationObserver callbacks run as microtasks; a task later they have all run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function rangeOver(text: Text, start: number, end: number): StaticRange {
  return new StaticRange({ startContainer: text, startOffset: start, endContainer: text, endOffset: end });
}

describe('watchStaleWords', () => {
  let watcher: StaleWords | null = null;
  afterEach(() => watcher?.disconnect());

  function setup() {
    document.body.innerHTML = '<p id="a">Alpha <b>beta</b> gamma</p><p id="b">Delta epsilon</p>';
    const a = document.getElementById('a') as HTMLElement;
    const b = document.getElementById('b') as HTMLElement;
    const rangeA = rangeOver(a.firstChild as Text, 0, 5);
    const rangeB = rangeOver(b.firstChild as Text, 6, 13);
    const stale: (readonly AbstractRange[])[] = [];
    watcher = watchStaleWords(document, (ranges) => stale.push(ranges));
    watcher.watch(a, [rangeA]);
    watcher.watch(b, [rangeB]);
    return { a, b, rangeA, rangeB, stale };
  }

  it('reports an element whose text node a framework rewrites in place, once, with its own ranges only', async () => {
    const { a, rangeA, stale } = setup();
    (a.querySelector('b')?.firstChild as Text).data = 'BETA';
    (a.firstChild as Text).data = 'New ';
    await settle();
    expect(stale).toEqual([[rangeA]]);
  });

  it('reports an element whose text nodes the page replaces', async () => {
    const { b, rangeB, stale } = setup();
    b.textContent = 'Something else entirely';
    await settle();
    expect(stale).toEqual([[rangeB]]);
  });

  it('ignores the overlay’s own label going in and out, and changes outside watched elements', async () => {
    const { a, stale } = setup();
    const label = document.createElement('span');
    label.setAttribute('data-redline-ui', 'label');
    label.textContent = 'Reworded';
    a.prepend(label);
    label.remove();
    const old = document.createElement('div');
    old.setAttribute('data-redline-old', 'paragraph-text');
    a.append(old);
    document.body.append(document.createTextNode('a footer the page adds'));
    await settle();
    expect(stale).toEqual([]);
  });

  it('keeps every range of an element two paragraphs share, and stops at disconnect', async () => {
    const { a, b, rangeA, stale } = setup();
    const second = rangeOver(a.lastChild as Text, 1, 6);
    watcher?.watch(a, [second]);
    watcher?.disconnect();
    b.textContent = 'changed after the overlay was taken down';
    await settle();
    expect(stale).toEqual([]);
    watcher = watchStaleWords(document, (ranges) => stale.push(ranges));
    watcher.watch(a, [rangeA, second]);
    a.textContent = 'changed';
    await settle();
    expect(stale).toEqual([[rangeA, second]]);
  });
});

describe('the overlay after a framework re-renders a marked paragraph', () => {
  it('stops painting that paragraph’s inserted words and keeps the others', async () => {
    // jsdom lacks the Highlight API: a stand-in that keeps its ranges in a Set, as the real one does.
    const registry = new Map<string, Set<AbstractRange>>();
    const win = window as unknown as { CSS?: unknown; Highlight?: unknown };
    const originalCss = win.CSS;
    win.CSS = { highlights: registry };
    win.Highlight = class extends Set<AbstractRange> {};
    try {
      const input = everyParagraphReworded(2);
      const { elements } = input;
      const controller = new AbortController();
      mountOverlay(input, controller.signal, true);
      const painted = () => [...(registry.get(INSERTED_HIGHLIGHT) ?? [])];
      await settle();
      expect(painted().map((range) => range.startContainer.parentNode)).toEqual(elements);

      // Preact updates the very text node it made.
      const text = [...(elements[0]?.childNodes ?? [])].find(
        (node) => node.nodeType === Node.TEXT_NODE,
      ) as Text;
      text.data = 'The framework rendered this sentence after Redline marked it.';
      await settle();
      expect(painted().map((range) => range.startContainer.parentNode)).toEqual([elements[1]]);
      expect(elements[0]?.getAttribute('data-redline')).toBe('reworded');

      // Taking the overlay down unregisters the words still painted.
      controller.abort();
      expect(registry.size).toBe(0);
    } finally {
      delete win.Highlight;
      win.CSS = originalCss;
    }
  });
});
