// @vitest-environment jsdom
/** The popup names an edit's kind (correction notice or silent edit) and links the Internet Archive (issue 11). */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, it, vi } from 'vitest';
import type { StoredVersion } from '../core/history';

const send = vi.fn();
vi.mock('webextension-polyfill', () => ({ default: { tabs: {}, runtime: {} } }));
vi.mock('../background/protocol', () => ({ send: (...args: unknown[]) => send(...args) }));
const { Popup } = await import('./Popup');

const URL_ = 'https://news.test/a?b=1';
const v1: StoredVersion = {
  url: URL_,
  hash: 'h1',
  title: 'A story',
  paragraphs: [{ text: 'The vote was on Wednesday.', kind: 'p' }],
  byline: null,
  publishedTime: null,
  firstSeen: 1,
  lastSeen: 1,
};
const v2: StoredVersion = {
  ...v1,
  hash: 'h2',
  firstSeen: 2,
  paragraphs: [
    { text: 'The vote was on Tuesday.', kind: 'p' },
    { text: 'Correction: An earlier version of this article gave the wrong day.', kind: 'p' },
  ],
};
const v3: StoredVersion = { ...v2, hash: 'h3', firstSeen: 3, title: 'A story, edited' };
const article = {
  url: URL_,
  site: 'news.test',
  title: 'A story',
  lang: 'en',
  firstSeen: 1,
  lastSeen: 3,
  lastChanged: 3,
  versionCount: 3,
};

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

it('tags the corrected version with its notice, the later one as a silent edit, and links the archive', async () => {
  send.mockResolvedValue({ article, versions: [v1, v2, v3] });
  act(() => render(<Popup target={{ kind: 'url', url: URL_ }} />, root));
  for (let i = 0; i < 5; i++) await act(async () => await Promise.resolve());
  const rows = [...root.querySelectorAll('[data-testid="version"]')];
  // Newest first.
  expect(rows.map((row) => row.getAttribute('data-hash'))).toEqual(['h3', 'h2', 'h1']);
  expect(rows[0]?.querySelector('[data-testid="edit-silent"]')?.textContent).toBe('Silent edit');
  expect(rows[1]?.querySelector('[data-testid="edit-notice"]')?.textContent).toContain(
    'Correction notice Correction: An earlier version',
  );
  expect(rows[2]?.querySelector('[data-testid^="edit-"]')).toBeNull();
  const link = root.querySelector('[data-testid="archive-link"]');
  expect(link?.getAttribute('href')).toBe(`https://web.archive.org/web/*/${URL_}`);
  expect(link?.getAttribute('rel')).toContain('noreferrer');
});
