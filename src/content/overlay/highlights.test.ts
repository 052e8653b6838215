// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { INSERTED_HIGHLIGHT, InsertedHighlight } from './highlights';

/** A stand-in for the Highlight API, which jsdom lacks. */
class FakeHighlight {
  readonly ranges: AbstractRange[];
  constructor(...ranges: AbstractRange[]) {
    this.ranges = ranges;
  }
  add(range: AbstractRange): this {
    this.ranges.push(range);
    return this;
  }
  delete(range: AbstractRange): boolean {
    const at = this.ranges.indexOf(range);
    if (at >= 0) this.ranges.splice(at, 1);
    return at >= 0;
  }
}

type Patched = { CSS?: unknown; Highlight?: unknown };
const win = window as unknown as Patched;
const originalCss = win.CSS;

afterEach(() => {
  delete win.Highlight;
  win.CSS = originalCss;
});

function install(registry: Map<string, unknown>): void {
  win.CSS = { highlights: registry };
  win.Highlight = FakeHighlight;
}

function range(): Range {
  document.body.innerHTML = '<p>word</p>';
  const r = document.createRange();
  r.selectNodeContents(document.body.firstChild!);
  return r;
}

describe('InsertedHighlight', () => {
  it('does nothing where the API is missing (jsdom, old browsers)', () => {
    const highlight = new InsertedHighlight(document, [range()]);
    expect(highlight.supported).toBe(false);
    expect(highlight.show()).toBe(false);
    highlight.hide();
  });

  it('registers the ranges under its name and unregisters them', () => {
    const registry = new Map<string, unknown>();
    install(registry);
    const r = range();
    const highlight = new InsertedHighlight(document, [r]);
    expect(highlight.supported).toBe(true);
    expect(highlight.show()).toBe(true);
    const registered = registry.get(INSERTED_HIGHLIGHT) as FakeHighlight;
    expect(registered.ranges).toEqual([r]);
    highlight.hide();
    expect(registry.has(INSERTED_HIGHLIGHT)).toBe(false);
  });

  it('leaves a highlight of the same name alone if it is not ours, and skips empty range lists', () => {
    const registry = new Map<string, unknown>([[INSERTED_HIGHLIGHT, 'other']]);
    install(registry);
    expect(new InsertedHighlight(document, []).show()).toBe(false);
    new InsertedHighlight(document, [range()]).hide();
    expect(registry.get(INSERTED_HIGHLIGHT)).toBe('other');
  });

  it('drops stale ranges from the painted highlight, and never paints a range dropped before it was added', () => {
    const registry = new Map<string, unknown>();
    install(registry);
    const [a, b, c] = [range(), range(), range()];
    const highlight = new InsertedHighlight(document, [a, b]);
    highlight.show();
    const registered = registry.get(INSERTED_HIGHLIGHT) as FakeHighlight;
    highlight.drop([a, c]);
    expect(registered.ranges).toEqual([b]);
    highlight.add([c]);
    expect(registered.ranges).toEqual([b]);
    // Shown again after being hidden: built from what is left.
    highlight.hide();
    highlight.drop([b]);
    expect(highlight.show()).toBe(false);
  });
});
