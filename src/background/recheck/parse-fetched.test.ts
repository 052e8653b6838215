import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseWith } from './parse-fetched';

const parser = new new JSDOM('').window.DOMParser();
const PARAGRAPHS = Array.from(
  { length: 8 },
  (_, i) =>
    `Paragraph ${i + 1} of the report describes what the council decided on Tuesday and why the decision matters to residents.`,
);

function page(extra: string): string {
  return `<!doctype html><html lang="en"><head><title>Council vote</title></head><body><main>
    <article><h1>Council vote</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article>
    ${extra}</main></body></html>`;
}

describe('parseWith', () => {
  it('reads a fetched page as a tab would, and anchored on the stored version leaves out boundary drift', () => {
    const drift =
      '<div><p>Most read: <a href="/a">Storm warning for the weekend across the whole country</a></p></div>';
    const plain = parseWith(parser, page(drift), 'https://news.test/council', null);
    const anchored = parseWith(parser, page(drift), 'https://news.test/council', PARAGRAPHS);
    expect(anchored.ok && anchored.article.paragraphs.map((p) => p.text)).toEqual(PARAGRAPHS);
    expect(plain.ok).toBe(true);
  });

  it('says why when the page is no article (a consent wall)', () => {
    const wall = '<html><body><div><button>Accept all</button></div></body></html>';
    expect(parseWith(parser, wall, 'https://news.test/council', PARAGRAPHS)).toMatchObject({ ok: false });
  });
});
