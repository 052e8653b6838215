/**
 * The readerable gate, its fallback for pages that declare themselves articles, `force`, and the reader-visible
 * text rules, on small hand-made pages.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extract } from './extract';

// Short paragraphs (under the 140 characters isProbablyReaderable counts), as in wire copy and live pages.
const SHORT = [
  'Police in Berlin said a man was stabbed at a clinic on Tuesday evening.',
  'The victim was the son of a former German president, officials said.',
  'A suspect was arrested at the scene and is being questioned by police.',
  'The motive for the attack was not yet known, a spokesman told reporters.',
  'The clinic was closed on Wednesday while investigators worked inside.',
];

function page(
  head: string,
  body: string,
  url = 'https://news.example.com/2019/11/berlin-stabbing',
): Document {
  return new JSDOM(
    `<!doctype html><html lang="en"><head><title>Stabbing in Berlin</title>${head}</head>
    <body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>${body}
    <footer><a href="/about">About us</a> <a href="/terms">Terms of use</a></footer></body></html>`,
    { url },
  ).window.document;
}

const shortArticle = `<article><h1>Stabbing in Berlin</h1>${SHORT.map((p) => `<p>${p}</p>`).join('')}</article>`;

describe('the readerable gate', () => {
  it('refuses short-paragraph text that declares nothing', () => {
    const result = extract(page('', shortArticle));
    expect(!result.ok && result.reason).toBe('not-readerable');
  });

  it('takes the same article when the page declares it (og:type, itemprop articleBody, JSON-LD)', () => {
    for (const [head, body] of [
      ['<meta property="og:type" content="article">', shortArticle],
      ['', `<div itemprop="articleBody">${SHORT.map((p) => `<p>${p}</p>`).join('')}</div>`],
      [
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Stabbing in Berlin"}</script>',
        shortArticle,
      ],
    ] as const) {
      const result = extract(page(head, body));
      if (!result.ok) throw new Error(`${head}: ${result.detail}`);
      expect(result.article.paragraphs.map((p) => p.text)).toEqual(SHORT);
    }
  });

  it('still refuses list, search, home and error pages, even when they claim to be articles', () => {
    const og = '<meta property="og:type" content="article">';
    const teasers = Array.from(
      { length: 12 },
      (_, i) =>
        `<li><a href="/story/${i}">Story number ${i} about the council and the bridge budget</a></li>`,
    ).join('');
    const pages = [
      page(og, `<main><h1>Latest news</h1><ul>${teasers}</ul></main>`, 'https://news.example.com/'),
      page(
        og,
        `<main><h1>Search results for "bridge"</h1><ol>${teasers}</ol></main>`,
        'https://news.example.com/search?q=bridge',
      ),
      page(
        og,
        '<main><h1>Page not found</h1><p>Sorry, we could not find that page.</p></main>',
        'https://news.example.com/x',
      ),
      page(
        '<meta property="og:type" content="website">',
        `<main><ul>${teasers}</ul><p>${SHORT[0]}</p></main>`,
      ),
    ];
    for (const doc of pages) {
      const result = extract(doc);
      expect(!result.ok && result.reason, doc.URL).toBe('not-readerable');
    }
  });

  it('with force, skips the gate and extracts as well as it can', () => {
    const result = extract(page('', shortArticle), { force: true });
    if (!result.ok) throw new Error(result.detail);
    expect(result.article.paragraphs.map((p) => p.text)).toEqual(SHORT);
    expect(result.elements.every((el) => el?.localName === 'p')).toBe(true);
  });

  it('with force, still fails clearly on a page with no text', () => {
    const result = extract(new JSDOM('<!doctype html><body><img src="x.png"></body>').window.document, {
      force: true,
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe('no-content');
  });
});

describe('what a reader sees', () => {
  const LONG =
    'Rescue workers searched the rubble of the building through the night, and more than forty people were ' +
    'brought out alive by morning, according to the civil defence service, which said the search would go on.';

  it('keeps screen-reader-only prefixes, captions, hidden blocks and ad labels out of paragraphs', () => {
    const doc = page(
      '',
      `<article><h1>Stabbing in Berlin</h1>
        <p id="p1">${LONG}</p>
        <figure><img src="a.jpg"><figcaption><span class="visually-hidden">Image caption, </span>Workers in the rubble</figcaption>
          <span class="sr-only">Image source, EPA</span></figure>
        <div class="ad-slot"><p>Advertisement</p></div>
        <p id="p2" hidden>${LONG} Hidden copy.</p>
        <p id="p3" style="display:none">${LONG} Hidden too.</p>
        <p id="p4">${LONG} Second.</p>
        <p id="p5">${LONG} Third.</p></article>`,
    );
    const result = extract(doc);
    if (!result.ok) throw new Error(result.detail);
    const texts = result.article.paragraphs.map((p) => p.text);
    expect(texts).toEqual([LONG, `${LONG} Second.`, `${LONG} Third.`]);
    expect(result.elements.map((el) => el?.id)).toEqual(['p1', 'p4', 'p5']);
  });

  it('asks the isHidden hook about each block and leaves out what it says is hidden', () => {
    const body = `<article><h1>Stabbing in Berlin</h1><p id="p1">${LONG}</p><p id="p2">${LONG} Two.</p>
      <p id="p3">${LONG} Three.</p></article>`;
    const asked: string[] = [];
    const result = extract(page('', body), {
      isHidden: (el) => {
        asked.push(el.id);
        return el.id === 'p2';
      },
    });
    if (!result.ok) throw new Error(result.detail);
    expect(asked).toEqual(['p1', 'p2', 'p3']);
    expect(result.elements.map((el) => el?.id)).toEqual(['p1', 'p3']);
  });
});
