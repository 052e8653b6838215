import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { isHiddenByMarkup, removeHidden } from './hidden';

function body(html: string): HTMLElement {
  return new JSDOM(`<body>${html}</body>`).window.document.body;
}

describe('hidden text', () => {
  it('recognises the hidden attribute, hiding inline styles and aria-hidden decorations', () => {
    const b = body(`
      <p id="a" hidden>x</p>
      <p id="b" style="color: red; display: none">x</p>
      <p id="c" style="visibility:hidden !important">x</p>
      <span id="d" aria-hidden="true">★</span>
      <p id="e" style="display: block">x</p>
      <p id="f" class="hidden-xs">x</p>`);
    const hidden = (id: string) => isHiddenByMarkup(b.querySelector(`#${id}`) as Element);
    expect(['a', 'b', 'c', 'd'].map(hidden)).toEqual([true, true, true, true]);
    expect(['e', 'f'].map(hidden)).toEqual([false, false]);
  });

  it('recognises screen-reader-only classes, css-in-js spellings and the clip pattern', () => {
    const b = body(`
      <span id="a" class="sr-only">x</span>
      <span id="b" class="visually-hidden">x</span>
      <span id="c" class="ssrcss-1f39n02-VisuallyHidden e16en2lz0">x</span>
      <span id="d" class="screen-reader-text">x</span>
      <span id="e" style="position:absolute;clip:rect(0 0 0 0);width:1px;height:1px">x</span>
      <span id="f" style="clip-path: inset(50%)">x</span>
      <span id="g" class="caption-text">x</span>
      <span id="h" class="readers-choice">x</span>`);
    const hidden = (id: string) => isHiddenByMarkup(b.querySelector(`#${id}`) as Element);
    expect(['a', 'b', 'c', 'd', 'e', 'f'].map(hidden)).toEqual([true, true, true, true, true, true]);
    expect(['g', 'h'].map(hidden)).toEqual([false, false]);
  });

  it('removes hidden prefixes from captions and keeps what a reader sees', () => {
    const b =
      body(`<figure><figcaption><span class="visually-hidden">Image caption, </span>Rescue workers in Aleppo</figcaption>
      <span class="sr-only">Image source, EPA</span></figure>
      <p>Visible <span aria-hidden="true">·</span>text</p>`);
    expect(removeHidden(b)).toBe(3);
    expect(b.textContent?.replace(/\s+/g, ' ').trim()).toBe('Rescue workers in Aleppo Visible text');
  });
});
