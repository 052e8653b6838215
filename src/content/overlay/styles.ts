/**
 * The page-level style sheet for the marks on the page's own elements and on what the overlay inserts. It
 * lives in `<style data-redline-ui>` elements in the head, because page elements cannot be reached from the
 * control bar's shadow root.
 *
 * Page CSS must not defeat the marks, and the marks must not move the page's layout: every declaration is
 * `!important`, selectors carry two never-matching `:not(#id)` parts so they outrank the page's own id-based
 * `!important` rules, and only outline, box-shadow and background images are set on the page's elements (no
 * width, margin, padding or border). Colour is never the only cue: added/reworded/moved differ by outline style
 * (solid/dashed/double) and text label, removed text is struck through. Old text may sit in a closed shadow root
 * (oldText.ts): the host's rules, inherited properties and `::part()` reach it there.
 */
import { t } from '../../ui/i18n';
import { INSERTED_HIGHLIGHT } from './highlights';
import type { DomJournal } from './journal';
import type { Theme } from './theme';

interface Palette {
  added: string;
  addedTint: string;
  reworded: string;
  rewordedTint: string;
  moved: string;
  movedTint: string;
  removed: string;
  removedTint: string;
  inserted: string;
  labelText: string;
  muted: string;
  focus: string;
}

// GitHub Primer's accessible diff colours; label text on each colour meets WCAG AA (>= 4.5:1).
const PALETTES: Record<Theme, Palette> = {
  light: {
    added: '#1a7f37',
    addedTint: 'rgba(26, 127, 55, 0.09)',
    reworded: '#9a6700',
    rewordedTint: 'rgba(212, 167, 44, 0.13)',
    moved: '#6639ba',
    movedTint: 'rgba(130, 80, 223, 0.09)',
    removed: '#cf222e',
    removedTint: 'rgba(207, 34, 46, 0.08)',
    inserted: 'rgba(46, 160, 67, 0.26)',
    labelText: '#ffffff',
    muted: '#57606a',
    focus: '#0969da',
  },
  dark: {
    added: '#3fb950',
    addedTint: 'rgba(63, 185, 80, 0.14)',
    reworded: '#d29922',
    rewordedTint: 'rgba(210, 153, 34, 0.15)',
    moved: '#a371f7',
    movedTint: 'rgba(163, 113, 247, 0.14)',
    removed: '#f85149',
    removedTint: 'rgba(248, 81, 73, 0.13)',
    inserted: 'rgba(63, 185, 80, 0.38)',
    labelText: '#0d1117',
    muted: '#9da7b3',
    focus: '#58a6ff',
  },
};

// Two impossible id exclusions add (2,0,0) of specificity without changing what matches.
const BOOST = ':not(#redline-never-a):not(#redline-never-b)';

/**
 * The inserted-word highlight, for text in a marked element only: every range of it lies in the text of an
 * element the overlay marked (`data-redline`). Unscoped, `::highlight()` could style any element, and adding the
 * sheet made Chromium recompute the style of the whole page: 3.5–6 ms in the frame after a mount on
 * nytimes-3 and wapo-2 (about 800 elements), 0.5 ms scoped, the same as adding no sheet (issue 8).
 */
const HIGHLIGHT_SELECTOR = `[data-redline]::highlight(${INSERTED_HIGHLIGHT}), [data-redline] *::highlight(${INSERTED_HIGHLIGHT})`;

