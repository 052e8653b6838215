// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { everyParagraphReworded } from '../../../test/helpers/overlay';
import {
  CHUNK_BUDGET_MS,
  capNote,
  EXACT_NEAR_LIMIT,
  MAX_MARK_JOBS,
  MIN_CHUNK,
  nearScreen,
  nextTaskOf,
  runInChunks,
  visibleFirst,
} from './chunks';
import { mountOverlay } from './index';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('runInChunks', () => {
  it('runs the first chunk before returning and the rest in later tasks, in order', async () => {
    const jobs = Array.from({ length: MIN_CHUNK * 3 + 5 }, (_, i) => i);
    const ran: number[] = [];
    const chunks: number[] = [];
    let clock = 0;
    const done = runInChunks(jobs, (job) => ran.push(job), {
      signal: new AbortController().signal,
      // Every job "takes" a whole budget: chunks are then exactly MIN_CHUNK jobs long.
      now: () => (clock += 1_000),
      nextTask: tick,
      onChunk: (count) => chunks.push(count),
    });
    expect(ran).toHaveLength(MIN_CHUNK);
    await done;
    expect(ran).toEqual(jobs);
    expect(chunks).toEqual([MIN_CHUNK, MIN_CHUNK * 2, MIN_CHUNK * 3, jobs.length]);
  });

  it('puts the remaining jobs in a new order when asked between chunks (the reader scrolled)', async () => {
    const jobs = Array.from({ length: MIN_CHUNK * 3 }, (_, i) => i);
    const ran: number[] = [];
    let clock = 0;
    let scrolled = false;
    const seen: number[][] = [];
    const done = runInChunks(jobs, (job) => ran.push(job), {
      signal: new AbortController().signal,
      now: () => (clock += 1_000),
      nextTask: tick,
      onChunk: (count) => {
        if (count === MIN_CHUNK) scrolled = true;
      },
      prioritise: {
        pending: () => scrolled,
        apply: (remaining) => {
          scrolled = false;
          seen.push([...remaining]);
          return [...remaining].reverse();
        },
      },
    });
    await done;
    // Asked once, with only the jobs still to run; each job runs exactly once.
    expect(seen).toEqual([jobs.slice(MIN_CHUNK)]);
    expect(ran).toEqual([...jobs.slice(0, MIN_CHUNK), ...jobs.slice(MIN_CHUNK).reverse()]);
  });

  it('keeps going within the time budget, and stops when aborted', async () => {
    const controller = new AbortController();
    const ran: number[] = [];
    const jobs = Array.from({ length: 1_000 }, (_, i) => i);
    const done = runInChunks(jobs, (job) => ran.push(job), {
      signal: controller.signal,
      now: () => 0,
      nextTask: tick,
      onChunk: () => controller.abort(),
    });
    // A clock that never moves: the whole list fits in one chunk.
    expect(ran).toHaveLength(1_000);
    await done;
    const slow = runInChunks(jobs, (job) => ran.push(job), {
      signal: controller.signal,
      now: () => 0,
      nextTask: tick,
      onChunk: () => undefined,
    });
    await slow;
    expect(ran).toHaveLength(1_000);
  });

  it('counts the work done before the first chunk in its task against that chunk’s budget', async () => {
    const ran: number[] = [];
    const chunks: number[] = [];
    const jobs = Array.from({ length: 100 }, (_, i) => i);
    // The caller's planning and control bar already spent the budget: the first chunk runs its minimum only.
    // The clock then stands still, so the second chunk takes all the rest.
    await runInChunks(jobs, (job) => ran.push(job), {
      signal: new AbortController().signal,
      now: () => 1_000,
      nextTask: tick,
      onChunk: (done) => chunks.push(done),
      startedAt: 1_000 - CHUNK_BUDGET_MS,
    });
    expect(chunks).toEqual([MIN_CHUNK, 100]);
    expect(ran).toEqual(jobs);
  });
});

describe('visibleFirst', () => {
  it('puts jobs on screen first and keeps each group in order', () => {
    const at = (top: number) => {
      const element = document.createElement('p');
      element.getBoundingClientRect = () => ({ top, bottom: top + 20 }) as DOMRect;
      return element;
    };
    const far = at(10_000);
    const near = at(100);
    const farther = at(20_000);
    const jobs = [
      { at: 0, id: 'far-1' },
      { at: 1, id: 'near-1' },
      { at: 0, id: 'far-2' },
      { at: 2, id: 'farther' },
      { at: 1, id: 'near-2' },
      { at: -1, id: 'headline' },
    ];
    expect(visibleFirst(jobs, nearScreen([far, near, farther], window)).map((job) => job.id)).toEqual([
      'near-1',
      'near-2',
      'far-1',
      'far-2',
      'farther',
      'headline',
    ]);
  });
});

