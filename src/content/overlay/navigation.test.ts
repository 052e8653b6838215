// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { DomJournal } from './journal';
import {
  ChangeNavigator,
  inDocumentOrder,
  inDocumentOrderSliced,
  isEditableTarget,
  shortcutDirection,
} from './navigation';

function key(init: KeyboardEventInit): KeyboardEvent {
  return new KeyboardEvent('keydown', { bubbles: true, composed: true, ...init });
}

describe('inDocumentOrder', () => {
  it('sorts items by their place in the page', () => {
    document.body.innerHTML = '<h1 id="a"></h1><div><p id="b"></p></div><p id="c"></p>';
    const [a, b, c] = ['a', 'b', 'c'].map((id) => ({
      element: document.getElementById(id)!,
      description: id,
    }));
    expect(inDocumentOrder([c!, a!, b!]).map((i) => i.description)).toEqual(['a', 'b', 'c']);
  });

  it('puts items whose element left the page last, in their order, and keeps items of one element together', () => {
    document.body.innerHTML = '<p id="a"></p><p id="b"></p>';
    const gone = document.createElement('p');
    const a = document.getElementById('a')!;
    const b = document.getElementById('b')!;
    const items = [
      { element: gone, description: 'gone' },
      { element: b, description: 'b1' },
      { element: a, description: 'a' },
      { element: b, description: 'b2' },
    ];
    expect(inDocumentOrder(items).map((i) => i.description)).toEqual(['a', 'b1', 'b2', 'gone']);
    expect(inDocumentOrder([])).toEqual([]);
  });
});

describe("inDocumentOrder within the changes' common ancestor", () => {
  it('orders items spread over nested subtrees, and an item that is that ancestor itself', () => {
    document.body.innerHTML =
      '<nav><p id="n"></p></nav><main id="m"><section><p id="a"></p><div><p id="b"></p></div></section>' +
      '<section><p id="c"></p></section></main><footer><p id="f"></p></footer>';
    const item = (id: string) => ({ element: document.getElementById(id)!, description: id });
    const [a, b, c, m, n, f] = ['a', 'b', 'c', 'm', 'n', 'f'].map(item);
    expect(inDocumentOrder([c!, b!, a!]).map((i) => i.description)).toEqual(['a', 'b', 'c']);
    expect(inDocumentOrder([c!, m!, a!]).map((i) => i.description)).toEqual(['m', 'a', 'c']);
    expect(inDocumentOrder([f!, c!, n!, b!]).map((i) => i.description)).toEqual(['n', 'b', 'c', 'f']);
    expect(inDocumentOrder([b!]).map((i) => i.description)).toEqual(['b']);
  });

  it('leaves items outside the page last whichever comes first', () => {
    document.body.innerHTML = '<div><p id="a"></p><p id="b"></p></div>';
    const gone = document.createElement('div');
    gone.innerHTML = '<p></p>';
    const inGone = gone.firstElementChild!;
    const a = document.getElementById('a')!;
    const b = document.getElementById('b')!;
    const items = [
      { element: inGone, description: 'gone' },
      { element: b, description: 'b' },
      { element: a, description: 'a' },
    ];
    expect(inDocumentOrder(items).map((i) => i.description)).toEqual(['a', 'b', 'gone']);
  });

  it('walks only the subtree that holds the changes', () => {
    const filler = Array.from({ length: 200 }, () => '<li><a>x</a></li>').join('');
    document.body.innerHTML = `<ul>${filler}</ul><article id="art"><p id="a"></p><p id="b"></p></article><ul>${filler}</ul>`;
    const walkers = vi.spyOn(document, 'createTreeWalker');
    const items = ['b', 'a'].map((id) => ({ element: document.getElementById(id)!, description: id }));
    expect(inDocumentOrder(items).map((i) => i.description)).toEqual(['a', 'b']);
    const seen = walkers.mock.calls.map(([root]) => root);
    walkers.mockRestore();
    expect(seen).toEqual([document.getElementById('art')]);
  });
});

