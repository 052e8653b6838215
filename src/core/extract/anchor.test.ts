// @vitest-environment jsdom
/**
 * Each false-mark class seen on real sites (issue 7), pinned with a small page of its own: the extraction of the
 * revisit is simulated by the blocks Readability took (listed by id), because which neighbours it takes in is
 * exactly what varies between visits. The comparison is the product's: anchor, then align with the stored text.
 */
import { describe, expect, it } from 'vitest';
import { align } from '../align';
import type { ExtractResult } from '../model';
import { displayText } from '../text';
import { anchorOnStored, hideLabelRemovals, isBoilerplate, isLabelText, linkShare } from './anchor';

type Extracted = Extract<ExtractResult, { ok: true }>;

const P = (n: number) => `Paragraph ${n} of the council story, with enough words to read as prose.`;

function page(html: string): void {
  document.body.innerHTML = html;
}

function byId(id: string): Element {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no #${id}`);
  return el;
}

/** What Readability took this time: these blocks, in this order, with their text as block splitting gives it. */
function took(...ids: string[]): Extracted {
  return {
    ok: true,
    article: {
      url: 'https://news.test/story',
      title: 'Council story',
      lang: 'en',
      byline: null,
      siteName: null,
      publishedTime: null,
      paragraphs: ids.map((id) => ({ text: displayText(byId(id).textContent ?? ''), kind: 'p' as const })),
    },
    elements: ids.map(byId),
    titleElement: null,
  };
}

/** The marks a reader would see: align the stored text with the anchored extraction. */
function marks(stored: readonly string[], now: Extracted) {
  const anchored = anchorOnStored(now, stored);
  const texts = anchored.article.paragraphs.map((p) => p.text);
  const result = align(
    { title: 'Council story', paragraphs: stored },
    { title: 'Council story', paragraphs: texts },
  );
  return {
    texts,
    added: result.paragraphs.filter((c) => c.kind === 'added').map((c) => texts[c.newIndex]),
    reworded: result.paragraphs.filter((c) => c.kind === 'reworded').map((c) => texts[c.newIndex]),
    removed: result.removed.map((r) => r.text),
  };
}

const BODY = `<p id="p1">${P(1)}</p><p id="p2">${P(2)}</p><p id="p3">${P(3)}</p><p id="p4">${P(4)}</p>`;
const STORED = [P(1), P(2), P(3), P(4)];

describe('anchorOnStored: boundary drift is not an addition', () => {
  it('leaves out a footer link list Readability took in this time', () => {
    page(`<main><article><div class="body">${BODY}</div></article></main>
      <div class="site-links"><ul>
        <li id="f1"><a href="/about">About us</a></li><li id="f2"><a href="/terms">Terms of use</a></li>
        <li id="f3"><a href="/jobs">Jobs</a></li><li id="f4"><a href="/privacy">Privacy &amp; Cookies</a></li>
      </ul></div>`);
    const result = marks(STORED, took('p1', 'p2', 'p3', 'p4', 'f1', 'f2', 'f3', 'f4'));
    expect(result).toMatchObject({ added: [], removed: [], reworded: [] });
    expect(result.texts).toEqual(STORED);
  });

  it('leaves out a promo box whose link changed, even inside the article between paragraphs', () => {
    page(`<article><div class="body"><p id="p1">${P(1)}</p><p id="p2">${P(2)}</p>
      <p id="promo"><strong>Read more:</strong> <a href="/x">Why the mayor quit the race after twelve years</a></p>
      <p id="p3">${P(3)}</p><p id="p4">${P(4)}</p></div></article>`);
    expect(marks(STORED, took('p1', 'p2', 'promo', 'p3', 'p4'))).toMatchObject({ added: [], removed: [] });
  });

  it('leaves out an ad slot label and a sponsored teaser', () => {
    page(`<article><div class="body"><p id="p1">${P(1)}</p><p id="p2">${P(2)}</p>
      <div id="ad">Advertisement</div><p id="p3">${P(3)}</p>
      <p id="sp">Sponsored · Five ways to save on your energy bill this winter</p><p id="p4">${P(4)}</p>
      </div></article>`);
    expect(marks(STORED, took('p1', 'p2', 'ad', 'p3', 'sp', 'p4'))).toMatchObject({ added: [], removed: [] });
  });

  it('leaves out a new block before the first matched paragraph in another parent (a byline box)', () => {
    page(`<article><div class="meta"><p id="by">By a staff reporter who covers the council and the city hall beat</p></div>
      <div class="body">${BODY}</div></article>`);
    expect(marks(STORED, took('by', 'p1', 'p2', 'p3', 'p4')).added).toEqual([]);
  });

  it('still marks a real new paragraph between matched ones, and one appended after the last', () => {
    const fresh = 'Officials confirmed on Tuesday evening that the vote had been postponed until spring.';
    const update = 'Update: the council has since said the meeting will be held in public next month.';
    page(`<article><div class="body"><p id="p1">${P(1)}</p><p id="p2">${P(2)}</p><p id="new">${fresh}</p>
      <p id="p3">${P(3)}</p><p id="p4">${P(4)}</p><p id="upd">${update}</p></div></article>`);
    expect(marks(STORED, took('p1', 'p2', 'new', 'p3', 'p4', 'upd')).added).toEqual([fresh, update]);
  });

  it('still shows a really deleted paragraph as removed', () => {
    page(`<article><div class="body"><p id="p1">${P(1)}</p><p id="p2">${P(2)}</p><p id="p4">${P(4)}</p>
      </div></article>`);
    expect(marks(STORED, took('p1', 'p2', 'p4')).removed).toEqual([P(3)]);
  });
});

