/**
 * The content script's serialiser (core/remote-extract/serialise.ts) on all 230 public pages: what it writes
 * parses back to the tree the browser's own serialiser gives, with only the code of scripts and the rules of
 * style sheets left out.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { serialisePage } from '../../src/core/remote-extract/serialise';
import { allPages } from '../eval/change-eval';
import { prepareSource } from '../fixtures/pages/acceptance-pages';

const parser = new new JSDOM('').window.DOMParser();

function canonical(html: string): string {
  const doc = parser.parseFromString(html, 'text/html');
  return (doc.doctype ? `<!DOCTYPE ${doc.doctype.name}>` : '') + doc.documentElement.outerHTML;
}

/** The page as jsdom holds it; without its style sheets when jsdom's CSS parser throws on one (one page). */
function load(html: string, url: string): JSDOM {
  try {
    return new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  } catch {
    return new JSDOM(prepareSource(html, false), { url, virtualConsole: new VirtualConsole() });
  }
}

/** Where two strings first differ, with some context, for a readable failure. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}:\n  written: ${JSON.stringify(a.slice(i - 60, i + 60))}\n  browser: ${JSON.stringify(b.slice(i - 60, i + 60))}`;
}

describe('serialising the 230 public pages', () => {
  const totals = { pages: 0, native: 0, written: 0 };
  afterAll(() =>
    console.log(
      `serialised ${totals.pages} pages: ${(totals.written / 1e6).toFixed(1)} M characters, ` +
        `${((100 * totals.written) / totals.native).toFixed(0)} % of outerHTML's ${(totals.native / 1e6).toFixed(1)} M`,
    ),
  );

  it.each(allPages().map((page) => ({ id: page.id, page })))('$id', ({ page }) => {
    const dom = load(page.load(), page.url);
    const doc = dom.window.document;
    const whole = (): string =>
      (doc.doctype ? `<!DOCTYPE ${doc.doctype.name}>` : '') + doc.documentElement.outerHTML;
    const written = serialisePage(doc);
    totals.native += whole().length;
    // jsdom runs no scripts, so a noscript's content is elements here; the serialiser leaves it (and foreign
    // content) to the browser's own serialiser, whole.
    for (const el of Array.from(doc.querySelectorAll('script, style'))) {
      if (el.closest('noscript, svg, math')) continue;
      if (!/^\s*application\/ld\+json\s*$/i.test(el.getAttribute('type') ?? '')) el.textContent = '';
    }
    const [ours, browsers] = [canonical(written), canonical(whole())];
    dom.window.close();
    if (ours !== browsers) expect.fail(firstDifference(ours, browsers));
    totals.pages++;
    totals.written += written.length;
  });
});
