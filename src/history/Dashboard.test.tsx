// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, it } from 'vitest';
import type { ArticleEdits } from '../background/edit-kinds';
import type { StoredArticle } from '../core/history';
import { Dashboard } from './Dashboard';

const NOW = Date.UTC(2026, 11, 2, 12);
const DAY = 86_400_000;

const article = (url: string, site: string): StoredArticle => ({
  url,
  site,
  title: url,
  lang: null,
  firstSeen: 0,
  lastSeen: 0,
  lastChanged: 0,
  versionCount: 3,
});

const articles = [article('a', 'one.test'), article('b', 'two.test'), article('c', 'two.test')];
const edits: Record<string, ArticleEdits> = {
  a: { silent: true, corrected: false, found: [{ at: NOW, silent: true }] },
  b: {
    silent: true,
    corrected: true,
    found: [
      { at: NOW - 8 * DAY, silent: true },
      { at: NOW - DAY, silent: false },
    ],
  },
  c: { silent: true, corrected: false, found: [{ at: NOW, silent: true }] },
};

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

function mount(node: preact.ComponentChild) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root));
}

const rows = (testid: string) =>
  [...root.querySelectorAll(`[data-testid="${testid}"] tbody tr`)].map((tr) =>
    [...tr.children].map((cell) => cell.textContent),
  );

it('shows each chart with the table that describes it, and the silent share as text', () => {
  mount(<Dashboard articles={articles} edits={edits} error={null} now={NOW} />);
  expect(root.querySelector('h2')?.textContent).toBe('History at a glance');
  const weekly = rows('dash-weekly-table');
  expect(weekly).toHaveLength(12);
  expect(weekly.at(-1)?.slice(1)).toEqual(['3', '2']);
  expect(weekly.at(-2)?.slice(1)).toEqual(['1', '1']);
  expect(rows('dash-sites-table')).toEqual([
    ['two.test', '3', '2'],
    ['one.test', '1', '1'],
  ]);
  expect(rows('dash-share-table')).toEqual([
    ['Silent', '3'],
    ['With a correction notice', '1'],
    ['All edits', '4'],
  ]);
  expect(root.querySelector('[data-testid="dash-share-percent"]')?.textContent).toBe('75%');
  expect(root.textContent).toContain('3 of 4 edits came with no correction notice (75%).');
  // Every chart is an image named by its caption and described by an element that exists.
  const charts = [...root.querySelectorAll('svg[role="img"]')];
  expect(charts).toHaveLength(3);
  for (const svg of charts) {
    for (const id of `${svg.getAttribute('aria-labelledby')} ${svg.getAttribute('aria-describedby')}`.split(
      ' ',
    )) {
      expect(document.getElementById(id), id).not.toBeNull();
    }
  }
  // One hatch pattern on the page, so no id repeats.
  expect(root.querySelectorAll('pattern')).toHaveLength(1);
});

it('waits for the edits, shows an error in their place, and says so when none were found', () => {
  mount(<Dashboard articles={articles} edits={null} error={null} now={NOW} />);
  expect(root.querySelector('[role="status"]')?.textContent).toBe('Looking through the versions…');
  act(() => render(<Dashboard articles={articles} edits={null} error="disk gone" now={NOW} />, root));
  expect(root.querySelector('[role="status"]')?.textContent).toBe('disk gone');
  act(() => render(<Dashboard articles={articles} edits={{}} error={null} now={NOW} />, root));
  expect(root.querySelector('[data-testid="dash-sites"]')?.textContent).toContain('No edits found yet.');
  expect(root.querySelector('[data-testid="dash-share-percent"]')?.textContent).toBe('0%');
});

it('is not shown for an empty history', () => {
  mount(<Dashboard articles={[]} edits={{}} error={null} now={NOW} />);
  expect(root.innerHTML).toBe('');
});
