/**
 * Reads Redline's marks off a live page, per the product contract: the page's own blocks carry
 * `data-redline` (+ `data-redline-moved`), removed paragraphs are inserted `[data-redline="removed"]` elements,
 * old text sits in `[data-redline-old]` elements and all other inserted UI in `[data-redline-ui]` ones.
 */
import type { Page } from 'puppeteer-core';

export interface MarkedBlock {
  /** The block's own text: inserted old words and UI labels left out, whitespace collapsed. */
  text: string;
  /** Its `data-redline` value, or null when unmarked. */
  mark: string | null;
  moved: boolean;
}

export interface PageMarks {
  /** The page's own blocks (`blockSelector`), in document order, inserted elements excluded. */
  blocks: MarkedBlock[];
  /** Text of each `[data-redline="removed"]` element, UI labels left out, in document order. */
  removed: string[];
  /** Whether each removed element also carries `data-redline-old`, as the contract requires. */
  removedHaveOld: boolean[];
  /** `data-redline` of the first <h1>. */
  headlineMark: string | null;
  /** Every element with a `data-redline` attribute, anywhere (removed ghosts included). */
  markedCount: number;
  /** The page's text with everything Redline inserted left out; compare with `servedPageText`. */
  pageText: string;
}

/**
 * Collect the marks on `page`. `blockSelector` picks the page's own blocks to report (e.g. `article p`).
 * Runs inside the page, so it must not close over anything.
 */
export async function readMarks(page: Page, blockSelector = 'article p'): Promise<PageMarks> {
  return page.evaluate((selector: string) => {
    const INSERTED = '[data-redline-old], [data-redline-ui]';
    const ownText = (el: Element): string => {
      const copy = el.cloneNode(true) as Element;
      for (const inserted of copy.querySelectorAll(INSERTED)) inserted.remove();
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    };
    const removedEls = [...document.querySelectorAll('[data-redline="removed"]')];
    const body = document.body.cloneNode(true) as Element;
    for (const inserted of body.querySelectorAll(`${INSERTED}, [data-redline="removed"]`)) inserted.remove();
    return {
      blocks: [...document.querySelectorAll(selector)]
        .filter((el) => !el.matches(INSERTED) && !el.closest(`${INSERTED}, [data-redline="removed"]`))
        .map((el) => ({
          text: ownText(el),
          mark: el.getAttribute('data-redline'),
          moved: el.hasAttribute('data-redline-moved'),
        })),
      removed: removedEls.map((el) => {
        const copy = el.cloneNode(true) as Element;
        for (const ui of copy.querySelectorAll('[data-redline-ui]')) ui.remove();
        return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
      }),
      removedHaveOld: removedEls.map((el) => el.hasAttribute('data-redline-old')),
      headlineMark: document.querySelector('h1')?.getAttribute('data-redline') ?? null,
      markedCount: document.querySelectorAll('[data-redline]').length,
      pageText: (body.textContent ?? '').replace(/\s+/g, ' ').trim(),
    };
  }, blockSelector);
}

/**
 * The text of the page as the server sends it now (fetched and parsed in the page, never rendered), in the same
 * form as `PageMarks.pageText`: equal to it when Redline left the page's own text alone.
 */
export async function servedPageText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const html = await (await fetch(location.href, { cache: 'no-store' })).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

/**
 * Every mark on the page, for pages whose structure the test does not know (the acceptance pages): each
 * `[data-redline]` element of the page's own with its text and label, and the text of each removed ghost.
 */
export async function readAllMarks(
  page: Page,
): Promise<{ marked: { text: string; label: string }[]; removed: string[] }> {
  return page.evaluate(() => {
    const INSERTED = '[data-redline-old], [data-redline-ui]';
    const text = (el: Element, drop: string): string => {
      const copy = el.cloneNode(true) as Element;
      for (const inserted of copy.querySelectorAll(drop)) inserted.remove();
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    };
    const all = [...document.querySelectorAll('[data-redline]')];
    return {
      marked: all
        .filter((el) => el.getAttribute('data-redline') !== 'removed' && !el.matches(INSERTED))
        .map((el) => ({ text: text(el, INSERTED), label: el.getAttribute('data-redline') ?? '' })),
      removed: all
        .filter((el) => el.getAttribute('data-redline') === 'removed')
        .map((el) => text(el, '[data-redline-ui]')),
    };
  });
}