/** A catalogue message as a CSS string: quotes and backslashes escaped, line breaks as `\A`. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\A ')}"`;
}

function tint(color: string): string {
  return `linear-gradient(${color}, ${color})`;
}

export function marksCss(theme: Theme): string {
  const p = PALETTES[theme];
  // The boost goes before a pseudo-element, which must end a selector.
  const rule = (selector: string, body: string) => {
    const [element, pseudo] = selector.split('::');
    return `${element}${BOOST}${pseudo ? `::${pseudo}` : ''} {${body}}\n`;
  };
  const block = (color: string, style: string, width: string, background: string) => `
    outline: ${width} ${style} ${color} !important;
    outline-offset: 3px !important;
    background-image: ${tint(background)} !important;`;
  return [
    rule('[data-redline="added"]:not([data-redline-old])', block(p.added, 'solid', '2px', p.addedTint)),
    rule(
      '[data-redline="reworded"]:not([data-redline-old])',
      block(p.reworded, 'dashed', '2px', p.rewordedTint),
    ),
    rule('[data-redline="moved"]:not([data-redline-old])', block(p.moved, 'double', '4px', p.movedTint)),
    rule(
      '[data-redline="removed"][data-redline-old]',
      `${block(p.removed, 'dotted', '2px', p.removedTint)}
      text-decoration: line-through !important;
      text-decoration-color: ${p.removed} !important;
      text-decoration-thickness: 1px !important;
      color: inherit !important;
      margin-block: 0.5em !important;
      padding: 0.2em 0.4em !important;
      opacity: 0.85 !important;`,
    ),
    rule('div[data-redline="removed"][data-redline-old]', 'display: block !important;'),
    rule(
      '[data-redline="removed"][data-redline-old]::before',
      `content: ${cssString(t('mark_removed'))} !important;
      ${labelBody(p.removed, p.labelText)}`,
    ),
    // Deleted words in a "Was:" line: light-DOM <del> in the test build, a shadow part in the normal build.
    rule(
      '[data-redline-old="paragraph-text"] del',
      `text-decoration: line-through !important;
      text-decoration-color: ${p.removed} !important;
      text-decoration-thickness: 2px !important;
      background-image: ${tint(p.removedTint)} !important;
      color: inherit !important;
      display: inline !important;`,
    ),
    rule(
      '[data-redline-old="paragraph-text"]::part(deleted)',
      `text-decoration: line-through !important;
      text-decoration-color: ${p.removed} !important;
      text-decoration-thickness: 2px !important;
      background-image: ${tint(p.removedTint)} !important;
      color: inherit !important;
      display: inline !important;`,
    ),
    rule(
      '[data-redline-old="title"]',
      `display: block !important;
      font: italic 400 max(0.95rem, 14px)/1.4 system-ui, -apple-system, "Segoe UI", sans-serif !important;
      color: ${p.muted} !important;
      text-decoration: line-through !important;
      text-decoration-color: ${p.removed} !important;
      margin: 0.3em 0 0.6em !important;
      padding: 0 !important;
      background: none !important;
      letter-spacing: normal !important;
      text-transform: none !important;`,
    ),
    rule(
      '[data-redline-old="title"]::before',
      `content: ${cssString(`${t('mark_previousHeadline')} `)} !important;
      font-style: normal !important;
      font-weight: 600 !important;
      text-decoration: none !important;
      display: inline-block !important;
      margin-inline-end: 0.3em !important;`,
    ),
    rule(
      '[data-redline-old="paragraph-text"]',
      `display: block !important;
      font-size: 0.9em !important;
      color: ${p.muted} !important;
      margin-block: 0.3em 0.9em !important;
      padding: 0.2em 0.4em !important;
      border-inline-start: 3px solid ${p.removed} !important;`,
    ),
    rule(
      '[data-redline-old="paragraph-text"]::before',
      `content: ${cssString(`${t('mark_was')} `)} !important;
      font-weight: 600 !important;
      font-style: normal !important;`,
    ),
    rule('[data-redline-label]', labelBody(p.muted, p.labelText)),
    rule('[data-redline-label="added"]', `background: ${p.added} !important;`),
    rule('[data-redline-label="reworded"]', `background: ${p.reworded} !important;`),
    rule('[data-redline-label="moved"]', `background: ${p.moved} !important;`),
    // An editor's note: its own label, outlined as well, so it reads apart from New/Reworded without colour.
    rule(
      '[data-redline-label="notice"]',
      `background: ${p.focus} !important; outline: 2px solid ${p.labelText} !important; outline-offset: -4px !important;`,
    ),
    rule(
      '[data-redline-ui="live"]',
      `${labelBody(p.added, p.labelText)}
      display: block !important;
      width: fit-content !important;
      font-size: 13px !important;
      line-height: 22px !important;
      margin-block: 0.5em !important;`,
    ),
    rule('[data-redline-current]', `box-shadow: 0 0 0 6px ${p.focus} !important;`),
    `${HIGHLIGHT_SELECTOR} {
      background-color: ${p.inserted};
      text-decoration: underline;
      text-decoration-color: ${p.added};
      text-decoration-thickness: 2px;
    }\n`,
    forcedColorsCss(rule),
  ].join('');
}

/**
 * Windows high contrast (forced colors) replaces every colour with the system's few and drops box shadows and
 * tints, but keeps outlines and text decorations: the marks keep their outline styles and strike-through, the
 * labels get an edge (their background is gone), the current change an outline instead of its shadow ring, and
 * inserted words the system's Mark colours.
 */
