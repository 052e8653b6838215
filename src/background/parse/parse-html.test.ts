import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import {
  localEnv,
  MAX_HTML_CHARS,
  offscreenEnv,
  type ParseEnv,
  ParseUnavailable,
  parseArticleHtml,
  readPageHtml,
} from './parse-html';

const text = (i: number): string =>
  `Paragraph ${i} of the story tells what happened in the town on the day, in plenty of words.`;
const story = (n: number, extra = ''): string =>
  `<!doctype html><html><head><title>Story - Site</title><link rel="canonical" href="/story"></head><body>
  <article><h1>Story</h1>${Array.from({ length: n }, (_, i) => `<p>${text(i)}</p>`).join('')}</article>
  ${extra}</body></html>`;
const parser = new new JSDOM('').window.DOMParser();

describe('parseArticleHtml', () => {
  it('extracts with the DOM parser at hand (Firefox background page), resolving addresses against the URL', async () => {
    const parsed = await parseArticleHtml(story(8), 'https://news.test/a/b?x=1', {}, localEnv(parser));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.article.url).toBe('https://news.test/story');
    expect(parsed.article.paragraphs).toHaveLength(8);
    expect(parsed.anchors.every((a) => a !== null)).toBe(true);
    expect(parsed.titleAnchor).not.toBeNull();
    expect(parsed.session).toBeUndefined();
  });

  it('asks the offscreen document where there is no DOM parser (Chromium service worker)', async () => {
    const parse = vi.fn<ParseEnv['parse']>(async () => ({
      ok: false,
      reason: 'not-readerable',
      detail: 'x',
    }));
    const env: ParseEnv = { ...localEnv(parser), parse };
    const parsed = await parseArticleHtml(story(8), 'https://news.test/a', { force: true }, env);
    expect(parse).toHaveBeenCalledWith(story(8), 'https://news.test/a', { force: true }, false);
    expect(parsed.ok).toBe(false);
  });

  it('refuses HTML too large for a runtime message, clearly, without parsing', async () => {
    const parse = vi.fn<ParseEnv['parse']>();
    const parsed = await parseArticleHtml(
      'x'.repeat(MAX_HTML_CHARS + 1),
      'https://news.test/a',
      {},
      {
        ...localEnv(parser),
        parse,
      },
    );
    expect(parsed).toMatchObject({ ok: false, reason: 'too-large' });
    expect(parse).not.toHaveBeenCalled();
  });

  it('rejects with ParseUnavailable when there is no offscreen document API', async () => {
    await expect(parseArticleHtml(story(8), 'https://news.test/a', {}, offscreenEnv)).rejects.toBeInstanceOf(
      ParseUnavailable,
    );
  });
});

describe('readPageHtml', () => {
  it('anchors a revisit on the stored version where the page was parsed: a stored paragraph still shown is kept', async () => {
    // The stored version had a paragraph that Readability now leaves out of the article (it sits in an aside),
    // but the page still shows it: it is not a removed paragraph.
    const aside = 'A stored paragraph the page now shows beside the article, long enough to be a paragraph.';
    const page = story(8, `<aside><p>${aside}</p></aside>`);
    const previousFor = vi.fn(async () => [...Array.from({ length: 8 }, (_, i) => text(i)), aside]);
    const parsed = await readPageHtml(page, 'https://news.test/a', {}, previousFor, localEnv(parser));
    expect(previousFor).toHaveBeenCalledWith(expect.objectContaining({ url: 'https://news.test/story' }));
    expect(parsed).toMatchObject({ ok: true, anchored: true });
    if (!parsed.ok) return;
    expect(parsed.article.paragraphs.map((p) => p.text)).toContain(aside);
    expect(parsed.anchors).toHaveLength(parsed.article.paragraphs.length);
    expect(parsed.anchors.every((a) => a !== null)).toBe(true);
    expect(parsed.session).toBeUndefined();
  });

  it('answers anchored with nothing stored', async () => {
    const none = await readPageHtml(story(8), 'https://news.test/a', {}, async () => null, localEnv(parser));
    expect(none).toMatchObject({ ok: true, anchored: true });
  });

  it('parses again and anchors there when the copy was let go meanwhile', async () => {
    const aside = 'A stored paragraph the page now shows beside the article, long enough to be a paragraph.';
    const page = story(8, `<aside><p>${aside}</p></aside>`);
    const stored = [...Array.from({ length: 8 }, (_, i) => text(i)), aside];
    const env: ParseEnv = { ...localEnv(parser), restore: async () => null };
    const lost = await readPageHtml(page, 'https://news.test/a', {}, async () => stored, env);
    expect(lost).toMatchObject({ ok: true, anchored: true });
    if (!lost.ok) return;
    expect(lost.article.paragraphs.map((p) => p.text)).toContain(aside);
    expect(lost.session).toBeUndefined();
  });
});
