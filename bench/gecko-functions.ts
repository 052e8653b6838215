/**
 * `npx tsx bench/gecko-functions.ts FILE [--top=N]`: where Redline's time went in a Firefox profile kept by
 * `bench:jank --gecko-out=DIR`, as trace-visit says it for Chromium. Of the samples on a web content process's
 * main thread with the content script on the stack: the leaf frames (what ran: a content script function, or
 * the DOM or engine label Firefox put below it) and the innermost content script function, by samples.
 */
import { contentMainThreads, readGeckoProfile, type Table } from './gecko-profile';

const file = process.argv.find((a, i) => i > 1 && !a.startsWith('--'));
if (!file) throw new Error('usage: gecko-functions.ts FILE [--top=N]');
const TOP = Number(process.argv.find((a) => a.startsWith('--top='))?.slice('--top='.length) ?? 25);
const SCRIPT = '/content.js';

const leaf = new Map<string, number>();
const ours = new Map<string, number>();
let total = 0;
const count = (map: Map<string, number>, key: string): void => {
  map.set(key, (map.get(key) ?? 0) + 1);
};
/** "name (moz-extension://…/content.js:1:2345)" → "name content.js:1:2345". */
const short = (location: string): string => location.replace(/\s*\((?:[^()]*\/)?([^/()]+)\)$/, ' $1');

for (const { thread } of contentMainThreads(readGeckoProfile(file))) {
  const location = thread.frameTable.schema.location ?? 0;
  const prefix = thread.stackTable.schema.prefix ?? 0;
  const frame = thread.stackTable.schema.frame ?? 1;
  const stackOf = thread.samples.schema.stack ?? 0;
  const name = (f: number): string =>
    thread.stringTable[Number(thread.frameTable.data[f]?.[location])] ?? '?';
  for (const sample of thread.samples.data) {
    let stack = sample[stackOf];
    if (stack === null || stack === undefined) continue;
    const frames: string[] = [];
    while (stack !== null && stack !== undefined) {
      const row: Table['data'][number] | undefined = thread.stackTable.data[Number(stack)];
      if (!row) break;
      frames.push(name(Number(row[frame])));
      stack = row[prefix];
    }
    const innermost = frames.find((f) => f.includes(SCRIPT));
    if (innermost === undefined) continue;
    total++;
    count(leaf, short(frames[0] ?? '?'));
    count(ours, short(innermost));
  }
}

const print = (title: string, map: Map<string, number>): void => {
  console.log(title);
  for (const [key, n] of [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`  ${String(n).padStart(6)}  ${key.slice(0, 110)}`);
  }
};
console.log(`${total} samples with ${SCRIPT} on the stack`);
print('leaf frames (what ran):', leaf);
print('innermost content script function:', ours);
