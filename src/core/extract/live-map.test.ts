import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { type Block, splitBlocks } from './blocks';
import { LiveMapper, matchKey, pairTextNodes } from './live-map';

function setup(body: string) {
  const doc = new JSDOM(`<!doctype html><body>${body}</body>`).window.document;
  const clone = doc.cloneNode(true) as Document;
  const pairs = pairTextNodes(doc.body, clone.body);
  return { doc, clone, pairs, mapper: new LiveMapper(pairs, doc.body) };
}

describe('pairTextNodes', () => {
  it('pairs every clone text node with its live original', () => {
    const { doc, clone, pairs } = setup('<p>One <b>two</b></p><div>three</div>');
    const cloneP = clone.querySelector('p')!;
    expect(pairs.get(cloneP.firstChild!)).toBe(doc.querySelector('p')!.firstChild);
    expect(pairs.get(clone.querySelector('b')!.firstChild!)).toBe(doc.querySelector('b')!.firstChild);
    expect(pairs.get(clone.querySelector('div')!.firstChild!)).toBe(doc.querySelector('div')!.firstChild);
  });

  it('removes comments from the clone only', () => {
    const { doc, clone } = setup('<p>Abigail<!-- --> and <!-- -->Beomsu</p>');
    expect(clone.querySelector('p')!.childNodes).toHaveLength(3);
    expect(doc.querySelector('p')!.childNodes).toHaveLength(5);
  });

  it('skips script contents', () => {
    const { clone, pairs } = setup('<script>var a = 1;</script><p>x</p>');
    expect(pairs.has(clone.querySelector('script')!.firstChild!)).toBe(false);
    expect(pairs.size).toBe(1);
  });
});

describe('LiveMapper', () => {
  it('maps a re-tagged block to the live element through its text nodes', () => {
    const { doc, clone, mapper } = setup('<div id="a">Alpha <span>beta</span></div><div id="b">Gamma</div>');
    // What Readability does: a new <p> takes over the original children.
    const div = clone.getElementById('a')!;
    const p = clone.createElement('p');
    while (div.firstChild) p.appendChild(div.firstChild);
    div.replaceWith(p);
    const [block] = splitBlocks(p);
    expect(mapper.map(block!)).toBe(doc.getElementById('a'));
    expect(mapper.stats.identity).toBe(1);
  });

  it('maps the loose text of a container to the container', () => {
    const { doc, clone, mapper } = setup('<div id="c">Loose text<p>Para</p></div>');
    const blocks = splitBlocks(clone.getElementById('c')!);
    expect(blocks.map((b) => mapper.map(b))).toEqual([doc.getElementById('c'), doc.querySelector('p')]);
  });

  it('finds text whose nodes were recreated by searching the live text, in order', () => {
    const { doc, mapper } = setup('<p id="1">Same words.</p><p id="2">Other.</p><p id="3">Same  words.</p>');
    const detached = new JSDOM('<p>Same words.</p><p>Same words.</p>').window.document.body;
    const [first, second] = splitBlocks(detached);
    expect(mapper.map(first!)).toBe(doc.getElementById('1'));
    expect(mapper.map(second!)).toBe(doc.getElementById('3'));
    expect(mapper.stats.search).toBe(2);
  });

  it('falls back to the search when the identity match fails verification', () => {
    const { doc, clone, mapper } = setup('<p id="x">Original text</p><p id="y">Edited text</p>');
    const node = clone.getElementById('x')!.firstChild as Text;
    const block: Block = {
      text: 'Edited text',
      kind: 'p',
      element: clone.getElementById('x')!,
      nodes: [node],
    };
    expect(mapper.map(block)).toBe(doc.getElementById('y'));
  });

  it('returns null for text that is not on the live page', () => {
    const { mapper, clone } = setup('<p>Here</p>');
    const block: Block = { text: 'Not here', kind: 'p', element: clone.body, nodes: [] };
    expect(mapper.map(block)).toBeNull();
    expect(mapper.stats.none).toBe(1);
  });

  it('matches across node boundaries, <br>s and typographic variants', () => {
    const { doc, mapper } = setup('<p id="q">“Quote”<br>—<i>said</i>\u00a0she</p>');
    const [block] = splitBlocks(new JSDOM('<p>"Quote" - said she</p>').window.document.body);
    expect(mapper.map(block!)).toBe(doc.getElementById('q'));
  });
});

describe('matchKey', () => {
  it('erases whitespace and what compareText erases', () => {
    expect(matchKey(' “A”  b\u00ad c… ')).toBe('"A"bc...');
  });
});
