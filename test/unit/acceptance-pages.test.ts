import { describe, expect, it } from 'vitest';
import { parseQuietly, withoutUnreadableStyles } from '../fixtures/pages/acceptance-pages';

// A Sass variable left in calc(): jsdom's resolveCalc throws on it where a browser drops the declaration.
const UNREADABLE =
  '<style>@media (min-width: 1px) { a { min-height: calc(($width - 16px) / 16 * 9) } }</style>';
const READABLE = '<style>p { color: red }</style>';

describe('parseQuietly', () => {
  it('parses a page whose style sheet jsdom cannot read, keeping every other sheet and all the text', () => {
    const html = `<html><head>${READABLE}${UNREADABLE}</head><body><p>Kept text.</p></body></html>`;
    const doc = parseQuietly(html, 'http://fakehost/p').window.document;
    expect(doc.querySelector('p')?.textContent).toBe('Kept text.');
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    expect(doc.querySelector('style')?.textContent).toBe('p { color: red }');
  });

  it('leaves a page with readable style sheets as it is', () => {
    const html = `<html><head>${READABLE}</head><body><p>x</p></body></html>`;
    expect(withoutUnreadableStyles(html)).toBe(html);
    expect(withoutUnreadableStyles(`${html}${UNREADABLE}`)).toBe(html);
  });
});
