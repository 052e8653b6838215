/**
 * Whether the page reads dark-on-light or light-on-dark, from the effective background colour behind the
 * article: the first opaque-enough background walking up from `from` (the article) to the root, blended over
 * white as the browser's canvas default.
 */

export type Theme = 'light' | 'dark';

interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** Parses the `rgb()`/`rgba()` forms getComputedStyle returns (comma or space separated). */
export function parseColor(value: string): Rgba | null {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/i.exec(
    value.trim(),
  );
  if (!match) return null;
  const alphaText = match[4];
  let a = 1;
  if (alphaText !== undefined) {
    a = alphaText.endsWith('%') ? Number.parseFloat(alphaText) / 100 : Number.parseFloat(alphaText);
  }
  return { r: Number(match[1]), g: Number(match[2]), b: Number(match[3]), a };
}

/** WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white). */
export function relativeLuminance({ r, g, b }: Rgba): number {
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The page background behind `from`, as an opaque colour; null when no element paints one. */
export function effectiveBackground(doc: Document, from: Element | null): Rgba | null {
  const view = doc.defaultView;
  const layers: Rgba[] = [];
  let element: Element | null = from ?? doc.body ?? doc.documentElement;
  while (element && view) {
    const color = parseColor(view.getComputedStyle(element).backgroundColor);
    if (color && color.a > 0) {
      layers.push(color);
      if (color.a >= 0.99) break;
    }
    element = element.parentElement;
  }
  if (layers.length === 0) return null;
  // Blend from the outermost layer inwards, over the white canvas browsers paint by default.
  let result: Rgba = { r: 255, g: 255, b: 255, a: 1 };
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i];
    if (!layer) continue;
    result = {
      r: layer.r * layer.a + result.r * (1 - layer.a),
      g: layer.g * layer.a + result.g * (1 - layer.a),
      b: layer.b * layer.a + result.b * (1 - layer.a),
      a: 1,
    };
  }
  return result;
}

/**
 * Dark when the background is darker than mid-grey (luminance of #777 is about 0.18). A page that paints no
 * background at all may still be dark through `color-scheme: dark` (the canvas follows it), so then the text
 * colour decides: light text means a dark page.
 */
export function detectTheme(doc: Document, from: Element | null): Theme {
  const background = effectiveBackground(doc, from);
  if (background) return relativeLuminance(background) < 0.18 ? 'dark' : 'light';
  const view = doc.defaultView;
  const element = from ?? doc.body ?? doc.documentElement;
  const text = view && element ? parseColor(view.getComputedStyle(element).color) : null;
  return text && relativeLuminance(text) > 0.5 ? 'dark' : 'light';
}
