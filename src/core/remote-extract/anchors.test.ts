import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { type Anchor, AnchorResolver, anchorsOf, PathResolver } from './anchors';

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
    expect(anchor).toEqual({ start: 0, end: 5, up: 3, keyLength: 5, path: '0:0' });
    expect(resolve(doc, [anchor ?? null])[0].element(0)).toBe(section);
  });

  it('gives null past the end of the live text (the page lost text since)', () => {
    const doc = new JSDOM('<body><p>Short</p></body>').window.document;
    const resolver = new AnchorResolver(doc.body, [{ start: 100, end: 120, up: 0, keyLength: 20 }]);
    while (!resolver.step(10));
    expect(resolver.element(0)).toBeNull();
  });

  it('write each path against the one before it, and follow them back to the same elements', () => {
    const body = '<div><section><p>One</p><p>Two</p></section><aside><p>Three</p></aside></div><p>Four</p>';
    const copy = new JSDOM(`<body>${body}</body>`).window.document;
    const live = new JSDOM(`<body>${body}</body>`).window.document;
    const picks = (doc: Document): (Element | null)[] => [
      ...Array.from(doc.querySelectorAll('p')),
      null,
      doc.querySelector('aside'),
      doc.body,
    ];
    const anchors = anchorsOf(copy.body, picks(copy));
    expect(anchors.map((a) => a?.path)).toEqual(['0:0.0.0', '2:1', '1:1.0', '0:1', undefined, '0:0.1', '0:']);
    const paths = new PathResolver(live.body);
    expect(anchors.map((a) => paths.follow(a))).toEqual(picks(live).map((el, i) => (i === 4 ? null : el)));
  });

  it('follow the wanted paths alone, the others skipped, to the same elements as following them all', () => {
    // A tree of varied depth and width, from a fixed seed, and every anchor's element or nothing.
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const tree = (depth: number): string =>
      Array.from({ length: 1 + random(4) }, (_, i) =>
        depth > 0 && random(3) > 0 ? `<div>${tree(depth - 1)}</div>` : `<p>Text ${depth} ${i}</p>`,
      ).join('');
    for (let round = 0; round < 20; round++) {
      const body = tree(5);
      const copy = new JSDOM(`<body>${body}</body>`).window.document;
      const live = new JSDOM(`<body>${body}</body>`).window.document;
      const picks = (doc: Document): Element[] => Array.from(doc.querySelectorAll('p, div'));
      const anchors = anchorsOf(copy.body, picks(copy));
      const all = new PathResolver(live.body);
      const expected = anchors.map((anchor) => all.follow(anchor));
      expect(expected).toEqual(picks(live));
      const some = new PathResolver(live.body);
      const wanted = anchors.map(() => random(3) === 0);
      const found = anchors.map((anchor, i) => {
        if (wanted[i]) return some.follow(anchor);
        some.skip(anchor);
        return null;
      });
      expect(found).toEqual(expected.map((element, i) => (wanted[i] ? element : null)));
    }
  });

  it('follow a path to nothing, not to a wrong level, where the live page has fewer elements', () => {
    const live = new JSDOM('<body><p>Only</p></body>').window.document;
    const paths = new PathResolver(live.body);
    const at = (path: string): Anchor => ({ start: 0, end: 1, up: 0, keyLength: 1, path });
    expect(paths.follow(at('0:3.1'))).toBeNull();
    // Relative to a path that led nowhere: still nowhere.
    expect(paths.follow(at('1:0'))).toBeNull();
    expect(paths.follow(at('0:0'))).toBe(live.querySelector('p'));
    // Malformed: more shared steps than the previous path has, or no separator.
    expect(paths.follow(at('5:0'))).toBeNull();
    expect(paths.follow(at('0'))).toBeNull();
    expect(paths.follow(at('0:x'))).toBeNull();
    expect(paths.follow({ start: 0, end: 1, up: 0, keyLength: 1 })).toBeNull();
  });
});
