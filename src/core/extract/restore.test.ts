// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import type { ExtractResult } from '../model';
import { restoreDropped } from './restore';

type Extracted = Extract<ExtractResult, { ok: true }>;

beforeEach(() => {
  document.body.innerHTML = `
    <main><article>
      <h1>Headline</h1>
      <div class="body">
        <p id="a">Alpha paragraph with words.</p>
        <p id="b">Beta\u00a0paragraph,  still here.</p>
        <div class="embed"><p id="fb1">Facebook</p></div>
        <p id="c">Gamma paragraph with words.</p>
        <div class="embed"><p id="fb2">Facebook</p></div>
        <p id="d">Delta paragraph with words.</p>
      </div>
    </article></main>
    <footer><p id="f">Footer line.</p></footer>`;
});

function byId(id: string): Element {
  const el = document.getElementById(id);
  if (!el) throw new Error(id);
  return el;
}

/** An extraction that found only the paragraphs with these ids. */
function extractedWith(...ids: string[]): Extracted {
  return {
    ok: true,
    article: {
      url: 'https://news.test/a',
      title: 'Headline',
      lang: 'en',
      byline: null,
      siteName: null,
      publishedTime: null,
      paragraphs: ids.map((id) => ({ text: byId(id).textContent ?? '', kind: 'p' as const })),
    },
    elements: ids.map(byId),
    titleElement: document.querySelector('h1'),
  };
}

