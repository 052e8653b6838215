/** docs/export-format.md must stay true: its example is a canonical file and its limits are the code's. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LIMITS } from './format';
import { mergeImport } from './mergeImport';
import { readImport } from './readImport';
import { serialize } from './serialize';
import { toExport } from './toExport';

const docPath = fileURLToPath(new URL('../../../docs/export-format.md', import.meta.url));
const markdown = readFileSync(docPath, 'utf8');

describe('docs/export-format.md', () => {
  it('shows an example that imports and re-exports to the same bytes', async () => {
    const example = /```json\n([\s\S]*?)\n```/.exec(markdown)?.[1];
    expect(example).toBeDefined();
    const text = `${example}\n`;
    const result = await readImport(text);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const written = mergeImport({ articles: [], versions: [], visits: [] }, result.doc);
    expect(serialize(toExport(written))).toBe(text);
  });

  it('states the limits the validator enforces', () => {
    const rows: [string, number][] = [
      ['whole file', LIMITS.fileChars],
      ['articles', LIMITS.articles],
      ['versions per article', LIMITS.versionsPerArticle],
      ['visits per article', LIMITS.visitsPerArticle],
      ['paragraphs per version', LIMITS.paragraphsPerVersion],
      ['characters in a paragraph', LIMITS.paragraphChars],
      ['characters in `url`', LIMITS.urlChars],
      ['characters in `site`', LIMITS.siteChars],
      ['characters in `title` (article and version)', LIMITS.titleChars],
      ['characters in `lang`', LIMITS.langChars],
      ['characters in `byline`', LIMITS.bylineChars],
      ['characters in `publishedTime`', LIMITS.publishedTimeChars],
    ];
    for (const [what, limit] of rows) {
      expect(markdown).toContain(`| ${what} | ${limit.toLocaleString('en-US')}`);
    }
    expect(markdown).toContain(`(up to ${LIMITS.errors}, then a count)`);
  });
});
