import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  CHARS_PER_UNIT,
  CHUNK_CHARS,
  PageSerialiser,
  serialisePage,
  WHOLE_CHARS,
  WHOLE_ELEMENTS,
} from './serialise';

const parser = new new JSDOM('').window.DOMParser();

/** The tree `html` parses to, in one canonical spelling. */
function tree(html: string): string {
  const doc = parser.parseFromString(html, 'text/html');
  return (doc.doctype ? `<!DOCTYPE ${doc.doctype.name}>` : '') + doc.documentElement.outerHTML;
}

/** What serialisePage must give: the page as the browser writes it, code of scripts and style sheets left out. */
function expected(doc: Document): string {
  const copy = doc.cloneNode(true) as Document;
  for (const el of Array.from(copy.querySelectorAll('script, style'))) {
    if (!/^\s*application\/ld\+json\s*$/i.test(el.getAttribute('type') ?? '')) el.textContent = '';
  }
  return tree((copy.doctype ? `<!DOCTYPE ${copy.doctype.name}>` : '') + copy.documentElement.outerHTML);
}

const page = (body: string, head = '<title>T</title>') =>
  new JSDOM(`<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`).window.document;

describe('serialisePage', () => {
  it('writes a page that parses back to the same tree, code and style rules left out', () => {
    const doc = page(
      `<main class="a&amp;b" data-x='say "hi" &lt;now&gt;'><h1>Title &amp; more</h1>
       <p>Text with &lt;tags&gt;, &amp;, a\u00a0non-breaking space <b>bold <i>and</i> more</b> end.</p>
       <!-- a comment --><img src="a.jpg" alt="x &quot;y&quot;"><br>
       <ul><li>One</li><li>Two <a href="?a=1&amp;b=2">link</a></li></ul>
       <table><tbody><tr><td>cell</td></tr></tbody></table>
       <textarea>raw &lt;b&gt; text</textarea><noscript><p>no script</p></noscript>
       <template><p>in a template</p></template>
       <svg viewBox="0 0 1 1"><path d="M0 0"/><text>svg text</text></svg>
       <pre>  spaced\n  lines </pre></main>`,
      `<title>T &amp; U</title><style>.x { color: red }</style>
       <script>var secret = "</p>";</script>
       <script type="application/ld+json">{"headline": "A & B"}</script>`,
    );
    const html = serialisePage(doc);
    expect(tree(html)).toBe(expected(doc));
    expect(html).not.toContain('secret');
    expect(html).not.toContain('color: red');
    expect(html).toContain('{"headline": "A & B"}');
  });

  it('writes elements a script made that the parser could not (a p inside a p)', () => {
    const doc = page('<div><p>outer</p></div>');
    const inner = doc.createElement('p');
    inner.textContent = 'inner';
    doc.querySelector('p')?.append(inner);
    // The browser's own serialiser writes it the same way, and the parse splits it the same way.
    expect(tree(serialisePage(doc))).toBe(expected(doc));
  });

  it('hands out pieces of the asked size that join to the whole, in steps of a few nodes', () => {
    // Too many elements for one native call: the walk enters the section.
    const paragraphs = Array.from(
      { length: WHOLE_ELEMENTS },
      (_, i) => `<p>Paragraph ${i} <em>of</em> the story.</p>`,
    );
    const doc = page(`<article><section>${paragraphs.join('')}</section></article>`);
    const pieces: string[] = [];
    const serialiser = new PageSerialiser(doc, (piece) => pieces.push(piece), 500);
    let steps = 0;
    while (!serialiser.step(10)) steps++;
    expect(steps).toBeGreaterThan(100);
    expect(pieces.slice(0, -1).every((piece) => piece.length === 500)).toBe(true);
    expect(pieces.join('')).toBe(serialisePage(doc));
    expect(serialiser.total).toBe(pieces.join('').length);
  });

  it('writes a small subtree with nothing to leave out in one step, and enters one with a script', () => {
    const doc = page(
      '<main><div><p>a <b>b</b></p><p>c</p></div><div><p>d</p><script>x()</script></div></main>',
    );
    const pieces: string[] = [];
    const serialiser = new PageSerialiser(doc, (piece) => pieces.push(piece), 100_000);
    let steps = 0;
    while (!serialiser.step(1)) steps++;
    // head, title, its text… then main's first div whole; the second div, its p and its emptied script.
    expect(pieces.join('')).toContain('<div><p>d</p><script></script></div>');
    expect(steps).toBeLessThan(14);
  });

  it('ends cleanly when the page removes the part being written', () => {
    const doc = page(`<div id="a">${'<p>x <b>y</b></p>'.repeat(50)}</div><div id="b"><p>after</p></div>`);
    const pieces: string[] = [];
    const serialiser = new PageSerialiser(doc, (piece) => pieces.push(piece), 100_000);
    serialiser.step(20);
    doc.getElementById('a')?.remove();
    while (!serialiser.step(20)) {
      // Steps to the end.
    }
    expect(serialiser.done).toBe(true);
    // Whatever was written parses; the copy is checked by text where it is used (anchors.ts).
    expect(() => tree(pieces.join(''))).not.toThrow();
  });

  it('writes a page without a doctype or body', () => {
    const doc = new JSDOM('<html><head></head></html>').window.document;
    doc.body?.remove();
    expect(tree(serialisePage(doc))).toBe(expected(doc));
  });

  /** The characters each `step(budget)` wrote, in order, and the pieces joined. */
  function stepSizes(doc: Document, budget: number): { sizes: number[]; html: string } {
    const pieces: string[] = [];
    const serialiser = new PageSerialiser(doc, (piece) => pieces.push(piece), 1000);
    const sizes: number[] = [];
    let before = serialiser.total;
    let done = false;
    while (!done) {
      done = serialiser.step(budget);
      sizes.push(serialiser.total - before);
      before = serialiser.total;
    }
    return { sizes, html: pieces.join('') };
  }

  it('writes a subtree of few elements but megabytes of text over many steps, none past its budget', () => {
    // Three elements, half a million characters: one native call would write them all in one step.
    const words = 'council budget roads '.repeat(8_000);
    const doc = page(
      `<article><p>${words}</p><div><p>${words}<b>bold</b>${words}</p></div><p>end &amp;  </p></article>`,
    );
    const { sizes, html } = stepSizes(doc, 1);
    expect(tree(html)).toBe(expected(doc));
    expect(html).toBe(serialisePage(doc));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(CHUNK_CHARS);
    expect(sizes.length).toBeGreaterThan((3 * words.length) / CHUNK_CHARS);
  });

  it("copies a long article's text once, not once per wrapper it sits in, and writes it the same", () => {
    // A chain of wrappers, each with few elements but more text than WHOLE_CHARS: each is entered for its text.
    const paragraph = `<p>${'The council voted on the budget for the roads. '.repeat(40)}</p>`;
    const article = paragraph.repeat(Math.ceil((2 * WHOLE_CHARS) / paragraph.length));
    const doc = page(
      `<div><div><div><main><article><div>${article}</div></article></main></div></div></div>`,
    );
    const copied: number[] = [];
    const textContent = Object.getOwnPropertyDescriptor(doc.defaultView!.Node.prototype, 'textContent')!;
    Object.defineProperty(doc.defaultView!.Node.prototype, 'textContent', {
      ...textContent,
      get(this: Node) {
        const text = textContent.get!.call(this) as string;
        copied.push(text.length);
        return text;
      },
    });
    try {
      const { sizes, html } = stepSizes(doc, 10);
      expect(tree(html)).toBe(expected(doc));
      for (const size of sizes) expect(size).toBeLessThan(10 * CHARS_PER_UNIT + CHUNK_CHARS);
    } finally {
      Object.defineProperty(doc.defaultView!.Node.prototype, 'textContent', textContent);
    }
    // The page's text is copied once, at its root, to see it is over the limit; every wrapper below is only
    // counted, up to the limit, and each paragraph's own text is copied before it is written whole.
    const long = copied.filter((length) => length > WHOLE_CHARS);
    expect(long).toHaveLength(1);
  });

  it('writes a long attribute value and a long comment in chunks, escaped as a whole would be', () => {
    const value = 'a "quoted" & <tagged> value\u00a0'.repeat(5_000);
    const doc =
      page(`<main><img alt="x"><p data-long="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">text</p>
      <!--${'comment '.repeat(10_000)}--><p>${'&lt;&amp;\u00a0'.repeat(20_000)}</p></main>`);
    const { sizes, html } = stepSizes(doc, 1);
    expect(tree(html)).toBe(expected(doc));
    // Escaping writes at most 6 characters for one (\u00a0 as &nbsp;).
    expect(Math.max(...sizes)).toBeLessThanOrEqual(6 * CHUNK_CHARS);
  });

  it('keeps each step within its budget of nodes and characters, at any page size', () => {
    const paragraphs = Array.from(
      { length: 3 * WHOLE_ELEMENTS },
      (_, i) => `<p>Paragraph ${i} of the story.</p>`,
    );
    const big = `<section><p>${'x'.repeat(WHOLE_CHARS + 1)}</p></section>`;
    const doc = page(`<div><div><article>${paragraphs.join('\n')}${big}</article></div></div>`);
    for (const budget of [1, 10, 200]) {
      const { sizes, html } = stepSizes(doc, budget);
      expect(html).toBe(serialisePage(doc));
      // The budget, plus at most one write: a native call on a subtree within WHOLE_ELEMENTS and WHOLE_CHARS, or
      // a chunk of text.
      for (const size of sizes) expect(size).toBeLessThan(budget * CHARS_PER_UNIT + CHUNK_CHARS);
    }
  });
});
