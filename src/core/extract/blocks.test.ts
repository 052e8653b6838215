import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { splitBlocks } from './blocks';

function split(html: string) {
  const doc = new JSDOM(`<!doctype html><body><div id="root">${html}</div></body>`).window.document;
  return splitBlocks(doc.getElementById('root')!);
}

function summary(html: string): [string, string, string][] {
  return split(html).map((b) => [b.kind, b.element.localName, b.text]);
}

describe('splitBlocks', () => {
  it('yields paragraphs, headings, list items, quotes and pre in order', () => {
    expect(
      summary(`<h2>Sub  head</h2><p>One <em>two</em>\nthree.</p><ul><li>Item a</li><li>Item b</li></ul>
        <blockquote>Said so.</blockquote><pre>line 1
  line 2</pre>`),
    ).toEqual([
      ['heading', 'h2', 'Sub head'],
      ['p', 'p', 'One two three.'],
      ['li', 'li', 'Item a'],
      ['li', 'li', 'Item b'],
      ['quote', 'blockquote', 'Said so.'],
      ['pre', 'pre', 'line 1 line 2'],
    ]);
  });

  it('skips empty and whitespace-only blocks', () => {
    expect(
      summary('<p> </p><p>\u00a0</p><div>\n</div><p><img src="x.png"></p><p>Kept</p><p>\u200b</p>'),
    ).toEqual([['p', 'p', 'Kept']]);
  });

  it('splits a <li> holding <p>s into one unit per <p>, with its loose text as a unit of its own', () => {
    expect(summary('<ol><li>Intro <b>bold</b><p>First.</p><p>Second.</p>Tail</li></ol>')).toEqual([
      ['li', 'li', 'Intro bold'],
      ['li', 'p', 'First.'],
      ['li', 'p', 'Second.'],
      ['li', 'li', 'Tail'],
    ]);
  });

  it('marks every <p> of a <blockquote> as a quote', () => {
    expect(summary('<blockquote><p>A said.</p><p>B said.</p></blockquote>')).toEqual([
      ['quote', 'p', 'A said.'],
      ['quote', 'p', 'B said.'],
    ]);
  });

  it('keeps a <br> inside one unit and splits a <div> only at its child blocks', () => {
    expect(summary('<div>Line one<br>line two<br><br>line three<p>Block</p>after</div>')).toEqual([
      ['p', 'div', 'Line one line two line three'],
      ['p', 'p', 'Block'],
      ['p', 'div', 'after'],
    ]);
  });

  it('keeps figure captions as units of kind other and ignores media and scripts', () => {
    expect(
      summary(
        '<figure><img src="a.jpg"><figcaption>A <i>caption</i></figcaption></figure><script>var x = 1;</script><p>Text</p>',
      ),
    ).toEqual([
      ['other', 'figcaption', 'A caption'],
      ['p', 'p', 'Text'],
    ]);
  });

  it('treats a <pre> as one unit whatever it holds', () => {
    expect(summary('<pre><code>a()</code>\n<div>b()</div></pre>')).toEqual([['pre', 'pre', 'a() b()']]);
  });

  it('splits at a block nested inside an inline element', () => {
    expect(summary('<p>Before <a href="#"><div>inside</div></a> after</p>').map((b) => b[2])).toEqual([
      'Before',
      'inside',
      'after',
    ]);
  });

  it('keeps table cells apart', () => {
    expect(summary('<table><tr><td>Year</td><td>Sales</td></tr></table>')).toEqual([
      ['other', 'td', 'Year'],
      ['other', 'td', 'Sales'],
    ]);
  });

  it('records the text nodes each unit came from', () => {
    const [block] = split('<p>One <em>two</em> three</p>');
    expect(block?.nodes.map((n) => n.data)).toEqual(['One ', 'two', ' three']);
  });

  it('handles a deep nesting without recursion limits', () => {
    const doc = new JSDOM('<!doctype html><body></body>').window.document;
    let parent: Element = doc.body;
    for (let i = 0; i < 1000; i++) parent = parent.appendChild(doc.createElement('div'));
    parent.appendChild(doc.createElement('p')).textContent = 'Deep';
    expect(splitBlocks(doc.body).map((b) => b.text)).toEqual(['Deep']);
  });
});
