import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { AnchorResolver, anchorsOf } from './anchors';

const html = `<main><h1>Head <em>line</em></h1><script>var x = "not text";</script>
  <div><p>First <b>para</b>graph.</p><p>Second.</p></div><p><span>Only</span></p><p></p></main>`;

/** Resolves one text node per step; returns the resolver and how many steps it took. */
function resolve(doc: Document, anchors: ReturnType<typeof anchorsOf>): [AnchorResolver, number] {
  const resolver = new AnchorResolver(doc.body, anchors);
  let steps = 1;
  while (!resolver.step(1)) steps++;
  return [resolver, steps];
}

describe('anchors', () => {
  it('find the same elements in a re-parsed copy whose text nodes merged, walking in small steps', () => {
    const live = new JSDOM(`<body>${html}</body>`).window.document;
    // A page's scripts often leave adjacent and empty text nodes; serialising merges or drops them.
    const first = live.querySelector('p b')!;
    first.before(live.createTextNode(''), live.createTextNode(' '));
    const copy = new JSDOM(live.documentElement.outerHTML).window.document;
    const wanted = ['h1', 'p:nth-of-type(1)', 'div p:nth-of-type(2)', 'span'].map((s) =>
      copy.querySelector(s),
    );
    const anchors = anchorsOf(copy.body, [...wanted, null, copy.querySelector('p:empty')]);
    expect(anchors.at(-1)).toBeNull();
    expect(anchors.at(-2)).toBeNull();
    const [resolver, steps] = resolve(live, anchors);
    expect(steps).toBeGreaterThan(5);
    const found = wanted.map((_, i) => resolver.element(i));
    expect(found.map((el) => el?.textContent)).toEqual(['Head line', 'First  paragraph.', 'Second.', 'Only']);
    expect(found[0]).toBe(live.querySelector('h1'));
    expect(found[3]).toBe(live.querySelector('span'));
    expect(resolver.element(4)).toBeNull();
  });

  it('climbs to an element wider than its text (one child holding all of it)', () => {
    const doc = new JSDOM('<body><section><div><p>Alone</p></div></section></body>').window.document;
    const section = doc.querySelector('section')!;
    const [anchor] = anchorsOf(doc.body, [section]);
    expect(anchor).toEqual({ start: 0, end: 5, up: 3, keyLength: 5 });
    expect(resolve(doc, [anchor ?? null])[0].element(0)).toBe(section);
  });

  it('gives null past the end of the live text (the page lost text since)', () => {
    const doc = new JSDOM('<body><p>Short</p></body>').window.document;
    const resolver = new AnchorResolver(doc.body, [{ start: 100, end: 120, up: 0, keyLength: 20 }]);
    while (!resolver.step(10));
    expect(resolver.element(0)).toBeNull();
  });
});
