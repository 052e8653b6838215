/**
 * Acceptance: Redline's content pipeline (extract → align) on 49 real news pages, each edited twice with a
 * seeded newsroom: (a) a few paragraphs reworded, one deleted, one inserted, one moved INSIDE the article plus
 * timestamps/links/banner/ad changed OUTSIDE it; (b) the outside churn alone. The first visit is the page as
 * served. Thresholds (from the issue): recall of changed paragraphs ≥ 95 %, precision ≥ 95 %, label accuracy
 * ≥ 90 %, and not one mark for churn alone. The browser suite runs a subset of the same pages end to end.
 */
import { describe, expect, it } from 'vitest';
import { align } from '../../src/core/align';
import { extract, restoreDropped } from '../../src/core/extract';
import type { AlignResult, Article, Paragraph } from '../../src/core/model';
import {
  listPages,
  PAGE_COUNT,
  pageUrl,
  pageVersions,
  parseQuietly,
  READABILITY_PAGES_DIR,
} from '../fixtures/pages/acceptance-pages';
import { churnAroundArticle, editArticle, seededRandom } from '../fixtures/pages/article-edits';
import {
  type ObservedMarks,
  type PageScore,
  scoreMarks,
  type TotalScore,
  totalScore,
} from '../fixtures/pages/score-marks';

const PAGES = listPages();

/** As the content script reads a later visit: extract, then put back what the page still shows of `previous`. */
function extractHtml(html: string, url: string, previous: Article): Article | string {
  const { window } = parseQuietly(html, url);
  const found = extract(window.document, { url });
  const result = found.ok
    ? restoreDropped(
        found,
        previous.paragraphs.map((p) => p.text),
      )
    : found;
  window.close();
  return result.ok ? result.article : `${result.reason}: ${result.detail}`;
}

function observe(result: AlignResult, current: Article): ObservedMarks {
  const marked: ObservedMarks['marked'] = [];
  for (const change of result.paragraphs) {
    if (change.kind === 'unchanged') continue;
    marked.push({ text: current.paragraphs[change.newIndex]?.text ?? '', label: change.kind });
  }
  return { marked, removed: result.removed.map((r) => r.text), titleChanged: result.title.changed };
}

function compare(first: Article, html: string, url: string): { observed: ObservedMarks; error?: string } {
  const later = extractHtml(html, url, first);
  if (typeof later === 'string')
    return { observed: { marked: [], removed: [], titleChanged: false }, error: later };
  const toText = (a: Article) => ({ title: a.title, paragraphs: a.paragraphs.map((p) => p.text) });
  return { observed: observe(align(toText(first), toText(later)), later) };
}

interface Row {
  page: string;
  paragraphs: number;
  edited: PageScore | null;
  churnMarks: number;
  note: string;
}

const rows: Row[] = [];

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function printTable(total: TotalScore): void {
  const lines = rows.map((r) => {
    const e = r.edited;
    const cells = e
      ? `${e.found}/${e.truthChanges}`.padEnd(7) +
        `${e.correct}/${e.reported}`.padEnd(8) +
        `${e.rightLabel}/${e.found}`
      : 'not edited';
    return `${r.page.padEnd(30)}${String(r.paragraphs).padStart(5)}  ${cells.padEnd(24)}${String(r.churnMarks).padStart(6)}  ${r.note}`;
  });
  console.log(
    [
      `${'page'.padEnd(30)}paras  found  correct label   churn  notes`,
      ...lines,
      `TOTAL recall ${pct(total.recall)}  precision ${pct(total.precision)}  label accuracy ${pct(total.labelAccuracy)}  ` +
        `pages edited ${rows.filter((r) => r.edited).length}/${rows.length}`,
    ].join('\n'),
  );
}

/** A small article page: nav, ten body paragraphs of 12 words, a footer with a timestamp. */
function smallArticle(): { doc: Document; paragraphs: Paragraph[]; elements: Element[] } {
  const texts = Array.from(
    { length: 10 },
    (_, i) => `Paragraph ${i} tells readers what happened in the city council meeting on Monday evening.`,
  );
  const html = `<html><body><nav><a href="/a">Home page of the newspaper</a></nav><article><h1>Title</h1>${texts
    .map((t) => `<p>${t}</p>`)
    .join('')}</article><footer><time>10 May 2024</time></footer></body></html>`;
  const doc = parseQuietly(html, 'http://fakehost/small').window.document;
  const elements = [...doc.querySelectorAll('article p')];
  return { doc, paragraphs: texts.map((text) => ({ text, kind: 'p' })), elements };
}

