/**
 * Previous/next over the marked changes in reading (document) order, and the keyboard shortcut for it:
 * Alt+Shift+ArrowDown for the next change, Alt+Shift+ArrowUp for the previous one. The shortcut is ignored
 * while the reader types (inputs, text areas, selects, contenteditable), where Alt+Shift+arrows extend a
 * selection on macOS.
 */
import type { DomJournal } from './journal';

export interface ChangeItem {
  /** The page's element or the inserted ghost/old-headline element that shows the change. */
  element: Element;
  /** What the change is, for the live announcement ("Reworded paragraph"). */
  description: string;
}

/**
 * Items in document order; items whose element left the document follow, in their given order. One walk over
 * the document instead of a sort by `compareDocumentPosition`, which browsers answer for two siblings by
 * walking their parent's children: sorting 4,000 sibling paragraphs took over a second in Chromium.
 */
export function inDocumentOrder(items: readonly ChangeItem[]): ChangeItem[] {
  const walk = walkSteps(items);
  let step = walk.next();
  while (!step.done) step = walk.next();
  return step.value;
}

export interface Slicing {
  signal: AbortSignal;
  now: () => number;
  nextTask: () => Promise<void>;
}

/** Budget of one slice of the walk. */
const SLICE_MS = 8;

/** `inDocumentOrder` with the page walked in slices of a few milliseconds; rejects when `signal` aborts. */
export async function inDocumentOrderSliced(
  items: readonly ChangeItem[],
  slicing: Slicing,
): Promise<ChangeItem[]> {
  const walk = walkSteps(items);
  let step = walk.next();
  for (;;) {
    const start = slicing.now();
    while (!step.done && slicing.now() - start < SLICE_MS) {
      for (let i = 0; i < 256 && !step.done; i++) step = walk.next();
    }
    if (step.done) return step.value;
    await slicing.nextTask();
    slicing.signal.throwIfAborted();
  }
}

/** The walk behind both: yields after each element, so a caller can stop between them. */
function* walkSteps(items: readonly ChangeItem[]): Generator<void, ChangeItem[]> {
  const byElement = new Map<Element, ChangeItem[]>();
  for (const item of items) {
    const list = byElement.get(item.element);
    if (list) list.push(item);
    else byElement.set(item.element, [item]);
  }
  const first = items[0];
  if (!first) return [];
  const doc = first.element.ownerDocument;
  const ordered: ChangeItem[] = [];
  // Only the subtree that holds every item: the changes of an article sit in its body, and the walk from <html>
  // to the last of them went through the page's header and navigation (on bench:jank's 41 pages, a median of
  // ~500 elements walked against ~65 within the changes' common ancestor).
  const root = commonAncestor(byElement.keys()) ?? doc.documentElement;
  // NodeFilter.SHOW_ELEMENT (1), spelled out: a content script's global may not be the page's.
  const walker = doc.createTreeWalker(root, 1);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    yield;
    const list = byElement.get(node as Element);
    if (!list) continue;
    ordered.push(...list);
    byElement.delete(node as Element);
    if (byElement.size === 0) break;
  }
  for (const list of byElement.values()) ordered.push(...list);
  return ordered;
}

export type Direction = 'next' | 'previous';

/** The shortcut's direction, or null when the event is not the shortcut. */
export function shortcutDirection(event: KeyboardEvent): Direction | null {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || event.isComposing) return null;
  if (event.key === 'ArrowDown') return 'next';
  if (event.key === 'ArrowUp') return 'previous';
  return null;
}

const NON_TEXT_INPUTS = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
]);

/** True when the keystroke goes to something the reader types into, including inside shadow roots. */
export function isEditableTarget(event: Event): boolean {
  const origin = event.composedPath()[0] ?? event.target;
  if (!origin || typeof (origin as Element).closest !== 'function') return false;
  const element = origin as Element;
  const tag = element.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT')
    return !NON_TEXT_INPUTS.has(((element as HTMLInputElement).type || 'text').toLowerCase());
  if ((element as HTMLElement).isContentEditable) return true;
  // jsdom does not implement isContentEditable; the attribute check covers it and old engines alike.
  return element.closest('[contenteditable]:not([contenteditable="false"])') !== null;
}

/** Moves a "current change" ring through the items, wrapping at both ends. */
export class ChangeNavigator {
  private index = -1;

  constructor(
    private list: readonly ChangeItem[],
    journal: DomJournal,
    private readonly smoothScroll: boolean,
  ) {
    journal.onUndo(() => this.clear());
  }

  get items(): readonly ChangeItem[] {
    return this.list;
  }

  /** Replaces the items (more were mounted), keeping the current change current. */
  setItems(items: readonly ChangeItem[]): void {
    const current = this.current;
    this.list = items;
    this.index = current ? items.indexOf(current) : -1;
  }

  /** 0-based position of the current change, -1 before the first move. */
  get position(): number {
    return this.index;
  }

  get current(): ChangeItem | null {
    return this.items[this.index] ?? null;
  }

  go(direction: Direction): ChangeItem | null {
    const count = this.items.length;
    if (count === 0) return null;
    if (this.index < 0) this.index = direction === 'next' ? 0 : count - 1;
    else this.index = (this.index + (direction === 'next' ? 1 : -1) + count) % count;
    const item = this.items[this.index];
    if (!item) return null;
    this.ring(item.element);
    return item;
  }

  /** Takes the ring off (marks hidden, or teardown). */
  clear(): void {
    for (const item of this.items) item.element.removeAttribute('data-redline-current');
  }

  private ring(element: Element): void {
    this.clear();
    // Only ever set here, and taken off every item by clear() on teardown.
    element.setAttribute('data-redline-current', '');
    element.scrollIntoView?.({ block: 'center', behavior: this.smoothScroll ? 'smooth' : 'auto' });
  }
}

/**
 * The deepest element that contains every element of `elements` still in the page (null when none is): the
 * first one's ancestors, then each other one climbs until it meets them. Linear in the depth per element, so a
 * deeply nested hostile page costs no more than walking up from each change once.
 */
function commonAncestor(elements: Iterable<Element>): Element | null {
  let chain: Map<Element, number> | null = null;
  let top: Element | null = null;
  let topLevel = 0;
  for (const element of elements) {
    if (!element.isConnected) continue;
    if (chain === null) {
      chain = new Map();
      let level = 0;
      for (let node: Element | null = element; node; node = node.parentElement) chain.set(node, level++);
      top = element;
      continue;
    }
    for (let node: Element | null = element; node; node = node.parentElement) {
      const level = chain.get(node);
      if (level === undefined) continue;
      if (level > topLevel) {
        topLevel = level;
        top = node;
      }
      break;
    }
  }
  return top;
}
