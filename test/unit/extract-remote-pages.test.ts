/**
 * Parsing off the page's thread gives what the in-page extraction gives, on the 49 real news pages of
 * Readability's test suite: each page is serialised and sent in pieces as the content script does, parsed and extracted in another
 * document (as the offscreen document / Firefox background page does), and mapped back by its anchors. The
 * article must be the same, and every paragraph and the headline must land on the very element the in-page
 * extraction maps it to.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { extractRemote, type RemoteExtractStats } from '../../src/content/extract-remote';
import { extract } from '../../src/core/extract/index';
import { parseHtml } from '../../src/core/remote-extract/parse';
import { uploadTo } from '../helpers/page-upload';
import { READABILITY_PAGES } from '../shared-fixtures';

const DEFAULT_URL = 'http://fakehost/test/page.html';

function pages(): { folder: string; url: string }[] {
  const lines = readFileSync(join(READABILITY_PAGES, 'INDEX.tsv'), 'utf8').trim().split('\n');
  return lines.slice(1).map((line) => {
    const folder = line.split('\t')[0] ?? '';
    const meta = JSON.parse(
      readFileSync(join(READABILITY_PAGES, folder, 'expected-metadata.json'), 'utf8'),
    ) as {
      url?: string;
    };
    return { folder, url: meta.url || DEFAULT_URL };
  });
}

const quiet = (html: string, url: string): JSDOM =>
  new JSDOM(html, { url, virtualConsole: new VirtualConsole() });

describe('extraction parsed elsewhere, mapped back by anchors (49 pages)', () => {
  const parser = new (quiet('', 'about:blank').window.DOMParser)();
  const totals = { paragraphs: 0, anchored: 0, byPath: 0, searched: 0, unmapped: 0 };

  afterAll(() => console.log('remote extraction over 49 pages:', totals));

  it.each(pages())(
    '$folder: same article, same live elements as the in-page extraction',
    async ({ folder, url }) => {
      const source = readFileSync(join(READABILITY_PAGES, folder, 'source.html'), 'utf8');
      const doc = quiet(source, url).window.document;
      const local = extract(doc, { url });
      const stats: RemoteExtractStats = { path: 'remote', anchored: 0, byPath: 0, searched: 0, unmapped: 0 };
      const remote = await extractRemote(
        doc,
        { url },
        {
          upload: uploadTo((html, location, force) => parseHtml(parser, html, location, { force })),
          nextTask: () => Promise.resolve(),
          now: () => performance.now(),
        },
        stats,
      );
      expect(remote.ok).toBe(local.ok);
      if (!local.ok || !remote.ok) return;
      expect(remote.article).toEqual(local.article);
      const placed = await remote.place();
      expect(placed.titleElement === local.titleElement, 'headline element').toBe(true);
      const differing = local.elements.flatMap((element, i) => (placed.elements[i] === element ? [] : [i]));
      expect(differing, 'paragraphs mapped to another element').toEqual([]);
      expect(stats.path).toBe('remote');
      totals.paragraphs += local.elements.length;
      totals.anchored += stats.anchored;
      totals.byPath += stats.byPath;
      totals.searched += stats.searched;
      totals.unmapped += stats.unmapped;
    },
  );
});
