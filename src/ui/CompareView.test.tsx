// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredVersion } from '../core/history';
import { CompareView } from './CompareView';

function version(title: string, paragraphs: string[], firstSeen: number): StoredVersion {
  return {
    url: 'https://news.test/a',
    hash: `h${firstSeen}`,
    title,
    paragraphs: paragraphs.map((text) => ({ text, kind: 'p' })),
    byline: null,
    publishedTime: null,
    firstSeen,
    lastSeen: firstSeen,
  };
}

const older = version(
  'Fire <b>downtown</b>',
  ['A fire broke out.', '<img src=x onerror="alert(1)">', 'Gone soon.'],
  1,
);
const newer = version(
  'Big fire <b>downtown</b>',
  ['A large fire broke out.', '<img src=x onerror="alert(1)">', 'Police came.'],
  2,
);

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

function mount(mode: 'side' | 'inline'): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  act(() => {
    render(<CompareView older={older} newer={newer} olderNumber={1} newerNumber={2} mode={mode} />, root);
  });
  return root;
}

describe('CompareView', () => {
  it('shows the two versions side by side, paired, with the words that changed', () => {
    const view = mount('side');
    const rows = [...view.querySelectorAll('tbody tr')];
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const reworded = view.querySelector('tr[data-kind="reworded"]');
    expect(reworded?.querySelector('ins')?.textContent).toMatch(/large/);
    expect(view.querySelector('tr[data-kind="removed"] td:nth-child(2)')?.textContent).toBe('Gone soon.');
    expect(view.querySelector('tr[data-kind="added"] td:nth-child(3)')?.textContent).toBe('Police came.');
    expect(view.querySelector('.row-title')?.textContent).toContain('Headline');
  });

  it('renders page text as text, never as markup', () => {
    const view = mount('side');
    expect(view.querySelector('img')).toBeNull();
    expect(view.querySelector('td b')).toBeNull();
    expect(view.textContent).toContain('<img src=x onerror="alert(1)">');
  });

  it('shows the newer text inline with insertions and deletions in place', () => {
    const view = mount('inline');
    expect(view.querySelector('[data-testid="compare-inline"] h2 ins')?.textContent).toMatch(/Big/);
    expect(view.querySelector('p[data-kind="removed"] del')?.textContent).toBe('Gone soon.');
    expect(view.querySelector('p[data-kind="added"] ins')?.textContent).toBe('Police came.');
    expect(view.querySelector('img')).toBeNull();
  });
});
