// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { MIN_CHUNK, runInChunks, visibleFirst } from './chunks';

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
      { element: far, id: 'far-1' },
      { element: near, id: 'near-1' },
      { element: far, id: 'far-2' },
      { element: farther, id: 'farther' },
      { element: near, id: 'near-2' },
    ];
    expect(visibleFirst(jobs, window).map((job) => job.id)).toEqual([
      'near-1',
      'near-2',
      'far-1',
      'far-2',
      'farther',
    ]);
  });
});
