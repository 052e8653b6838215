/**
 * The real pages the extract/readability rows run on: the largest source.html files of the shared
 * readability-pages fixtures (where extraction cost shows) plus one of typical size.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { READABILITY_PAGES } from '../test/shared-fixtures';

export const PAGES_DIR = process.env.REDLINE_BENCH_PAGES ?? READABILITY_PAGES;
// The address Readability's own test suite gives its pages; relative links resolve against it.
const PAGE_URL = 'http://fakehost/test/page.html';

export interface PageFile {
  name: string;
  bytes: number;
}

function pageFiles(dir: string): PageFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      try {
        return [{ name: entry.name, bytes: statSync(join(dir, entry.name, 'source.html')).size }];
      } catch {
        return [];
      }
    });
}

/** The `largest` biggest pages, biggest first, then the page of median size. */
export function choosePages(pages: readonly PageFile[], largest: number): string[] {
  const bySize = [...pages].sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
  const chosen = bySize.slice(0, largest).map((page) => page.name);
  const typical = bySize[Math.floor(bySize.length / 2)];
  if (typical && !chosen.includes(typical.name)) chosen.push(typical.name);
  return chosen;
}

export function benchPages(largest = 4, dir = PAGES_DIR): { name: string; bytes: number }[] {
  const files = pageFiles(dir);
  const chosen = choosePages(files, largest);
  return chosen.map((name) => files.find((file) => file.name === name) as PageFile);
}

/** Parses a fixture page with jsdom (outside any timed part); close the window when done with it. */
export function loadPage(name: string, dir = PAGES_DIR): JSDOM {
  return new JSDOM(readFileSync(join(dir, name, 'source.html'), 'utf8'), {
    url: PAGE_URL,
    // A console nobody listens to: jsdom's "Could not parse CSS stylesheet" noise would split the progress lines.
    virtualConsole: new VirtualConsole(),
  });
}
