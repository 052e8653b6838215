// @vitest-environment jsdom
/**
 * The overlay over a real edit (the BBC Aleppo article, before and after), aligned by the real `align`, on a
 * page with the inline markup and whitespace real pages have. Asserts the contract's invariants, not counts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { pageOwnText } from '../../../test/helpers/dom';
import { align } from '../../core/align';
import { mountOverlay } from './index';

interface Version {
  title: string;
  paragraphs: string[];
}

// test/fixtures/bbc-aleppo: the BBC article before and after its real edit, with a judged reference.
const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/bbc-aleppo');
const load = (name: string): Version => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

function buildPage(version: Version): { title: HTMLElement; paragraphs: HTMLElement[] } {
  document.body.innerHTML = '';
  const main = document.createElement('main');
  const title = document.createElement('h1');
  title.textContent = version.title;
  main.append(title);
  const paragraphs = version.paragraphs.map((text, i) => {
    const p = document.createElement('p');
    const words = text.split(' ');
    if (i % 2 === 1 && words.length > 4) {
      // A link in the middle and doubled spaces / nbsp, which the display form collapses.
      const link = document.createElement('a');
      link.href = '#';
      link.textContent = words.slice(2, 4).join(' ');
      p.append(`${words.slice(0, 2).join('  ')} `, link, `\u00a0${words.slice(4).join(' \n')}`);
    } else {
      p.textContent = text;
    }
    main.append(p);
    return p;
  });
  document.body.append(main);
  return { title, paragraphs };
}

describe('overlay on the BBC Aleppo edit', () => {
  it('marks every change, keeps the page text, and restores the page on abort', async () => {
    const v1 = load('v1.json');
    const v2 = load('v2.json');
    const page = buildPage(v2);
    const result = align(v1, v2);
    const before = document.documentElement.outerHTML;
    const ownTexts = page.paragraphs.map((p) => p.textContent);
    const controller = new AbortController();
    mountOverlay(
      {
        doc: document,
        result,
        elements: page.paragraphs,
        titleElement: page.title,
        old: v1,
        since: Date.now() - 3 * 3_600_000,
        onDismiss: () => {},
      },
      controller.signal,
    );
    // Marks are placed a chunk per task (chunks.ts); the last chunk sorts the bar's list in slices after it.
    const changed = result.paragraphs.filter((c) => c.kind !== 'unchanged').length;
    await vi.waitFor(() =>
      expect(
        document.querySelectorAll('[data-redline]:not([data-redline="removed"])').length,
      ).toBeGreaterThanOrEqual(changed),
    );

    for (const change of result.paragraphs) {
      const element = page.paragraphs[change.newIndex]!;
      if (change.kind === 'unchanged') expect(element.hasAttribute('data-redline')).toBe(false);
      else expect(element.getAttribute('data-redline')).toBe(change.kind);
      if (change.kind === 'reworded') {
        expect(element.hasAttribute('data-redline-moved')).toBe(change.moved);
        // Deleted words are struck in a "Was:" line after the paragraph, never inside the page's text; the
        // words were placed (no fallback to the whole old paragraph, which has no struck words).
        const next = element.nextElementSibling;
        expect(element.querySelector('del')).toBeNull();
        if (change.words.some((w) => w.op === 'delete' && w.text.trim() !== '')) {
          expect(next?.getAttribute('data-redline-old')).toBe('paragraph-text');
          expect(next?.querySelector('del[data-redline-old="words"]')).not.toBeNull();
        } else {
          expect(next?.getAttribute('data-redline-old')).not.toBe('paragraph-text');
        }
      }
    }
    const ghosts = document.querySelectorAll('[data-redline="removed"][data-redline-old]');
    expect(ghosts).toHaveLength(result.removed.length);
    expect(page.paragraphs.map((p) => pageOwnText(p))).toEqual(ownTexts);
    expect(page.title.getAttribute('data-redline')).toBe(result.title.changed ? 'reworded' : null);

    const bar = document.querySelector('[data-redline-ui="bar"]');
    const marked = result.paragraphs.filter((c) => c.kind !== 'unchanged').length;
    const total = marked + result.removed.length + (result.title.changed ? 1 : 0);
    expect(bar?.shadowRoot?.textContent).toContain(`${total} changes since 3 hours ago`);

    controller.abort();
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
