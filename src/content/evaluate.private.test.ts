// @vitest-environment jsdom
// @vitest-environment-options { "url": "https://news.test/story" }
/**
 * The normal build (src/content/contract.ts): an evaluation that marks nothing writes nothing to the page, not
 * even the status (issue 9, item 2). The other evaluate tests run with the test build's readable contract.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Article } from '../core/model';
import { clearStatus, type EvaluateDeps, evaluatePage, setStatus } from './evaluate';
import { placed } from './extract-remote';

vi.mock('./contract', () => ({ READABLE_CONTRACT: false }));

const ARTICLE: Article = {
  url: 'https://news.test/story',
  title: 'Headline',
  lang: 'en',
  byline: null,
  siteName: null,
  publishedTime: null,
  paragraphs: [{ text: 'Only paragraph.', kind: 'p' }],
};

function deps(reply: 'captured' | 'unchanged' | 'skipped', incognito = false): EvaluateDeps {
  return {
    send: (async (type: string) => {
      if (type === 'site.check') return { capture: true };
      if (type === 'article.capture') {
        return reply === 'skipped' ? { status: 'skipped', reason: 'excluded' } : { status: reply, hash: 'h' };
      }
      throw new Error(`unexpected ${type}`);
    }) as EvaluateDeps['send'],
    extract: () => placed(ARTICLE, [document.querySelector('p')]),
    mountOverlay: () => {
      throw new Error('nothing to mount');
    },
    settle: async () => 'quiet',
    incognito,
  };
}

describe('evaluatePage in the normal build', () => {
  it.each([
    ['captured', false],
    ['unchanged', false],
    ['skipped', false],
    ['skipped', true],
  ] as const)('leaves a %s page (private window: %s) exactly as it was', async (reply, incognito) => {
    document.body.innerHTML = '<h1>Headline</h1><p>Only paragraph.</p>';
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((found) => records.push(...found));
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    clearStatus(document);
    const result = await evaluatePage(document, new AbortController().signal, deps(reply, incognito));
    expect(result.status).toBe(reply);
    records.push(...observer.takeRecords());
    observer.disconnect();
    expect(records).toEqual([]);
    expect(document.documentElement.getAttributeNames()).toEqual([]);
  });

  it('setStatus writes only with the readable contract', () => {
    setStatus(document, 'changed');
    expect(document.documentElement.hasAttribute('data-redline-status')).toBe(false);
    setStatus(document, 'changed', true);
    expect(document.documentElement.getAttribute('data-redline-status')).toBe('changed');
    clearStatus(document, true);
    expect(document.documentElement.hasAttribute('data-redline-status')).toBe(false);
  });
});
