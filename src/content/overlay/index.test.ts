// @vitest-environment jsdom
import { diffWords } from 'diff';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageOwnText } from '../../../test/helpers/dom';
import type { AlignResult, ParagraphChange, WordChange } from '../../core/model';
import { mountOverlay, type OverlayInput } from './index';

// jsdom cannot make trusted events, and the bar and shortcut act on trusted ones only; these tests drive them as
// the reader would. trust.test.ts and test/browser/page-privacy.test.ts show script-made events refused.
vi.mock('./trust', () => ({ isTrustedEvent: () => true }));

/** Word runs as align produces them, from jsdiff (display-form texts in, display-form runs out). */
function words(oldText: string, newText: string): WordChange[] {
  return diffWords(oldText, newText).map((part) => ({
    op: part.added ? 'insert' : part.removed ? 'delete' : 'equal',
    text: part.value,
  }));
}

const OLD = {
  title: 'Aleppo exodus growing, says Russia',
  paragraphs: [
    'The exodus from Aleppo is growing, Russia says.', // 0 -> reworded as new 1
    'A paragraph that was cut.', // 1 -> removed, stood before new 2
    'Nothing changed here at all.', // 2 -> unchanged new 3
    'This one was further down.', // 3 -> moved to new 2
    'Another cut paragraph at the end.', // 4 -> removed, at the end
    'Officials met on Monday to discuss it.', // 5 -> reworded and moved, new 4
  ],
};

const NEW_TITLE = "US urges 'grace' as Aleppo's fall nears";

// The live page: inline markup, nbsp and odd whitespace inside the paragraphs, as real pages have.
const PAGE = `
  <header><h1 id="title">US urges 'grace' as <em>Aleppo's</em> fall nears</h1></header>
  <article id="article">
    <p id="n0">Brand new reporting from the <a href="/x">city</a>.</p>
    <p id="n1">The   exodus from <b>eastern Aleppo</b> is growing\u00a0fast, Russia says.</p>
    <p id="n2">This one was further down.</p>
    <p id="n3">Nothing changed here at all.</p>
    <p id="n4">Officials met on Tuesday to discuss it.</p>
  </article>
  <form><input id="search" type="search"><textarea id="area"></textarea></form>`;

const NEW_TEXTS = [
  'Brand new reporting from the city.',
  'The exodus from eastern Aleppo is growing fast, Russia says.',
  'This one was further down.',
  'Nothing changed here at all.',
  'Officials met on Tuesday to discuss it.',
];

function alignResult(): AlignResult {
  const paragraphs: ParagraphChange[] = [
    { kind: 'added', newIndex: 0 },
    {
      kind: 'reworded',
      newIndex: 1,
      oldIndex: 0,
      moved: false,
      similarity: 0.8,
      words: words(OLD.paragraphs[0]!, NEW_TEXTS[1]!),
    },
    { kind: 'moved', newIndex: 2, oldIndex: 3 },
    { kind: 'unchanged', newIndex: 3, oldIndex: 2 },
    {
      kind: 'reworded',
      newIndex: 4,
      oldIndex: 5,
      moved: true,
      similarity: 0.9,
      words: words(OLD.paragraphs[5]!, NEW_TEXTS[4]!),
    },
  ];
  return {
    title: { changed: true, old: OLD.title, new: NEW_TITLE, words: words(OLD.title, NEW_TITLE) },
    paragraphs,
    removed: [
      { oldIndex: 1, text: OLD.paragraphs[1]!, before: 2 },
      { oldIndex: 4, text: OLD.paragraphs[4]!, before: 5 },
    ],
    stats: { unchanged: 1, added: 1, removed: 2, reworded: 2, moved: 2 },
    capped: false,
  };
}

const mounted: AbortController[] = [];

function setup(
  overrides: Partial<OverlayInput> = {},
  elementIds = ['n0', 'n1', 'n2', 'n3', 'n4'],
  readable = true,
) {
  document.head.innerHTML = '<title>Test page</title><style>p { color: black }</style>';
  document.body.innerHTML = PAGE;
  const snapshot = {
    head: document.head.innerHTML,
    body: document.body.innerHTML,
    html: document.documentElement.outerHTML,
  };
  const ownTexts = Array.from(document.querySelectorAll('h1, p'), (el) => el.textContent);
  const controller = new AbortController();
  mounted.push(controller);
  const onDismiss = vi.fn();
  const input: OverlayInput = {
    doc: document,
    result: alignResult(),
    elements: elementIds.map((id) => document.getElementById(id)),
    titleElement: document.getElementById('title'),
    old: OLD,
    since: Date.now() - 3 * 3_600_000,
    onDismiss,
    ...overrides,
  };
  mountOverlay(input, controller.signal, readable);
  const bar = document.querySelector<HTMLElement>('[data-redline-ui="bar"]');
  const button = (action: string) =>
    bar!.shadowRoot!.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
  return { controller, onDismiss, snapshot, ownTexts, bar, button };
}

