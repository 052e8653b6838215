import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { MAX_HTML_CHARS, ParseUnavailable, parseArticleHtml } from './parse-html';

const paragraphs = Array.from(
  { length: 8 },
  (_, i) =>
    `<p>Paragraph ${i} of the story tells what happened in the town on the day, in plenty of words.</p>`,
).join('');
const page = `<!doctype html><html><head><title>Story - Site</title><link rel="canonical" href="/story">
  </head><body><article><h1>Story</h1>${paragraphs}</article></body></html>`;
const parser = new new JSDOM('').window.DOMParser();

describe('parseArticleHtml', () => {
  it('extracts with the DOM parser at hand (Firefox background page), resolving addresses against the URL', async () => {
    const offscreen = vi.fn();
    const parsed = await parseArticleHtml(page, 'https://news.test/a/b?x=1', {}, { parser, offscreen });
    expect(offscreen).not.toHaveBeenCalled();
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.article.url).toBe('https://news.test/story');
    expect(parsed.article.paragraphs).toHaveLength(8);
    expect(parsed.anchors.every((a) => a !== null)).toBe(true);
    expect(parsed.titleAnchor).not.toBeNull();
  });

  it('asks the offscreen document where there is no DOM parser (Chromium service worker)', async () => {
    const offscreen = vi.fn(async () => ({
      ok: false as const,
      reason: 'not-readerable' as const,
      detail: 'x',
    }));
    const parsed = await parseArticleHtml(
      page,
      'https://news.test/a',
      { force: true },
      { parser: null, offscreen },
    );
    expect(offscreen).toHaveBeenCalledWith(page, 'https://news.test/a', { force: true });
    expect(parsed.ok).toBe(false);
  });

  it('refuses HTML too large for a runtime message, clearly, without parsing', async () => {
    const offscreen = vi.fn();
    const parsed = await parseArticleHtml(
      'x'.repeat(MAX_HTML_CHARS + 1),
      'https://news.test/a',
      {},
      { parser, offscreen },
    );
    expect(parsed).toMatchObject({ ok: false, reason: 'too-large' });
    expect(offscreen).not.toHaveBeenCalled();
  });

  it('rejects with ParseUnavailable when neither a DOM parser nor the offscreen API exists', async () => {
    await expect(
      parseArticleHtml(
        page,
        'https://news.test/a',
        {},
        { parser: null, offscreen: (await import('./offscreen')).parseOffscreen },
      ),
    ).rejects.toBeInstanceOf(ParseUnavailable);
  });
});
