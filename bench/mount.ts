/**
 * `npm run bench:mount`: time to mount the overlay on an article of N changed paragraphs in jsdom, for
 * N = 1,000 / 5,000 / 20,000 (issue 8: it must grow linearly); the article is bench/mountArticle.ts, in sections of
 * 50 paragraphs as in `npm run bench` (`--flat` for one list, which jsdom alone makes quadratic). Prints a
 * table; jsdom is slower than a browser, so compare the growth between sizes, not the absolute times
 * (bench/mount-browser.ts times the same in Chromium).
 */
import { timeMount } from './mountArticle';

const args = process.argv.slice(2);
const SIZES = (args.find((arg) => !arg.startsWith('--')) ?? '1000,5000,20000').split(',').map(Number);
const GROUP = args.includes('--flat') ? 0 : 50;

console.log(
  '| changed paragraphs | marks placed | first chunk (ms) | whole mount (ms) | longest chunk (ms) | chunks | ms per 1,000 |',
);
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const n of SIZES) {
  const { firstMs, wholeMs, chunks, marks } = await timeMount(n, GROUP);
  const row = [n, marks].map((v) => v.toLocaleString('en'));
  console.log(
    `| ${row.join(' | ')} | ${firstMs.toFixed(0)} | ${wholeMs.toFixed(0)} | ${Math.max(...chunks).toFixed(0)} | ${chunks.length} | ${((wholeMs / n) * 1000).toFixed(0)} |`,
  );
}
