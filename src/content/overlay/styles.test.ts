// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { DomJournal } from './journal';
import { marksCss, PageStyles } from './styles';

describe('marksCss', () => {
  it('styles every kind with a distinct outline style, all !important, and the inserted-word highlight', () => {
    const css = marksCss('light');
    expect(css).toMatch(/\[data-redline="added"\][^{]*\{[^}]*solid/);
    expect(css).toMatch(/\[data-redline="reworded"\][^{]*\{[^}]*dashed/);
    expect(css).toMatch(/\[data-redline="moved"\][^{]*\{[^}]*double/);
    expect(css).toMatch(/\[data-redline="removed"\]\[data-redline-old\][^{]*\{[^}]*line-through/);
    expect(css).toContain('::highlight(redline-inserted)');
    // No layout-changing property on the page's own elements.
    const pageRules = css.split('}').filter((rule) => /\[data-redline="(added|reworded|moved)"\]/.test(rule));
    for (const rule of pageRules) expect(rule).not.toMatch(/\b(width|margin|padding|border)\s*:/);
    for (const declaration of css.split('::highlight')[0]!.match(/:[^;{}]+;/g) ?? []) {
      expect(declaration).toContain('!important');
    }
  });

  it('styles inserted words only in marked elements, so adding the sheet does not restyle the whole page', () => {
    for (const theme of ['light', 'dark'] as const) {
      const selectors = marksCss(theme)
        .split(/[{}]/)
        .filter((part) => part.includes('::highlight('))
        .flatMap((list) => list.split(','))
        .map((selector) => selector.trim());
      expect(selectors.length).toBeGreaterThanOrEqual(4);
      for (const selector of selectors) {
        expect(selector).toMatch(/^\[data-redline\]( \*)?::highlight\(redline-inserted\)$/);
      }
    }
  });

  it('puts the specificity boost before pseudo-elements', () => {
    expect(marksCss('dark')).toContain(
      '[data-redline="removed"][data-redline-old]:not(#redline-never-a):not(#redline-never-b)::before',
    );
  });

  it('differs between light and dark pages', () => {
    expect(marksCss('light')).not.toBe(marksCss('dark'));
  });

  it('is parsed by a CSS engine rule by rule', () => {
    const style = document.createElement('style');
    style.textContent = marksCss('light');
    document.head.append(style);
    // jsdom's parser drops the ::highlight rule it does not know; every other rule must survive.
    let depth = 0;
    let ruleCount = 0;
    for (const char of marksCss('light')) {
      if (char === '{') depth++;
      if (char === '}' && --depth === 0) ruleCount++;
    }
    expect(style.sheet?.cssRules.length).toBeGreaterThanOrEqual(ruleCount - 1);
    style.remove();
  });

  it('keeps outlines, strike-through and label edges in forced colors (Windows high contrast)', () => {
    const style = document.createElement('style');
    style.textContent = marksCss('light');
    document.head.append(style);
    const media = [...(style.sheet?.cssRules ?? [])].find(
      (rule): rule is CSSMediaRule =>
        rule instanceof CSSMediaRule && /forced-colors/.test(rule.conditionText),
    );
    const inside = [...(media?.cssRules ?? [])].map((rule) => rule.cssText).join('\n');
    expect(inside).toMatch(/\[data-redline-label\][^{]*\{[^}]*border: 1px solid canvastext/i);
    expect(inside).toMatch(/\[data-redline="removed"\][^{]*\{[^}]*text-decoration-color: canvastext/i);
    expect(inside).toMatch(/\[data-redline-current\][^{]*\{[^}]*outline-color: highlight/i);
    style.remove();
  });
});

describe('PageStyles', () => {
  it('adds two data-redline-ui style elements to the head and toggles between them', () => {
    const journal = new DomJournal();
    const headBefore = document.head.innerHTML;
    const styles = new PageStyles(document, 'light', journal);
    const sheets = document.head.querySelectorAll('style[data-redline-ui]');
    expect(sheets).toHaveLength(2);
    expect(styles.visible).toBe(true);
    const [marks, hider] = Array.from(sheets) as HTMLStyleElement[];
    expect(hider!.media).toBe('not all');
    styles.setVisible(false);
    expect(styles.visible).toBe(false);
    expect(marks!.media).toBe('not all');
    expect(hider!.media).toBe('all');
    styles.setVisible(true);
    expect(styles.visible).toBe(true);
    journal.undoAll();
    expect(document.head.innerHTML).toBe(headBefore);
  });
});