function forcedColorsCss(rule: (selector: string, body: string) => string): string {
  return `@media (forced-colors: active) {
    ${rule('[data-redline-label]', 'border: 1px solid CanvasText !important;')}
    ${rule('[data-redline="removed"][data-redline-old]', 'text-decoration-color: CanvasText !important; opacity: 1 !important;')}
    ${rule('[data-redline-old="paragraph-text"] del', 'text-decoration-color: CanvasText !important;')}
    ${rule('[data-redline-old="paragraph-text"]::part(deleted)', 'text-decoration-color: CanvasText !important;')}
    ${rule('[data-redline-old="paragraph-text"]', 'border-inline-start-color: CanvasText !important;')}
    ${rule('[data-redline-current]', 'outline-color: Highlight !important; outline-width: 4px !important;')}
    ${HIGHLIGHT_SELECTOR} { background-color: Mark; color: MarkText; }
  }\n`;
}

function labelBody(background: string, color: string): string {
  return `
    display: inline-block !important;
    font: 600 11px/16px system-ui, -apple-system, "Segoe UI", sans-serif !important;
    font-style: normal !important;
    color: ${color} !important;
    background: ${background} !important;
    padding: 0 6px !important;
    margin: 0 !important;
    margin-inline-end: 6px !important;
    border: 0 !important;
    border-radius: 3px !important;
    vertical-align: 0.15em !important;
    text-decoration: none !important;
    text-transform: none !important;
    text-indent: 0 !important;
    letter-spacing: normal !important;
    white-space: nowrap !important;
    user-select: none !important;
    float: none !important;`;
}

/** Hides every visual mark: the page's marked elements lose their style, inserted old text and labels go. */
export const HIDDEN_MARKS_CSS = `[data-redline-old]${BOOST}, [data-redline-label]${BOOST}, [data-redline-ui="live"]${BOOST} { display: none !important; }\n`;

/** The two page style sheets: the marks, and the override that hides them. Toggling keeps both in place. */
export class PageStyles {
  private readonly marks: HTMLStyleElement;
  private readonly hider: HTMLStyleElement;

  constructor(doc: Document, theme: Theme, journal: DomJournal) {
    const parent = doc.head ?? doc.documentElement;
    // Text is set before the elements are attached: Firefox then applies the extension's CSP to them rather
    // than the page's, so a page whose CSP forbids inline styles does not block the marks (Mozilla bug 1706787).
    this.marks = doc.createElement('style');
    this.marks.setAttribute('data-redline-ui', 'marks');
    this.marks.textContent = marksCss(theme);
    this.hider = doc.createElement('style');
    this.hider.setAttribute('data-redline-ui', 'hide-marks');
    this.hider.textContent = HIDDEN_MARKS_CSS;
    this.hider.media = 'not all';
    parent.append(journal.inserted(this.marks), journal.inserted(this.hider));
  }

  /** Shows or hides the marks; `media="not all"` switches a sheet off in every browser and in jsdom. */
  setVisible(visible: boolean): void {
    this.marks.media = visible ? 'all' : 'not all';
    this.hider.media = visible ? 'not all' : 'all';
  }

  get visible(): boolean {
    return this.marks.media !== 'not all';
  }
}
