import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extract } from './extract';
import { matchKey } from './live-map';

const SENTENCE =
  'The council voted on Tuesday to approve the new budget, after a long debate about the cost of repairing ' +
  'the old bridge that carries most of the traffic into the town centre every single morning. ';

function article(
  extraHead = '',
  url = 'https://news.example.com/2024/05/bridge.html?utm_source=feed#c',
): Document {
  const html = `<!doctype html><html lang="en-GB"><head>
    <title>Council approves bridge budget - Example News</title>
    <meta property="og:title" content="Council approves bridge budget - Example News">
    <meta property="og:site_name" content="Example News">
    <meta property="article:published_time" content="2024-05-02T10:00:00+01:00">
    <meta name="author" content="Jane Doe">
    ${extraHead}
  </head><body>
    <header><a href="/">Example News</a><nav><a href="/a">Home</a> <a href="/b">World</a></nav></header>
    <article>
      <h1 id="headline">Council approves <em>bridge</em> budget</h1>
      <div class="story">
        <p id="p1">${SENTENCE}</p>
        <p id="p2">Abigail Williams<!-- --> and <!-- -->Beomsu Jo ${SENTENCE}</p>
        <h2 id="h2">What happens next</h2>
        <p id="p3">${SENTENCE}${SENTENCE}</p>
        <ul><li id="li1">First, the <b>contract</b> goes out to tender.</li><li id="li2">Then work starts.</li></ul>
        <blockquote id="q"><p id="qp">It is a good day for the town, said the mayor. ${SENTENCE}</p></blockquote>
        <div id="loose">${SENTENCE}<br>Second line of the same block.</div>
        <p id="p4">${SENTENCE}</p>
      </div>
    </article>
    <footer><p>Copyright Example News</p></footer>
  </body></html>`;
  return new JSDOM(html, { url }).window.document;
}

describe('extract', () => {
  it('extracts metadata, headline and block units', () => {
    const doc = article();
    const result = extract(doc);
    if (!result.ok) throw new Error(result.detail);
    const { article: a } = result;
    expect(a.url).toBe('https://news.example.com/2024/05/bridge.html');
    expect(a.title).toBe('Council approves bridge budget');
    expect(a.lang).toBe('en-GB');
    expect(a.byline).toBe('Jane Doe');
    expect(a.siteName).toBe('Example News');
    expect(a.publishedTime).toBe('2024-05-02T10:00:00+01:00');
    expect(a.paragraphs.map((p) => p.kind)).toEqual([
      'p',
      'p',
      'heading',
      'p',
      'li',
      'li',
      'quote',
      'p',
      'p',
    ]);
    expect(a.paragraphs[1]?.text).toBe(`Abigail Williams and Beomsu Jo ${SENTENCE.trim()}`);
    expect(a.paragraphs[4]?.text).toBe('First, the contract goes out to tender.');
    expect(a.paragraphs[7]?.text).toBe(`${SENTENCE.trim()} Second line of the same block.`);
  });

  it('maps every paragraph to the live element showing it, and the headline to the live <h1>', () => {
    const doc = article();
    const result = extract(doc);
    if (!result.ok) throw new Error(result.detail);
    expect(result.elements.map((el) => el?.id)).toEqual([
      'p1',
      'p2',
      'h2',
      'p3',
      'li1',
      'li2',
      'qp',
      'loose',
      'p4',
    ]);
    result.elements.forEach((el, i) => {
      expect(el?.ownerDocument).toBe(doc);
      expect(matchKey(el?.textContent ?? '')).toContain(matchKey(result.article.paragraphs[i]?.text ?? ''));
    });
    expect(result.titleElement).toBe(doc.getElementById('headline'));
  });

  it('drops a credit whose caption container Readability collapses into a bare <p>, as it drops a <figcaption>', () => {
    // Readability replaces a <div> holding only one <p> with that <p>, so the class saying "caption" is gone
    // from its output; the page's own tree still has it (buzzfeed-1's `sub_buzz_grid_cell_caption > p`).
    const html = `<!doctype html><html><head><title>Council approves bridge budget</title></head><body><article>
      <h1>Council approves bridge budget</h1>
      <p>${SENTENCE}</p>
      <div class="grid_cell"><img src="a.jpg"><div class="grid_cell_caption"><p class="source_via">Facebook</p></div></div>
      <div class="media"><div class="photo-caption-wrapper"><div><p><span>Put luggage on the floor</span></p></div></div></div>
      <figure><img src="b.jpg"><figcaption>Facebook</figcaption></figure>
      <p>${SENTENCE}${SENTENCE}</p>
      <div class="story-text"><p>Put luggage on the floor, said the inspector, and keep it off the bed. ${SENTENCE}</p></div>
    </article></body></html>`;
    const result = extract(new JSDOM(html, { url: 'https://news.example.com/a' }).window.document);
    if (!result.ok) throw new Error(result.detail);
    const texts = result.article.paragraphs.map((p) => p.text);
    expect(texts).not.toContain('Facebook');
    expect(texts).not.toContain('Put luggage on the floor');
    expect(texts).toHaveLength(3);
  });

  it('leaves the live document untouched', () => {
    const doc = article();
    const before = doc.documentElement.outerHTML;
    const firstText = doc.getElementById('p1')?.firstChild;
    expect(extract(doc).ok).toBe(true);
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(doc.getElementById('p1')?.firstChild).toBe(firstText);
  });

  it('uses the given url and a declared canonical', () => {
    const doc = article('<link rel="canonical" href="/2024/05/bridge.html">');
    const result = extract(doc, { url: 'https://mirror.example.org/x?fbclid=1' });
    expect(result.ok && result.article.url).toBe('https://news.example.com/2024/05/bridge.html');
    const plain = extract(article(), { url: 'https://mirror.example.org/x?fbclid=1&id=2' });
    expect(plain.ok && plain.article.url).toBe('https://mirror.example.org/x?id=2');
  });

  it('refuses a page that is not an article', () => {
    const doc = new JSDOM(
      '<!doctype html><body><nav><a href="/1">One</a><a href="/2">Two</a></nav><p>Welcome to our site.</p></body>',
      { url: 'https://example.com/' },
    ).window.document;
    const result = extract(doc);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe('not-readerable');
    expect(!result.ok && result.detail).toMatch(/article/);
  });

  it('takes what it can from a page the reader keeps anyway (force)', () => {
    const doc = new JSDOM(
      '<!doctype html><body><nav><a href="/1">One</a><a href="/2">Two</a></nav>' +
        '<main><p>Welcome to our site. Today the market opens at nine and closes at six.</p></main></body>',
      { url: 'https://example.com/' },
    ).window.document;
    expect(extract(doc).ok).toBe(false);
    const kept = extract(doc, { force: true });
    expect(kept.ok).toBe(true);
    expect(kept.ok && kept.article.paragraphs.map((p) => p.text).join(' ')).toContain('market opens at nine');
  });

  it('refuses a page with more text than maxChars', () => {
    const result = extract(article(), { maxChars: 1000 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe('too-large');
    expect(!result.ok && result.detail).toMatch(/over 1000/);
  });

  it('refuses a document that is not HTML', () => {
    const doc = new JSDOM('<?xml version="1.0"?><feed><title>x</title></feed>', {
      contentType: 'application/xml',
    }).window.document;
    const result = extract(doc);
    expect(!result.ok && result.reason).toBe('not-html');
  });
});
