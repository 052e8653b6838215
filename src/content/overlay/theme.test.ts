// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { detectTheme, effectiveBackground, parseColor, relativeLuminance } from './theme';

describe('parseColor', () => {
  it('reads the rgb()/rgba() forms computed styles return', () => {
    expect(parseColor('rgb(255, 0, 10)')).toEqual({ r: 255, g: 0, b: 10, a: 1 });
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseColor('rgb(10 20 30 / 50%)')).toEqual({ r: 10, g: 20, b: 30, a: 0.5 });
    expect(parseColor('transparent')).toBeNull();
  });
});

describe('relativeLuminance', () => {
  it('is 0 for black and 1 for white', () => {
    expect(relativeLuminance({ r: 0, g: 0, b: 0, a: 1 })).toBe(0);
    expect(relativeLuminance({ r: 255, g: 255, b: 255, a: 1 })).toBeCloseTo(1);
  });
});

describe('detectTheme', () => {
  it('finds the first painted background up from the article', () => {
    document.body.innerHTML =
      '<div style="background-color: rgb(18, 18, 18)"><article style="background-color: rgba(0,0,0,0)"><p id="p">x</p></article></div>';
    const p = document.getElementById('p');
    expect(detectTheme(document, p)).toBe('dark');
    expect(effectiveBackground(document, p)).toEqual({ r: 18, g: 18, b: 18, a: 1 });
  });

  it('blends translucent backgrounds over the ones behind them', () => {
    document.body.innerHTML =
      '<div style="background-color: rgb(0, 0, 0)"><p id="p" style="background-color: rgba(255, 255, 255, 0.5)">x</p></div>';
    const bg = effectiveBackground(document, document.getElementById('p'));
    expect(bg?.r).toBeCloseTo(127.5);
  });

  it('calls a page with light backgrounds light', () => {
    document.body.innerHTML = '<main style="background-color: rgb(250, 250, 245)"><p id="p">x</p></main>';
    expect(detectTheme(document, document.getElementById('p'))).toBe('light');
  });

  it('falls back to the text colour when nothing paints a background', () => {
    document.body.innerHTML = '<p id="p" style="color: rgb(230, 230, 230)">x</p><p id="q">y</p>';
    expect(detectTheme(document, document.getElementById('p'))).toBe('dark');
    expect(detectTheme(document, document.getElementById('q'))).toBe('light');
  });
});