describe('restoreDropped', () => {
  it('returns the extraction itself when nothing of the previous version is missing', () => {
    const found = extractedWith('a', 'c', 'd');
    expect(restoreDropped(found, ['Alpha paragraph with words.', 'Gamma paragraph with words.'])).toBe(found);
  });

  it('puts a paragraph the page still shows back at its place, mapped to its element', () => {
    const restored = restoreDropped(extractedWith('a', 'c', 'd'), [
      'Alpha paragraph with words.',
      // Stored in display form; the page has an nbsp and a double space: the same words.
      'Beta paragraph, still here.',
      'Gamma paragraph with words.',
    ]);
    expect(restored.article.paragraphs.map((p) => p.text)).toEqual([
      'Alpha paragraph with words.',
      'Beta paragraph, still here.',
      'Gamma paragraph with words.',
      'Delta paragraph with words.',
    ]);
    expect(restored.elements.map((el) => el?.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(restored.article.paragraphs[1]?.kind).toBe('p');
  });

  it('leaves out what is really gone, and finds what the page still shows outside the article', () => {
    // The boundary drifts between visits: a block taken in last time and still on the page is not removed.
    const restored = restoreDropped(extractedWith('a', 'c'), [
      'Alpha paragraph with words.',
      'A paragraph the newsroom deleted.',
      'Footer line.',
    ]);
    expect(restored.article.paragraphs.map((p) => p.text)).toEqual([
      'Alpha paragraph with words.',
      'Gamma paragraph with words.',
      'Footer line.',
    ]);
    expect(restored.elements.map((el) => el?.id)).toEqual(['a', 'c', 'f']);
  });

  it('counts repeated short lines, restoring the second copy only when it was stored twice', () => {
    const twice = restoreDropped(extractedWith('a', 'fb1', 'c', 'd'), ['Facebook', 'Facebook']);
    expect(twice.elements.map((el) => el?.id)).toEqual(['a', 'fb1', 'c', 'fb2', 'd']);
    const once = restoreDropped(extractedWith('a', 'fb1', 'c', 'd'), ['Facebook']);
    expect(once.elements.map((el) => el?.id)).toEqual(['a', 'fb1', 'c', 'd']);
  });

  it('appends a restored paragraph that follows every extracted one', () => {
    const restored = restoreDropped(extractedWith('a', 'b'), ['Delta paragraph with words.']);
    expect(restored.elements.map((el) => el?.id)).toEqual(['a', 'b', 'd']);
  });

  it('does nothing when no paragraph could be mapped to the page', () => {
    const found: Extracted = { ...extractedWith('a'), elements: [null] };
    expect(restoreDropped(found, ['Beta paragraph, still here.'])).toBe(found);
  });
});

describe('restoreDropped on a block that holds blocks', () => {
  it('finds a line the block holds itself, beside its child blocks (a picture wrapper with an "Enlarge" link)', () => {
    document.body.innerHTML = `<article><p id="a">Alpha paragraph with words.</p>
      <div id="wrap"><a href="#">Enlarge Image</a><div class="pic"><img alt=""><p id="credit">Photo: Agency</p></div></div>
      <p id="c">Gamma paragraph with words.</p></article>`;
    const restored = restoreDropped(extractedWith('a', 'c'), [
      'Alpha paragraph with words.',
      'Enlarge Image',
      'Photo: Agency',
      'Gamma paragraph with words.',
    ]);
    expect(restored.elements.map((el) => el?.id)).toEqual(['a', 'wrap', 'credit', 'c']);
    expect(restored.article.paragraphs.map((p) => p.text)).toEqual([
      'Alpha paragraph with words.',
      'Enlarge Image',
      'Photo: Agency',
      'Gamma paragraph with words.',
    ]);
  });
  it("keeps a block's own line after its child block when it follows it (a view count, then its word)", () => {
    // The outer block is found first (document order puts an element before what it holds), yet its own line
    // comes after the child's: restored as the page shows them, not swapped.
    document.body.innerHTML = `<article><div id="meta"><div id="count"><span>3.409</span></div><span> views</span></div>
      <p id="a">Alpha paragraph with words.</p><p id="c">Gamma paragraph with words.</p></article>`;
    const restored = restoreDropped(extractedWith('a', 'c'), [
      '3.409',
      'views',
      'Alpha paragraph with words.',
      'Gamma paragraph with words.',
    ]);
    expect(restored.article.paragraphs.map((p) => p.text)).toEqual([
      '3.409',
      'views',
      'Alpha paragraph with words.',
      'Gamma paragraph with words.',
    ]);
    expect(restored.elements.map((el) => el?.id)).toEqual(['count', 'meta', 'a', 'c']);
  });

  it('places a restored child block by where an extracted line of its parent begins', () => {
    // The parent's line after the child was extracted; the child, dropped this time, goes before it.
    document.body.innerHTML = `<article><p id="a">Alpha paragraph with words.</p>
      <div id="box"><p id="inner">A boxed line the reader still sees.</p>Its closing words, held by the box.</div>
      <p id="c">Gamma paragraph with words.</p></article>`;
    const found = extractedWith('a', 'c');
    const withBoxLine: Extracted = {
      ...found,
      article: {
        ...found.article,
        paragraphs: [
          found.article.paragraphs[0]!,
          { text: 'Its closing words, held by the box.', kind: 'p' },
          found.article.paragraphs[1]!,
        ],
      },
      elements: [byId('a'), byId('box'), byId('c')],
    };
    const restored = restoreDropped(withBoxLine, [
      'Alpha paragraph with words.',
      'A boxed line the reader still sees.',
      'Its closing words, held by the box.',
      'Gamma paragraph with words.',
    ]);
    expect(restored.article.paragraphs.map((p) => p.text)).toEqual([
      'Alpha paragraph with words.',
      'A boxed line the reader still sees.',
      'Its closing words, held by the box.',
      'Gamma paragraph with words.',
    ]);
    expect(restored.elements.map((el) => el?.id)).toEqual(['a', 'inner', 'box', 'c']);
  });
});

describe('restoreDropped on a line the page shows twice', () => {
  beforeEach(() => {
    // A review's score, shown once in a teaser card above the article and once in the article's score box.
    document.body.innerHTML = `<div class="card"><div id="thumb">87</div></div>
      <article><p id="a">Alpha paragraph with words.</p><div id="score">87</div>
      <p id="c">Gamma paragraph with words.</p><p id="d">Delta paragraph with words.</p></article>
      <div class="card"><div id="late">87</div></div>`;
  });

  it('takes the copy that stands at the stored place, not the first on the page', () => {
    const stored = ['Alpha paragraph with words.', '87', 'Gamma paragraph with words.'];
    const restored = restoreDropped(extractedWith('a', 'c', 'd'), stored);
    expect(restored.elements.map((el) => el?.id)).toEqual(['a', 'score', 'c', 'd']);
  });

  it('before the first extracted paragraph, takes the copy just before it', () => {
    const restored = restoreDropped(extractedWith('c', 'd'), [
      'Gamma paragraph with words.',
      '87',
      'Delta paragraph with words.',
    ]);
    // Stored between Gamma and Delta, the page has no copy there: the first after Gamma is taken.
    expect(restored.elements.map((el) => el?.id)).toEqual(['c', 'd', 'late']);
    const first = restoreDropped(extractedWith('c', 'd'), ['87', 'Gamma paragraph with words.']);
    expect(first.elements.map((el) => el?.id)).toEqual(['score', 'c', 'd']);
  });

  it('takes the first copy on the page when the stored place has none after it (the line moved up)', () => {
    const restored = restoreDropped(extractedWith('a', 'c', 'd'), [
      'Delta paragraph with words.',
      'Gamma paragraph with words.',
      '87',
    ]);
    expect(restored.elements.map((el) => el?.id)).toEqual(['a', 'c', 'd', 'late']);
    document.getElementById('late')?.remove();
    const up = restoreDropped(extractedWith('a', 'c', 'd'), ['Delta paragraph with words.', '87']);
    expect(up.elements.map((el) => el?.id)).toEqual(['thumb', 'a', 'c', 'd']);
  });
});

describe('restoreDropped on headings', () => {
  it('finds a paragraph stored from an <h1> that is not the headline (a slideshow caption)', () => {
    document.body.innerHTML = `<main><h1 id="title">Headline</h1><p id="a">Alpha paragraph with words.</p>
      <div class="slide"><h1 id="slide">The rocket on its launch pad before the flight</h1></div>
      <p id="c">Gamma paragraph with words.</p></main>`;
    const restored = restoreDropped(extractedWith('a', 'c'), [
      'Alpha paragraph with words.',
      'The rocket on its launch pad before the flight',
      'Gamma paragraph with words.',
    ]);
    expect(restored.elements.map((el) => el?.id)).toEqual(['a', 'slide', 'c']);
  });
});
