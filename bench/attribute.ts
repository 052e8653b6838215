/**
 * Which of a page's main-thread tasks are Redline's, for bench:jank and trace-visit. A DevTools trace names the
 * script of a task's first call, but a promise continuation runs as a microtask with no trace event naming its
 * script, so most of an async content script's later tasks would be missed; a sampling CPU profile taken at the
 * same time sees the content script on the stack in them.
 */
import type { Protocol } from 'puppeteer-core';

const CONTENT_SCRIPT = '/content.js';

/**
 * When the profiler caught the content script on the stack, in trace time. A promise continuation runs as a
 * microtask with no trace event naming its script, so the trace alone misses most of Redline's later tasks.
 */
export function ourSampleTimes(profile: Protocol.Profiler.Profile): number[] {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ours = new Map<number, boolean>();
  const isOursNode = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const up = parent.get(id);
    const value =
      (node?.callFrame.url.endsWith(CONTENT_SCRIPT) ?? false) || (up !== undefined && isOursNode(up));
    ours.set(id, value);
    return value;
  };
  const times: number[] = [];
  let t = profile.startTime;
  for (const [i, id] of (profile.samples ?? []).entries()) {
    t += profile.timeDeltas?.[i] ?? 0;
    if (isOursNode(id)) times.push(t);
  }
  return times;
}