describe('inDocumentOrderSliced', () => {
  it('gives the same order as one walk, yielding to the page between slices', async () => {
    document.body.innerHTML = Array.from({ length: 3000 }, (_, i) => `<p id="p${i}"><b>x</b></p>`).join('');
    const items = Array.from({ length: 300 }, (_, i) => ({
      element: document.getElementById(`p${(i * 7919) % 3000}`)!,
      description: String(i),
    }));
    let clock = 0;
    let yields = 0;
    const ordered = await inDocumentOrderSliced(items, {
      signal: new AbortController().signal,
      // Each clock read is 1 ms later: a slice ends after a few reads.
      now: () => clock++,
      nextTask: async () => {
        yields++;
      },
    });
    expect(ordered).toEqual(inDocumentOrder(items));
    expect(yields).toBeGreaterThan(1);
  });

  it('stops when the overlay is torn down', async () => {
    document.body.innerHTML = Array.from({ length: 3000 }, (_, i) => `<p id="p${i}"></p>`).join('');
    const controller = new AbortController();
    let clock = 0;
    const items = [{ element: document.getElementById('p2999')!, description: 'last' }];
    const sorting = inDocumentOrderSliced(items, {
      signal: controller.signal,
      now: () => (clock += 10),
      nextTask: async () => controller.abort(new Error('gone')),
    });
    await expect(sorting).rejects.toThrow('gone');
  });
});

describe('ChangeNavigator', () => {
  it('walks forward and back with wrap-around, ringing one item at a time', () => {
    document.body.innerHTML = '<p id="a"></p><p id="b"></p><p id="c"></p>';
    const items = ['a', 'b', 'c'].map((id) => ({ element: document.getElementById(id)!, description: id }));
    const journal = new DomJournal();
    const navigator = new ChangeNavigator(items, journal, false);
    const ringed = () => Array.from(document.querySelectorAll('[data-redline-current]'), (e) => e.id);
    expect(navigator.position).toBe(-1);
    expect(navigator.go('next')?.description).toBe('a');
    expect(navigator.go('next')?.description).toBe('b');
    expect(ringed()).toEqual(['b']);
    expect(navigator.go('next')?.description).toBe('c');
    expect(navigator.go('next')?.description).toBe('a');
    expect(navigator.go('previous')?.description).toBe('c');
    expect(navigator.position).toBe(2);
    journal.undoAll();
    expect(ringed()).toEqual([]);
  });

  it('starts from the last change when going back first', () => {
    document.body.innerHTML = '<p id="a"></p><p id="b"></p>';
    const items = ['a', 'b'].map((id) => ({ element: document.getElementById(id)!, description: id }));
    expect(new ChangeNavigator(items, new DomJournal(), false).go('previous')?.description).toBe('b');
    expect(new ChangeNavigator([], new DomJournal(), false).go('next')).toBeNull();
  });
});

describe('shortcutDirection', () => {
  it('is Alt+Shift+ArrowDown / ArrowUp and nothing else', () => {
    expect(shortcutDirection(key({ key: 'ArrowDown', altKey: true, shiftKey: true }))).toBe('next');
    expect(shortcutDirection(key({ key: 'ArrowUp', altKey: true, shiftKey: true }))).toBe('previous');
    expect(shortcutDirection(key({ key: 'ArrowDown', altKey: true }))).toBeNull();
    expect(shortcutDirection(key({ key: 'ArrowDown', shiftKey: true }))).toBeNull();
    expect(
      shortcutDirection(key({ key: 'ArrowDown', altKey: true, shiftKey: true, ctrlKey: true })),
    ).toBeNull();
    expect(shortcutDirection(key({ key: 'j', altKey: true, shiftKey: true }))).toBeNull();
  });
});

describe('isEditableTarget', () => {
  function targetOf(element: Element): boolean {
    let result: boolean | null = null;
    document.addEventListener('keydown', (event) => (result = isEditableTarget(event)), { once: true });
    element.dispatchEvent(key({ key: 'ArrowDown', altKey: true, shiftKey: true }));
    if (result === null) throw new Error('listener did not run');
    return result;
  }

  it('is true for text inputs, text areas, selects and contenteditable, false elsewhere', () => {
    document.body.innerHTML = `<input id="text"><input id="search" type="search"><input id="box" type="checkbox">
      <textarea id="area"></textarea><select id="sel"></select>
      <div contenteditable="true"><span id="rich">x</span></div><div contenteditable="false"><span id="off">x</span></div>
      <p id="plain">x</p><button id="btn">b</button>`;
    const editable = (id: string) => targetOf(document.getElementById(id)!);
    expect(editable('text')).toBe(true);
    expect(editable('search')).toBe(true);
    expect(editable('area')).toBe(true);
    expect(editable('sel')).toBe(true);
    expect(editable('rich')).toBe(true);
    expect(editable('box')).toBe(false);
    expect(editable('off')).toBe(false);
    expect(editable('plain')).toBe(false);
    expect(editable('btn')).toBe(false);
  });

  it('sees an input inside an open shadow root', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    const input = document.createElement('input');
    root.append(input);
    expect(targetOf(input)).toBe(true);
  });
});