describe('anchorOnStored: what the page still shows is not removed', () => {
  it('keeps a caption with a visually hidden prefix that was taken last time and dropped now', () => {
    const caption = 'Image caption, Crowds gathered outside the town hall on Monday';
    page(`<article><div class="body"><p id="p1">${P(1)}</p><figure><img alt="">
      <figcaption id="cap"><span class="ssrcss-1f39n02-VisuallyHidden">Image caption, </span>Crowds gathered outside the town hall on Monday</figcaption>
      </figure><p id="p2">${P(2)}</p><p id="p3">${P(3)}</p><p id="p4">${P(4)}</p></div></article>`);
    const stored = [P(1), caption, P(2), P(3), P(4)];
    const result = marks(stored, took('p1', 'p2', 'p3', 'p4'));
    expect(result).toMatchObject({ added: [], removed: [], reworded: [] });
    expect(result.texts).toEqual(stored);
  });

  it('reads a caption stored without its hidden prefix as the same caption when it comes back with it', () => {
    page(`<article><div class="body"><p id="p1">${P(1)}</p>
      <figcaption id="cap"><span class="sr-only">Image source, EPA </span>Firefighters at the scene</figcaption>
      <p id="p2">${P(2)}</p><p id="p3">${P(3)}</p><p id="p4">${P(4)}</p></div></article>`);
    const stored = [P(1), 'Firefighters at the scene', P(2), P(3), P(4)];
    expect(marks(stored, took('p1', 'cap', 'p2', 'p3', 'p4'))).toMatchObject({
      added: [],
      removed: [],
      reworded: [],
    });
  });

  it('finds a block taken last time and left out now anywhere on the page (the mirror case)', () => {
    const box = 'The council meets again on the first Monday of every month, in public.';
    page(`<article><div class="body">${BODY}</div></article><aside><p id="box">${box}</p></aside>`);
    const stored = [...STORED, box];
    expect(marks(stored, took('p1', 'p2', 'p3', 'p4'))).toMatchObject({ added: [], removed: [] });
  });

  it('shows no change for a redesign: the same text years later in a new template with datelines and prefixes', () => {
    const caption = 'The old bridge before its restoration';
    page(`<div id="app"><div class="Layout_main__x7f2a"><div class="StoryBody_wrap__91kd2">
      <p id="pub">Published 3 May 2019</p>
      <p id="p1">${P(1)}</p>
      <figure><figcaption id="cap"><span class="VisuallyHidden_a11y__0f">Image caption, </span>${caption}</figcaption></figure>
      <p id="p2">${P(2)}</p><p id="upd">Updated 4 May 2019, 10:32 BST</p><p id="p3">${P(3)}</p><p id="p4">${P(4)}</p>
      </div></div></div>`);
    const stored = [P(1), caption, P(2), P(3), P(4)];
    const result = marks(stored, took('pub', 'p1', 'cap', 'p2', 'upd', 'p3', 'p4'));
    expect(result).toMatchObject({ added: [], removed: [], reworded: [] });
    expect(result.texts).toEqual(stored);
  });
});

describe('boilerplate tests', () => {
  it('measures the share of text in links', () => {
    page(
      '<p id="a"><a href="/x">All of it</a></p><p id="b">Prose with <a href="/y">one link</a> in a long sentence.</p>',
    );
    expect(linkShare(byId('a'))).toBe(1);
    expect(linkShare(byId('b'))).toBeLessThan(0.5);
  });

  it('knows furniture, labels and datelines, and not prose', () => {
    page(`<nav><p id="n">Home</p></nav><p id="ad">Advertisement</p><p id="d">Updated 2 hours ago</p>
      <p id="prose">Published reports say the council will vote on Tuesday, officials said.</p>`);
    expect(isBoilerplate(byId('n'), 'Home')).toBe(true);
    expect(isBoilerplate(byId('ad'), 'Advertisement')).toBe(true);
    expect(isBoilerplate(byId('d'), 'Updated 2 hours ago')).toBe(true);
    expect(isBoilerplate(byId('prose'), byId('prose').textContent ?? '')).toBe(false);
  });

  it('knows ad labels in scripts without word edges, and not a sentence that starts with the word', () => {
    for (const label of [
      '広告',
      '广告',
      'Реклама',
      'Iklan',
      'Anzeige · Jetzt sparen',
      'إعلان',
      'Quảng cáo',
    ]) {
      expect(isLabelText(label), label).toBe(true);
    }
    expect(isLabelText('Iklania is a small village in the hills.')).toBe(false);
    expect(isLabelText('Advertisements for the new tower appeared overnight.')).toBe(false);
  });
});

describe('hideLabelRemovals', () => {
  it('does not show a stored dateline or ad label that left the page as removed, and keeps real removals', () => {
    const stored = [
      'First Published: Tuesday, November 19, 2019 08:38 AM',
      P(1),
      'Advertisement',
      P(2),
      P(3),
    ];
    const result = align({ title: 'T', paragraphs: stored }, { title: 'T', paragraphs: [P(1), P(3)] });
    expect(result.removed.map((r) => r.text)).toHaveLength(3);
    const shown = hideLabelRemovals(result);
    expect(shown.removed.map((r) => r.text)).toEqual([P(2)]);
    expect(shown.stats.removed).toBe(1);
  });
});
