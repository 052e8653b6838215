// @vitest-environment jsdom
/**
 * A long article's mount: the changes on screen are planned and placed in the first task, the plan of the rest
 * is made in slices after it (issue 8: planning 22,000 jobs at once held the first task), and the bar, which
 * counts them all, follows once everything is planned.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AlignResult } from '../../core/model';
import { mountOverlay } from './index';

const N = 3_000;
const ROW = 30;

function longPage(): HTMLElement[] {
  document.body.innerHTML = '';
  const main = document.createElement('main');
  const paragraphs = Array.from({ length: N }, (_, i) => {
    const p = document.createElement('p');
    p.textContent = `Paragraph ${i} of the council report.`;
    // jsdom lays nothing out: paragraph i stands i rows down the page, the screen showing the first few.
    p.getBoundingClientRect = () => ({ top: i * ROW, bottom: (i + 1) * ROW }) as DOMRect;
    main.append(p);
    return p;
  });
  document.body.append(main);
  return paragraphs;
}

function everythingAdded(): AlignResult {
  return {
    title: { changed: false, old: 'T', new: 'T', words: [] },
    paragraphs: Array.from({ length: N }, (_, newIndex) => ({ kind: 'added' as const, newIndex })),
    removed: Array.from({ length: N / 10 }, (_, i) => ({ oldIndex: i, text: `Old ${i}`, before: i * 10 })),
    stats: { unchanged: 0, added: N, removed: N / 10, reworded: 0, moved: 0 },
    capped: false,
  };
}

const controller = new AbortController();
afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
});

describe('mounting a long article', () => {
  it('places the marks on screen first and plans the rest in later tasks, the bar once all is planned', async () => {
    const paragraphs = longPage();
    // A clock that moves 1 ms per read: every slice ends by its budget, as on a slow machine.
    let clock = 0;
    vi.spyOn(window.performance, 'now').mockImplementation(() => (clock += 1));
    mountOverlay(
      {
        doc: document,
        result: everythingAdded(),
        elements: paragraphs,
        titleElement: null,
        old: { title: 'T', paragraphs: [] },
        since: Date.now() - 3_600_000,
        sinceLabel: '1 hour ago',
        onDismiss: () => {},
      },
      controller.signal,
      true,
    );
    const screens = (3 * window.innerHeight) / ROW;
    // In the first task: the paragraphs on screen are marked, those far below are not, and nothing counts them.
    expect(paragraphs[0]?.getAttribute('data-redline')).toBe('added');
    expect(paragraphs.slice(screens + 10).some((p) => p.hasAttribute('data-redline'))).toBe(false);
    expect(document.querySelector('[data-redline-ui="bar"]')).toBeNull();

    await vi.waitFor(
      () => expect(paragraphs.every((p) => p.getAttribute('data-redline') === 'added')).toBe(true),
      {
        timeout: 20_000,
      },
    );
    expect(document.querySelectorAll('[data-redline="removed"]')).toHaveLength(N / 10);
    const bar = document.querySelector('[data-redline-ui="bar"]');
    expect(bar?.shadowRoot?.textContent).toContain('3,300 changes since 1 hour ago');
  });
});