describe('the acceptance edit generator and scorer', () => {
  it('replays the same edits from the same seed', () => {
    const a = smallArticle();
    const b = smallArticle();
    expect(editArticle({ ...a, seed: 42 })).toEqual(editArticle({ ...b, seed: 42 }));
    expect(a.doc.body.innerHTML).toBe(b.doc.body.innerHTML);
    expect(seededRandom(1)()).toBe(seededRandom(1)());
  });

  it('records exactly what it did to the article', () => {
    const { doc, paragraphs, elements } = smallArticle();
    const truth = editArticle({ doc, paragraphs, elements, seed: 7 });
    if (!truth) throw new Error('ten plain paragraphs are enough to edit');
    const now = [...doc.querySelectorAll('article p')].map((p) => p.textContent ?? '');
    expect(truth.removed).toHaveLength(1);
    expect(now).not.toContain(truth.removed[0]);
    expect(truth.added).toHaveLength(1);
    expect(now).toContain(truth.added[0]);
    expect(truth.reworded.length).toBeGreaterThanOrEqual(1);
    for (const r of truth.reworded) {
      expect(now).toContain(r.newText);
      expect(now).not.toContain(r.oldText);
    }
    expect(truth.moved).toHaveLength(1);
    const moved = truth.moved[0] ?? '';
    const kept = paragraphs.map((p) => p.text).filter((t) => now.includes(t));
    const keptNow = now.filter((t) => kept.includes(t));
    // The moved paragraph is the one whose removal restores the original order of the untouched paragraphs.
    expect(keptNow).not.toEqual(kept);
    expect(keptNow.filter((t) => t !== moved)).toEqual(kept.filter((t) => t !== moved));
  });

  it('refuses an article with fewer than four editable paragraphs', () => {
    const { doc, paragraphs, elements } = smallArticle();
    expect(editArticle({ doc, paragraphs: paragraphs.slice(0, 4), elements, seed: 1 })).toBeNull();
  });

  it('churns only outside the article', () => {
    const { doc, paragraphs, elements } = smallArticle();
    const before = doc.querySelector('article')?.innerHTML;
    const churn = churnAroundArticle({ doc, paragraphs, elements, seed: 3 });
    expect(doc.querySelector('article')?.innerHTML).toBe(before);
    expect(doc.querySelector('time')?.textContent).toMatch(/^Updated \d+ minutes ago$/);
    expect(churn).toEqual(expect.arrayContaining(['timestamp', 'link', 'banner', 'ad']));
  });

  it('scores found, correct and rightly labelled changes', () => {
    const truth = {
      reworded: [{ oldText: 'Old words here.', newText: 'New words here.' }],
      added: ['A new paragraph.'],
      removed: ['A cut paragraph.'],
      moved: ['A moved paragraph.'],
      churn: [],
    };
    const perfect = scoreMarks(truth, {
      marked: [
        { text: 'New words here.', label: 'reworded' },
        { text: 'A new paragraph.', label: 'added' },
        { text: 'A moved paragraph.', label: 'moved' },
      ],
      removed: ['A cut paragraph.'],
      titleChanged: false,
    });
    expect(perfect).toMatchObject({ truthChanges: 4, found: 4, rightLabel: 4, reported: 4, correct: 4 });

    const sloppy = scoreMarks(truth, {
      marked: [
        { text: 'New words here.', label: 'added' },
        { text: 'An untouched paragraph.', label: 'reworded' },
      ],
      removed: ['Old words here.'],
      titleChanged: true,
    });
    // The reworded paragraph shown as added + removed is found under the wrong label; the rest is missed or false.
    expect(sloppy).toMatchObject({ found: 1, rightLabel: 0, reported: 4, correct: 2 });
    expect(totalScore([perfect, sloppy])).toEqual({ recall: 5 / 8, precision: 6 / 8, labelAccuracy: 4 / 5 });
  });
});

describe('acceptance: seeded edits on real news pages (extract + align in jsdom)', () => {
  it('has the 49 pages to work on', () => {
    expect(PAGES.length, `pages under ${READABILITY_PAGES_DIR}`).toBe(PAGE_COUNT);
  });

  it.each(PAGES)('%s: churn alone marks nothing; edits are found', (page) => {
    const url = pageUrl(page);
    const versions = pageVersions(page, { keepStyles: false });
    if (!versions.ok) {
      rows.push({
        page,
        paragraphs: 0,
        edited: null,
        churnMarks: 0,
        note: `not extracted: ${versions.reason}`,
      });
      // Nothing stored on the first visit means nothing can be marked later: the product's "skipped".
      expect(versions.reason).toMatch(/not-readerable|no-content|too-large/);
      return;
    }
    const churnOnly = compare(versions.article, versions.churnOnly, url);
    const edited = versions.edited === null ? null : compare(versions.article, versions.edited, url);
    const churnMarks =
      churnOnly.observed.marked.length +
      churnOnly.observed.removed.length +
      (churnOnly.observed.titleChanged ? 1 : 0);
    const score = versions.truth && edited ? scoreMarks(versions.truth, edited.observed) : null;
    const notes = [
      churnOnly.error ? `churn page not extracted: ${churnOnly.error}` : '',
      edited?.error ? `edited page not extracted: ${edited.error}` : '',
      versions.truth ? '' : 'too few plain paragraphs to edit',
      ...(score?.notes ?? []),
      ...(churnMarks > 0 ? scoreMarks(null, churnOnly.observed).notes.map((n) => `churn: ${n}`) : []),
    ].filter((n) => n.length > 0);
    rows.push({
      page,
      paragraphs: versions.article.paragraphs.length,
      edited: score,
      churnMarks,
      note: notes.join('; '),
    });
    expect(churnOnly.error).toBeUndefined();
    expect(churnOnly.observed, `churn alone must mark nothing on ${page}`).toEqual({
      marked: [],
      removed: [],
      titleChanged: false,
    });
  });

  it('meets the thresholds over all pages', () => {
    const total = totalScore(rows.flatMap((r) => (r.edited ? [r.edited] : [])));
    printTable(total);
    expect(rows.filter((r) => r.edited).length).toBeGreaterThanOrEqual(40);
    expect(total.recall).toBeGreaterThanOrEqual(0.95);
    expect(total.precision).toBeGreaterThanOrEqual(0.95);
    expect(total.labelAccuracy).toBeGreaterThanOrEqual(0.9);
  });
});
