/**
 * `npm run bench:mount`: time to mount the overlay on an article of N changed paragraphs in jsdom, for
 * N = 1,000 / 4,000 / 20,000 (issue 8: it must grow linearly). Every paragraph is reworded (one word deleted,
 * one inserted) and every tenth old paragraph was removed, so marks, labels, "Was:" lines, ghosts and
 * inserted-word ranges are all exercised. Prints a table; jsdom is slower than a browser, so compare the
 * growth between sizes, not the absolute times.
 */
import { JSDOM } from 'jsdom';
import { mountOverlay } from '../src/content/overlay';
import type { AlignResult, ParagraphChange, RemovedParagraph } from '../src/core/model';

const SIZES = (process.argv[2] ?? '1000,4000,20000').split(',').map(Number);

function article(n: number) {
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
    articleEl.append(p);
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

console.log(
  '| changed paragraphs | marks placed | first chunk (ms) | whole mount (ms) | longest chunk (ms) | chunks | ms per 1,000 |',
);
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const n of SIZES) {
  const { dom, doc, result, elements, oldParagraphs } = article(n);
  // Each chunk ends by scheduling the next one through the page's setTimeout: time the tasks between.
  const chunks: number[] = [];
  let taskStart = performance.now();
  let pending = 0;
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
  let finished = 0;
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
  const first = performance.now() - started;
  if (pending === 0) finished = performance.now();
  // The last chunk schedules nothing: the mount is done when no chunk is pending.
  while (pending > 0) await new Promise((resolve) => setTimeout(resolve, 25));
  const ms = finished - started;
  chunks.push(finished - taskStart);
  const marks = doc.querySelectorAll('[data-redline]').length;
  const longest = Math.max(...chunks);
  const row = [n, marks].map((v) => v.toLocaleString('en'));
  console.log(
    `| ${row.join(' | ')} | ${first.toFixed(0)} | ${ms.toFixed(0)} | ${longest.toFixed(0)} | ${chunks.length} | ${((ms / n) * 1000).toFixed(0)} |`,
  );
  controller.abort();
  dom.window.close();
}
