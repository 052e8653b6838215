/**
 * The article the mount benchmarks mark (bench/mount.ts, and the `mount` rows of `npm run bench`): N paragraphs
 * in jsdom, every one reworded (one word deleted, one inserted) and every tenth old paragraph removed, so marks,
 * labels, "Was:" lines, ghosts and inserted-word ranges are all exercised; and a timer of the whole mount.
 */
import { JSDOM } from 'jsdom';
import { mountOverlay } from '../src/content/overlay';
import type { AlignResult, ParagraphChange, RemovedParagraph } from '../src/core/model';

/**
 * `group` > 0 puts every `group` paragraphs in a section of their own: jsdom finds a node's index among its
 * siblings by walking them (SymbolTree.index, 80 % of an 8,000-paragraph mount's profile), which makes a flat list
 * of 20,000 quadratic in jsdom alone; browsers do not pay it.
 */
export function mountArticle(n: number, group = 0) {
  const dom = new JSDOM(
    '<!doctype html><html><head></head><body><article><h1>Title</h1></article></body></html>',
    {
      url: 'https://news.test/a',
      pretendToBeVisual: true,
    },
  );
  const doc = dom.window.document;
  // The overlay makes its own AbortControllers; jsdom accepts only its own signals in addEventListener.
  Object.assign(globalThis, {
    AbortController: dom.window.AbortController,
    AbortSignal: dom.window.AbortSignal,
  });
  const articleEl = doc.querySelector('article')!;
  const paragraphs: ParagraphChange[] = [];
  const removed: RemovedParagraph[] = [];
  const oldParagraphs: string[] = [];
  const elements: Element[] = [];
  for (let i = 0; i < n; i++) {
    const p = doc.createElement('p');
    p.textContent = `Paragraph ${i} says new things about the council.`;
    if (group > 0 && i % group === 0) articleEl.append(doc.createElement('section'));
    (group > 0 ? (articleEl.lastElementChild as Element) : articleEl).append(p);
    elements.push(p);
    oldParagraphs.push(`Paragraph ${i} says old things about the council.`);
    paragraphs.push({
      kind: 'reworded',
      newIndex: i,
      oldIndex: oldParagraphs.length - 1,
      moved: false,
      similarity: 0.8,
      words: [
        { op: 'equal', text: `Paragraph ${i} says ` },
        { op: 'delete', text: 'old' },
        { op: 'insert', text: 'new' },
        { op: 'equal', text: ' things about the council.' },
      ],
    });
    if (i % 10 === 0) {
      oldParagraphs.push(`A removed paragraph number ${i}.`);
      removed.push({
        oldIndex: oldParagraphs.length - 1,
        text: `A removed paragraph number ${i}.`,
        before: i + 1,
      });
    }
  }
  const result: AlignResult = {
    title: { changed: false, old: 'Title', new: 'Title', words: [] },
    paragraphs,
    removed,
    stats: { unchanged: 0, added: 0, removed: removed.length, reworded: n, moved: 0 },
    capped: false,
  };
  return { dom, doc, result, elements, oldParagraphs };
}

export interface MountTiming {
  /** The task that calls mountOverlay: plan, first chunk, control bar. */
  firstMs: number;
  /** From the call until no chunk is pending. */
  wholeMs: number;
  /** Each task of the mount, in order. */
  chunks: number[];
  /** Elements marked with data-redline (page blocks and ghosts). */
  marks: number;
}

/**
 * Mounts the overlay on `mountArticle(n)` and times it. Each chunk ends by scheduling the next through the page's
 * setTimeout (jsdom has no scheduler.yield): the tasks between are the chunks; the mount is done when none is
 * pending.
 */
export async function timeMount(n: number, group = 0): Promise<MountTiming> {
  const { dom, doc, result, elements, oldParagraphs } = mountArticle(n, group);
  const chunks: number[] = [];
  let taskStart = performance.now();
  let pending = 0;
  let finished = 0;
  const setTimeoutOfPage = dom.window.setTimeout.bind(dom.window);
  Object.assign(dom.window, {
    setTimeout: (callback: () => void, ms?: number) => {
      chunks.push(performance.now() - taskStart);
      pending += 1;
      return setTimeoutOfPage(() => {
        taskStart = performance.now();
        callback();
        pending -= 1;
        if (pending === 0) finished = performance.now();
      }, ms);
    },
  });
  const controller = new dom.window.AbortController();
  const started = performance.now();
  mountOverlay(
    {
      doc,
      result,
      elements,
      titleElement: doc.querySelector('h1'),
      old: { title: 'Title', paragraphs: oldParagraphs },
      since: Date.now(),
      onDismiss: () => undefined,
    },
    controller.signal,
  );
  const firstMs = performance.now() - started;
  if (pending === 0) finished = performance.now();
  while (pending > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  chunks.push(finished - taskStart);
  const marks = doc.querySelectorAll('[data-redline]').length;
  controller.abort();
  dom.window.close();
  return { firstMs, wholeMs: finished - started, chunks, marks };
}