const byId = (id: string) => document.getElementById(id)!;
const current = () => document.querySelector('[data-redline-current]');
function press(target: EventTarget, key: 'ArrowDown' | 'ArrowUp') {
  const event = new KeyboardEvent('keydown', {
    key,
    altKey: true,
    shiftKey: true,
    bubbles: true,
    cancelable: true,
  });
  target.dispatchEvent(event);
  return event;
}

afterEach(() => {
  for (const controller of mounted.splice(0)) controller.abort();
});

describe('mountOverlay', () => {
  it('marks each kind on the page’s own elements per the contract', () => {
    setup();
    expect(byId('n0').getAttribute('data-redline')).toBe('added');
    expect(byId('n1').getAttribute('data-redline')).toBe('reworded');
    expect(byId('n1').hasAttribute('data-redline-moved')).toBe(false);
    expect(byId('n2').getAttribute('data-redline')).toBe('moved');
    expect(byId('n3').hasAttribute('data-redline')).toBe(false);
    expect(byId('n4').getAttribute('data-redline')).toBe('reworded');
    expect(byId('n4').hasAttribute('data-redline-moved')).toBe(true);
    expect(byId('title').getAttribute('data-redline')).toBe('reworded');
    // Every kind carries a text label, not only a colour.
    expect(byId('n0').querySelector('[data-redline-label]')?.textContent).toBe('New');
    expect(byId('n2').querySelector('[data-redline-label]')?.textContent).toBe('Moved');
  });

  it('puts removed paragraphs back as data-redline-old ghosts at their old place', () => {
    setup();
    const order = Array.from(document.querySelectorAll('#article > *'), (el) =>
      el.id ? el.id : `${el.getAttribute('data-redline-old')}:${el.textContent}`,
    );
    expect(order.filter((id) => !id.startsWith('paragraph-text:'))).toEqual([
      'n0',
      'n1',
      'paragraph:A paragraph that was cut.',
      'n2',
      'n3',
      'n4',
      'paragraph:Another cut paragraph at the end.',
    ]);
    for (const ghost of document.querySelectorAll('[data-redline="removed"]')) {
      expect(ghost.hasAttribute('data-redline-old')).toBe(true);
    }
  });

  it('shows deleted words in a "Was:" line after their paragraph and the old headline after the title', () => {
    setup();
    // Words were only added to n1: nothing to show.
    expect(byId('n1').nextElementSibling?.getAttribute('data-redline-old')).not.toBe('paragraph-text');
    const was = byId('n4').nextElementSibling!;
    expect(was.getAttribute('data-redline-old')).toBe('paragraph-text');
    expect(was.textContent).toBe(OLD.paragraphs[5]);
    expect(Array.from(was.querySelectorAll('del[data-redline-old]'), (d) => d.textContent)).toEqual([
      'Monday',
    ]);
    expect(byId('n4').querySelector('del')).toBeNull();
    const oldTitle = byId('title').nextElementSibling!;
    expect(oldTitle.hasAttribute('data-redline-old')).toBe(true);
    expect(oldTitle.textContent).toBe(OLD.title);
    expect(byId('title').querySelector('del')).toBeNull();
  });

  it('keeps every old text in closed shadow roots in the normal build', () => {
    const { ownTexts, bar } = setup({}, undefined, false);
    expect(bar?.shadowRoot).toBeNull();
    const html = document.documentElement.outerHTML;
    for (const old of [
      'A paragraph that was cut.',
      'Another cut paragraph at the end.',
      'Monday',
      OLD.title,
    ]) {
      expect(html).not.toContain(old);
    }
    expect(document.querySelectorAll('[data-redline="removed"][data-redline-old]')).toHaveLength(2);
    for (const host of document.querySelectorAll('[data-redline-old], [data-redline-ui]')) {
      expect((host as HTMLElement).shadowRoot).toBeNull();
    }
    expect(Array.from(document.querySelectorAll('h1, p'), (el) => pageOwnText(el))).toEqual(ownTexts);
  });

  it('never alters the page’s own text', () => {
    const { ownTexts } = setup();
    const after = Array.from(document.querySelectorAll('h1, p'), (el) => pageOwnText(el));
    expect(after).toEqual(ownTexts);
    // Inserted elements carry exactly one of the two markers.
    for (const inserted of document.querySelectorAll('del, [data-redline-label], [data-redline="removed"]')) {
      expect(inserted.hasAttribute('data-redline-old') || inserted.hasAttribute('data-redline-ui')).toBe(
        true,
      );
    }
  });

  it('restores the DOM exactly on abort', () => {
    const { controller, snapshot } = setup();
    press(document.body, 'ArrowDown');
    expect(document.body.innerHTML).not.toBe(snapshot.body);
    controller.abort();
    expect(document.head.innerHTML).toBe(snapshot.head);
    expect(document.body.innerHTML).toBe(snapshot.body);
    expect(document.documentElement.outerHTML).toBe(snapshot.html);
    // Listeners went too: the shortcut does nothing now.
    expect(press(document.body, 'ArrowDown').defaultPrevented).toBe(false);
  });

  it('says the time the background worded, making no date formatter of its own', () => {
    const relative = vi.spyOn(Intl, 'RelativeTimeFormat');
    const { bar } = setup({ sinceLabel: 'the day before yesterday' });
    expect(bar?.shadowRoot?.textContent).toContain('7 changes since the day before yesterday');
    expect(relative).not.toHaveBeenCalled();
    relative.mockRestore();
  });

  it('summarises the count of marked items in the bar', () => {
    const { bar } = setup();
    // Headline, added, reworded, moved, reworded+moved, two removed.
    expect(bar?.shadowRoot?.textContent).toContain('7 changes since 3 hours ago');
    expect(document.head.querySelectorAll('style[data-redline-ui]').length).toBeGreaterThan(0);
  });

  it('steps through the changes in reading order with Alt+Shift+arrows and the bar buttons', () => {
    const { button } = setup();
    const seen: string[] = [];
    for (let i = 0; i < 8; i++) {
      press(document.body, 'ArrowDown');
      const el = current()!;
      seen.push(el.id || `removed:${el.textContent?.slice(0, 7)}`);
    }
    expect(seen).toEqual(['title', 'n0', 'n1', 'removed:A parag', 'n2', 'n4', 'removed:Another', 'title']);
    press(document.body, 'ArrowUp');
    expect(current()?.textContent).toContain('Another cut');
    button('previous').click();
    expect(current()?.id).toBe('n4');
    button('next').click();
    expect(current()?.textContent).toContain('Another cut');
  });

  it('ignores the shortcut while the reader types in an input', () => {
    setup();
    const event = press(byId('search'), 'ArrowDown');
    press(byId('area'), 'ArrowDown');
    expect(event.defaultPrevented).toBe(false);
    expect(current()).toBeNull();
    expect(press(document.body, 'ArrowDown').defaultPrevented).toBe(true);
    expect(current()?.id).toBe('title');
  });

  it('hides and shows the marks but keeps the bar', () => {
    const { button, bar } = setup();
    press(document.body, 'ArrowDown');
    button('toggle').click();
    const [marks, hider] = Array.from(
      document.head.querySelectorAll<HTMLStyleElement>('style[data-redline-ui]'),
    );
    expect(marks?.media).toBe('not all');
    expect(hider?.media).toBe('all');
    expect(hider?.textContent).toContain('[data-redline-old]');
    expect(current()).toBeNull();
    expect(bar?.isConnected).toBe(true);
    expect(press(document.body, 'ArrowDown').defaultPrevented).toBe(false);
    expect(current()).toBeNull();
    button('toggle').click();
    expect(marks?.media).toBe('all');
    press(document.body, 'ArrowDown');
    expect(current()).not.toBeNull();
  });

  it('dismiss calls onDismiss and restores the page', () => {
    const { button, onDismiss, snapshot } = setup();
    button('dismiss').click();
    expect(onDismiss).toHaveBeenCalledTimes(1);
    expect(document.body.innerHTML).toBe(snapshot.body);
    expect(document.documentElement.outerHTML).toBe(snapshot.html);
  });

  it('falls back to the old text when a reworded element does not hold the new text', () => {
    const result = alignResult();
    const change = result.paragraphs[1];
    if (change?.kind !== 'reworded') throw new Error('fixture');
    change.words = words(OLD.paragraphs[0]!, 'Some other text the extractor saw.');
    const { controller, snapshot } = setup({ result });
    expect(byId('n1').getAttribute('data-redline')).toBe('reworded');
    expect(byId('n1').querySelector('del')).toBeNull();
    const old = byId('n1').nextElementSibling!;
    expect(old.getAttribute('data-redline-old')).toBe('paragraph-text');
    expect(old.textContent).toBe(OLD.paragraphs[0]);
    controller.abort();
    expect(document.documentElement.outerHTML).toBe(snapshot.html);
  });

  it('uses the nearest mapped neighbour for unmapped elements and counts only what it placed', () => {
    const { bar } = setup({}, ['n0', 'n1', 'none', 'n3', 'n4']);
    // The ghost that stood before the unmapped paragraph 2 follows paragraph 1.
    expect(byId('n1').nextElementSibling?.getAttribute('data-redline')).toBe('removed');
    expect(byId('n2').hasAttribute('data-redline')).toBe(false);
    expect(bar?.shadowRoot?.textContent).toContain('6 changes');
  });

  it('shows nothing when no change can be placed, and nothing for an already aborted signal', () => {
    const { bar, snapshot } = setup(
      {
        titleElement: null,
        result: { ...alignResult(), removed: [] },
      },
      [],
    );
    expect(bar).toBeNull();
    expect(document.documentElement.outerHTML).toBe(snapshot.html);

    document.body.innerHTML = PAGE;
    const controller = new AbortController();
    controller.abort();
    const before = document.documentElement.outerHTML;
    mountOverlay(
      {
        doc: document,
        result: alignResult(),
        elements: [byId('n0'), byId('n1'), byId('n2'), byId('n3'), byId('n4')],
        titleElement: byId('title'),
        old: OLD,
        since: 0,
        onDismiss: () => {},
      },
      controller.signal,
    );
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