describe('nearScreen', () => {
  const at = (top: number, reads: { count: number }) => {
    const element = document.createElement('p');
    element.getBoundingClientRect = () => {
      reads.count++;
      return { top, bottom: top + 20 } as DOMRect;
    };
    return element;
  };

  it('finds the paragraphs near the screen of a long article with a few dozen reads', () => {
    const reads = { count: 0 };
    const height = window.innerHeight;
    // 20,000 paragraphs of 30 px, scrolled to the middle: tops run from far above the screen to far below.
    const elements = Array.from({ length: 20_000 }, (_, i) => at((i - 10_000) * 30, reads));
    const near = nearScreen([null, ...elements], window);
    const expected = elements.flatMap((e, i) => {
      const r = e.getBoundingClientRect();
      return r.bottom >= -height && r.top <= 2 * height ? [i] : [];
    });
    reads.count = 0;
    const again = nearScreen(elements, window);
    expect([...(near ?? [])]).toEqual(expected.map((i) => i + 1));
    expect([...(again ?? [])]).toEqual(expected);
    expect(reads.count).toBeLessThan(expected.length + 40);
  });

  it('reads every rectangle of a short article', () => {
    const reads = { count: 0 };
    const elements = Array.from({ length: EXACT_NEAR_LIMIT }, (_, i) => at(i * 30, reads));
    expect(nearScreen(elements, window)?.size).toBeGreaterThan(0);
    expect(reads.count).toBe(EXACT_NEAR_LIMIT);
  });
});

describe('capNote', () => {
  it('says nothing up to the cap and how many are marked past it', () => {
    expect(capNote(MAX_MARK_JOBS, MAX_MARK_JOBS)).toBe('');
    expect(capNote(MAX_MARK_JOBS * 2, MAX_MARK_JOBS * 2)).toBe(
      ` · too many to mark all: about ${MAX_MARK_JOBS.toLocaleString('en')} marked`,
    );
  });
});

describe('mountOverlay in chunks', () => {
  function mount(n: number, signal: AbortSignal) {
    document.body.innerHTML = `<article><h1>T</h1>${'<p>Paragraph text.</p>'.repeat(n)}</article>`;
    const elements = Array.from(document.querySelectorAll('p'));
    mountOverlay(
      {
        doc: document,
        result: {
          title: { changed: false, old: 'T', new: 'T', words: [] },
          paragraphs: elements.map((_, i) => ({ kind: 'added' as const, newIndex: i })),
          removed: [],
          stats: { unchanged: 0, added: n, removed: 0, reworded: 0, moved: 0 },
          capped: false,
        },
        elements,
        titleElement: document.querySelector('h1'),
        old: { title: 'T', paragraphs: [] },
        since: Date.now(),
        onDismiss: () => undefined,
      },
      signal,
      true,
    );
  }
  const marked = () => document.querySelectorAll('[data-redline="added"]').length;

  it('marks every change, counting them all in the bar from the start', async () => {
    const controller = new AbortController();
    mount(MIN_CHUNK * 4, controller.signal);
    expect(marked()).toBeGreaterThanOrEqual(MIN_CHUNK);
    const bar = document.querySelector('[data-redline-ui="bar"]');
    expect(bar?.shadowRoot?.textContent).toContain(`${MIN_CHUNK * 4} changes`);
    for (let i = 0; i < 200 && marked() < MIN_CHUNK * 4; i++) await tick();
    expect(marked()).toBe(MIN_CHUNK * 4);
    controller.abort();
    expect(document.querySelectorAll('[data-redline], [data-redline-ui]')).toHaveLength(0);
  });

  it('stops placing marks once aborted between chunks', async () => {
    const controller = new AbortController();
    mount(MIN_CHUNK * 4, controller.signal);
    controller.abort();
    for (let i = 0; i < 20; i++) await tick();
    expect(document.querySelectorAll('[data-redline], [data-redline-ui]')).toHaveLength(0);
  });

  it('paints the inserted words of the first chunk at once and the rest only after the last chunk', async () => {
    // A stand-in for the Highlight API (jsdom lacks it); Chromium re-validates every range of a registered
    // highlight in each frame after a DOM change, so ranges must not grow while the mount still writes.
    const registry = new Map<string, { ranges: AbstractRange[] }>();
    const win = window as unknown as { CSS?: unknown; Highlight?: unknown };
    const originalCss = win.CSS;
    win.CSS = { highlights: registry };
    win.Highlight = class {
      readonly ranges: AbstractRange[] = [];
      add(range: AbstractRange) {
        this.ranges.push(range);
        return this;
      }
    };
    const n = 1500;
    try {
      const input = everyParagraphReworded(n);
      const controller = new AbortController();
      mountOverlay(input, controller.signal, true);
      const painted = () => registry.get('redline-inserted')?.ranges.length ?? 0;
      const first = painted();
      expect(first).toBeGreaterThanOrEqual(MIN_CHUNK);
      expect(first).toBeLessThan(n);
      const seen = new Set<number>([first]);
      while (document.querySelectorAll('[data-redline="reworded"]').length < n) {
        await tick();
        seen.add(painted());
      }
      seen.add(painted());
      expect([...seen]).toEqual([first, n]);
      controller.abort();
      expect(registry.size).toBe(0);
    } finally {
      delete win.Highlight;
      win.CSS = originalCss;
    }
  });
});

describe('nextTaskOf', () => {
  it('queues behind the page’s own timers, never ahead of them, even where scheduler.yield exists', async () => {
    let yielded = 0;
    const view = Object.assign(Object.create(window) as Window, {
      setTimeout: window.setTimeout.bind(window),
      scheduler: {
        yield: () => {
          yielded++;
          return Promise.resolve();
        },
      },
    });
    const ran: string[] = [];
    window.setTimeout(() => ran.push('page timer'), 0);
    await nextTaskOf(view)();
    ran.push('next turn');
    expect(ran).toEqual(['page timer', 'next turn']);
    expect(yielded).toBe(0);
  });
});
