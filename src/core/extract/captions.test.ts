import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { CAPTION_MARK, isMarkedCaption, markCaptions } from './captions';

function body(html: string): HTMLElement {
  return new JSDOM(`<body>${html}</body>`).window.document.body;
}

function marked(root: Element): string[] {
  return Array.from(root.querySelectorAll(`[${CAPTION_MARK}]`)).map((el) => el.textContent ?? '');
}

describe('markCaptions', () => {
  it('marks text in caption and credit containers, inline or around a bare <p>', () => {
    const root = body(`
      <div class="grid_cell_caption"><p class="source_via">Facebook</p></div>
      <p><span class="image-container"><span class="caption">The logo outside the office.</span></span></p>
      <figure><img src="a.jpg"><figcaption>Rescue workers at the scene</figcaption></figure>
      <div class="ImageCredit_x9"><p><a href="/p">Photo agency</a></p></div>
      <p>The council voted on Tuesday to approve the new budget.</p>`);
    expect(markCaptions(root).size).toBe(4);
    expect(marked(root)).toEqual([
      'Facebook',
      'The logo outside the office.',
      'Rescue workers at the scene',
      'Photo agency',
    ]);
  });

  it('does not mark an item whose class says it has no caption, nor text far below a caption-named wrapper', () => {
    const root = body(`
      <div class="item no_caption"><h2>The standfirst of the story</h2></div>
      <div class="has-captions"><main><article><section><div><p>Body text of the article.</p></div></section></article></main></div>`);
    expect(markCaptions(root).size).toBe(0);
  });

  it('knows caption text by identity after its container is gone, as when Readability collapses div.caption > p', () => {
    const root = body('<div class="photo-credit">Reuters</div><p>Body text.</p>');
    const known = markCaptions(root);
    const credit = root.querySelector('.photo-credit')!;
    const p = root.ownerDocument.createElement('p');
    p.append(...Array.from(credit.childNodes));
    credit.replaceWith(p);
    expect(isMarkedCaption([p.firstChild as Text], p, known)).toBe(true);
    expect(isMarkedCaption([p.firstChild as Text], p)).toBe(false);
  });

  it('keeps the mark through an HTML round trip, as when Readability retries on its cached HTML', () => {
    const root = body('<div class="photo-credit"><p>Reuters</p></div><p>Body text.</p>');
    markCaptions(root);
    const cached = root.innerHTML;
    root.innerHTML = cached;
    const paragraphs = Array.from(root.querySelectorAll('p'));
    expect(paragraphs.map((p) => isMarkedCaption([p.firstChild as Text], p))).toEqual([true, false]);
  });

  it('takes a block for a caption only when nearly all its text is caption text', () => {
    const root = body(`
      <p id="body"><span class="caption"><span>© Provided by Agency</span> Photo</span> Nintendo and Apple shocked
        the world earlier this year by announcing a new game for phones, the company's first such foray.</p>
      <div class="dnd-caption-wrapper">Put luggage on the floor</div>`);
    markCaptions(root);
    const texts = (el: Element): Text[] => {
      const walker = el.ownerDocument.createTreeWalker(el, 4);
      const out: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
      return out;
    };
    const paragraph = root.querySelector('#body')!;
    expect(isMarkedCaption(texts(paragraph), paragraph)).toBe(false);
    // Readability wraps the wrapper's loose text in a new <p>: the mark is one level up.
    const wrapper = root.querySelector('.dnd-caption-wrapper')!;
    const p = wrapper.ownerDocument.createElement('p');
    p.append(...Array.from(wrapper.childNodes));
    wrapper.append(p);
    expect(isMarkedCaption(texts(p), p)).toBe(true);
  });
});
