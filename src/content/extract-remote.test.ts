import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { extract } from '../core/extract';
import { parseHtml } from '../core/remote-extract/parse';
import { extractRemote, type RemoteExtractDeps, type RemoteExtractStats, serialise } from './extract-remote';

const URL = 'https://news.test/story';
const paragraphs = Array.from(
  { length: 300 },
  (_, i) =>
    `<p>Paragraph ${i} of the story tells what happened in the town on the day, in plenty of words.</p>`,
).join('');
const page = `<!doctype html><html><head><title>Story</title></head><body><article><h1>Story</h1>${paragraphs}</article></body></html>`;

function deps(overrides: Partial<RemoteExtractDeps> = {}): RemoteExtractDeps {
  const parser = new new JSDOM('').window.DOMParser();
  return {
    parse: async (html, location, force) => parseHtml(parser, html, location, { force }),
    extractInPage: extract,
    nextTask: () => Promise.resolve(),
    now: () => performance.now(),
    ...overrides,
  };
}

describe('extractRemote', () => {
  it('maps the background’s paragraphs onto the live elements, yielding between slices', async () => {
    const doc = new JSDOM(page, { url: URL }).window.document;
    let clock = 0;
    const nextTask = vi.fn(() => Promise.resolve());
    const stats: RemoteExtractStats = { path: 'in-page', anchored: 0, searched: 0, unmapped: 0 };
    // Every clock read advances 1 ms, so an 8 ms slice ends many times over 300 paragraphs.
    const result = await extractRemote(doc, { url: URL }, deps({ nextTask, now: () => clock++ }), stats);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const live = Array.from(doc.querySelectorAll('p'));
    expect(result.elements).toEqual(live);
    expect(result.titleElement).toBe(doc.querySelector('h1'));
    expect(stats).toEqual({ path: 'remote', anchored: 300, searched: 0, unmapped: 0 });
    expect(nextTask.mock.calls.length).toBeGreaterThan(10);
  });

  it('finds a paragraph by its text when the page changed after it was serialised', async () => {
    const doc = new JSDOM(page, { url: URL }).window.document;
    const parser = new new JSDOM('').window.DOMParser();
    const stats: RemoteExtractStats = { path: 'in-page', anchored: 0, searched: 0, unmapped: 0 };
    const parse: RemoteExtractDeps['parse'] = async (html, location) => {
      const parsed = parseHtml(parser, html, location);
      // A banner lands above the article while the background reads it: every offset is now off.
      doc.body.prepend(doc.createElement('div'));
      doc.body.firstElementChild!.textContent = 'Breaking: something else entirely happened today';
      return parsed;
    };
    const result = await extractRemote(doc, { url: URL }, deps({ parse }), stats);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.elements).toEqual(Array.from(doc.querySelectorAll('p')));
    expect(stats.searched).toBeGreaterThan(0);
    expect(stats.unmapped).toBe(0);
  });

  it('reads the page itself when the background cannot parse (no offscreen document)', async () => {
    const doc = new JSDOM(page, { url: URL }).window.document;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const stats: RemoteExtractStats = { path: 'remote', anchored: 0, searched: 0, unmapped: 0 };
    const parse = vi.fn(async () => {
      throw Object.assign(new Error('No DOM parser here and no offscreen document API'), {
        name: 'ParseUnavailable',
      });
    });
    const result = await extractRemote(doc, { url: URL }, deps({ parse }), stats);
    expect(parse).toHaveBeenCalledOnce();
    expect(stats.path).toBe('in-page');
    expect(result).toEqual(extract(doc, { url: URL }));
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('passes a refusal through without reading the page again', async () => {
    const doc = new JSDOM(page, { url: URL }).window.document;
    const extractInPage = vi.fn(extract);
    const parse = vi.fn(async () => ({
      ok: false as const,
      reason: 'not-readerable' as const,
      detail: 'no',
    }));
    const result = await extractRemote(doc, { url: URL }, deps({ parse, extractInPage }));
    expect(result).toEqual({ ok: false, reason: 'not-readerable', detail: 'no' });
    expect(extractInPage).not.toHaveBeenCalled();
  });

  it('serialises the page with its doctype, once', () => {
    const doc = new JSDOM(page, { url: URL }).window.document;
    expect(serialise(doc).startsWith('<!DOCTYPE html><html>')).toBe(true);
  });
});
