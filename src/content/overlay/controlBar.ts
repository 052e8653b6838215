/**
 * The floating control bar: summary, previous/next change, show/hide marks, dismiss. It lives in a shadow root
 * so page CSS cannot restyle it, on a host with `all: initial` and a fixed position set inline with
 * `!important`, which outranks any page rule. The host hangs off `<html>`, not `<body>`, so a transformed or
 * `contain`ed body cannot become its containing block and drag it off-screen. Its buttons act on the reader's
 * own clicks only (`isTrusted`), never on a page script's.
 */
import { t } from '../../ui/i18n';
import { READABLE_CONTRACT } from '../contract';
import type { DomJournal } from './journal';
import type { Theme } from './theme';
import { isTrustedEvent } from './trust';

export interface BarHandlers {
  onPrevious(): void;
  onNext(): void;
  onToggleMarks(): void;
  onDismiss(): void;
}

export interface ControlBar {
  host: HTMLElement;
  root: ShadowRoot;
  /** Shows "i / n" and announces the change to screen readers. */
  setPosition(index: number, count: number, description: string): void;
  setMarksVisible(visible: boolean): void;
}

// `all` first: it resets everything, and the declarations after it win.
const HOST_STYLE: [string, string][] = [
  ['all', 'initial'],
  ['position', 'fixed'],
  ['z-index', '2147483647'],
  ['bottom', '16px'],
  ['right', '16px'],
  ['display', 'block'],
  ['max-width', 'calc(100vw - 32px)'],
];

function barCss(theme: Theme): string {
  const dark = theme === 'dark';
  const fg = dark ? '#e6edf3' : '#1f2328';
  const bg = dark ? '#161b22' : '#ffffff';
  const border = dark ? '#3d444d' : '#d1d9e0';
  const focus = dark ? '#58a6ff' : '#0969da';
  const accent = dark ? '#f85149' : '#cf222e';
  return `
  :host { all: initial; }
  .bar {
    display: flex; flex-wrap: wrap; align-items: center; gap: 6px;
    box-sizing: border-box; padding: 6px 8px;
    font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
    color: ${fg}; background: ${bg}; border: 1px solid ${border}; border-radius: 8px;
    box-shadow: 0 4px 18px rgba(0, 0, 0, ${dark ? '0.6' : '0.18'});
    color-scheme: ${theme};
  }
  .brand { font-weight: 700; color: ${accent}; }
  .summary { margin-inline-end: 4px; }
  .position { font-variant-numeric: tabular-nums; min-width: 3.5em; text-align: center; opacity: 0.85; }
  button {
    font: inherit; color: inherit; background: transparent; cursor: pointer;
    border: 1px solid ${border}; border-radius: 6px; min-width: 30px; min-height: 28px; padding: 2px 8px;
  }
  button:hover { background: ${dark ? '#262c36' : '#f3f4f6'}; }
  button:focus-visible { outline: 3px solid ${focus}; outline-offset: 2px; }
  button:disabled { opacity: 0.45; cursor: default; }
  .visually-hidden {
    position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
    overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
  }`;
}

function button(doc: Document, text: string, label: string, onClick: () => void, signal: AbortSignal) {
  const element = doc.createElement('button');
  element.type = 'button';
  element.textContent = text;
  element.setAttribute('aria-label', label);
  element.title = label;
  element.addEventListener(
    'click',
    (event) => {
      if (isTrustedEvent(event)) onClick();
    },
    { signal },
  );
  return element;
}

export function createControlBar(
  doc: Document,
  theme: Theme,
  summary: string,
  handlers: BarHandlers,
  signal: AbortSignal,
  journal: DomJournal,
  readable = READABLE_CONTRACT,
): ControlBar {
  const host = doc.createElement('div');
  host.setAttribute('data-redline-ui', 'bar');
  // Through the CSSOM, not a style attribute: a page CSP without 'unsafe-inline' blocks style attributes set
  // by Firefox content scripts, but never CSSOM writes.
  for (const [property, value] of HOST_STYLE) host.style.setProperty(property, value, 'important');
  // Closed, so a page cannot reach the buttons (and handlers ignore untrusted events anyway); the test build
  // opens it so browser tests can find the bar.
  const root = host.attachShadow({ mode: readable ? 'open' : 'closed' });

  // Text before attaching, for Firefox and pages whose CSP forbids inline styles (Mozilla bug 1706787).
  const style = doc.createElement('style');
  style.textContent = barCss(theme);

  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', t('bar_label'));

  const brand = doc.createElement('span');
  brand.className = 'brand';
  brand.textContent = t('extName');
  const summaryText = doc.createElement('span');
  summaryText.className = 'summary';
  summaryText.textContent = summary;
  const position = doc.createElement('span');
  position.className = 'position';
  position.setAttribute('aria-hidden', 'true');
  const announcer = doc.createElement('span');
  announcer.className = 'visually-hidden';
  announcer.setAttribute('aria-live', 'polite');

  const previous = button(doc, '↑', t('bar_previous'), handlers.onPrevious, signal);
  previous.dataset.action = 'previous';
  const next = button(doc, '↓', t('bar_next'), handlers.onNext, signal);
  next.dataset.action = 'next';
  const toggle = button(doc, t('bar_hide'), t('bar_hide'), handlers.onToggleMarks, signal);
  toggle.dataset.action = 'toggle';
  const dismiss = button(doc, '✕', t('bar_dismiss'), handlers.onDismiss, signal);
  dismiss.dataset.action = 'dismiss';

  bar.append(brand, summaryText, position, previous, next, toggle, dismiss, announcer);
  root.append(style, bar);
  doc.documentElement.append(journal.inserted(host));

  return {
    host,
    root,
    setPosition(index, count, description) {
      position.textContent = `${index + 1} / ${count}`;
      announcer.textContent = t('bar_position', index + 1, count, description);
    },
    setMarksVisible(visible) {
      const text = visible ? t('bar_hide') : t('bar_show');
      toggle.textContent = text;
      toggle.setAttribute('aria-label', text);
      toggle.title = text;
      previous.disabled = !visible;
      next.disabled = !visible;
      if (!visible) position.textContent = '';
    },
  };
}
