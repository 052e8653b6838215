// @vitest-environment jsdom
/**
 * The popup never leaves the reader on "Loading…" without a way out (issue 9, item 6): a failed request, one
 * that never answers, and a version list that throws while rendering all end in an error with the Delete button.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredVersion } from '../core/history';

const send = vi.fn();
vi.mock('webextension-polyfill', () => ({ default: { tabs: {}, runtime: {} } }));
vi.mock('../background/protocol', () => ({ send: (...args: unknown[]) => send(...args) }));
const rows = vi.fn();
vi.mock('../ui/versions', async (original) => {
  const real = await original<typeof import('../ui/versions')>();
  return { ...real, versionRows: (...args: Parameters<typeof real.versionRows>) => rows(...args) };
});

const { Popup } = await import('./Popup');
const { versionRows } = await vi.importActual<typeof import('../ui/versions')>('../ui/versions');

const URL_ = 'https://news.test/a';
const version: StoredVersion = {
  url: URL_,
  hash: 'h1',
  title: 'A story',
  paragraphs: [{ text: 'It says one.', kind: 'p' }],
  byline: null,
  publishedTime: null,
  firstSeen: 1,
  lastSeen: 1,
};
const detail = {
  article: {
    url: URL_,
    site: 'news.test',
    title: 'A story',
    lang: 'en',
    firstSeen: 1,
    lastSeen: 1,
    lastChanged: 1,
    versionCount: 1,
  },
  versions: [version],
};

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  send.mockReset();
  rows.mockReset();
  rows.mockImplementation(versionRows);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(async () => await Promise.resolve());
}

function mount(): void {
  act(() => render(<Popup target={{ kind: 'url', url: URL_ }} />, root));
}

const deleteButton = () => root.querySelector('[data-testid="delete-article"]');

describe('the popup on an article whose history cannot be shown', () => {
  it('shows the versions and the Delete button when all goes well', async () => {
    send.mockResolvedValue(detail);
    mount();
    await settle();
    expect(root.querySelectorAll('[data-testid="version"]')).toHaveLength(1);
    expect(deleteButton()).not.toBeNull();
  });

  it('shows the error and the Delete button when the request fails', async () => {
    send.mockRejectedValue(new RangeError('Maximum call stack size exceeded'));
    mount();
    await settle();
    expect(root.querySelector('[data-testid="article-error"]')?.textContent).toContain('Maximum call stack');
    expect(deleteButton()).not.toBeNull();
    expect(root.textContent).not.toContain('Loading');
  });

  it('shows the error and the Delete button when the version list throws while rendering', async () => {
    send.mockResolvedValue(detail);
    rows.mockImplementation(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    mount();
    await settle();
    expect(root.querySelector('[data-testid="article-error"]')?.textContent).toContain('Maximum call stack');
    expect(deleteButton()).not.toBeNull();
  });

  it('gives up waiting on a request that never answers, asked twice', async () => {
    vi.useFakeTimers();
    send.mockReturnValue(new Promise(() => undefined));
    mount();
    expect(root.textContent).toContain('Loading');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(30_000);
    });
    expect(send.mock.calls.filter(([type]) => type === 'ui.article')).toHaveLength(2);
    expect(root.querySelector('[data-testid="article-error"]')?.textContent).toContain('did not answer');
    expect(deleteButton()).not.toBeNull();
  });

  it('asks once more when the first request is not answered, and shows that answer', async () => {
    vi.useFakeTimers();
    send.mockReturnValueOnce(new Promise(() => undefined)).mockResolvedValue(detail);
    mount();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10_000);
    });
    expect(send.mock.calls.filter(([type]) => type === 'ui.article')).toHaveLength(2);
    expect(root.querySelectorAll('[data-testid="version"]')).toHaveLength(1);
  });

  it('deletes after asking, and says so', async () => {
    send.mockRejectedValueOnce(new Error('broken'));
    mount();
    await settle();
    send.mockResolvedValue({ deleted: true });
    act(() => (deleteButton() as HTMLButtonElement).click());
    expect(send).not.toHaveBeenCalledWith('history.delete', expect.anything());
    act(() => (root.querySelector('[data-testid="delete-article-confirm"]') as HTMLButtonElement).click());
    await settle();
    expect(send).toHaveBeenCalledWith('history.delete', { url: URL_ });
    expect(root.textContent).toContain('Deleted');
  });
});

describe('the popup on an article that went back to an earlier text', () => {
  it('lists every distinct visit in order (A → B → A) and labels the variants of an A/B test', async () => {
    const b: StoredVersion = { ...version, hash: 'h2', title: 'B story', firstSeen: 2, lastSeen: 2 };
    const back: StoredVersion = { ...version, firstSeen: 3, lastSeen: 3 };
    send.mockResolvedValue({ ...detail, versions: [version, b, back] });
    mount();
    await settle();
    const listed = Array.from(root.querySelectorAll('[data-testid="version"]'));
    expect(listed.map((li) => li.getAttribute('data-hash'))).toEqual(['h1', 'h2', 'h1']);
    expect(root.querySelectorAll('[data-testid="variant"]')).toHaveLength(0);

    render(null, root);
    send.mockResolvedValue({
      ...detail,
      versions: [
        { ...version, variant: true },
        { ...b, variant: true },
      ],
    });
    mount();
    await settle();
    expect(Array.from(root.querySelectorAll('[data-testid="variant"]'), (el) => el.textContent)).toEqual([
      'A/B variant',
      'A/B variant',
    ]);
  });
});

describe('the popup on a tab whose page stored nothing', () => {
  it.each([
    ['partial', 'Only the start of the article', 'paywall'],
    ['rate-limited', 'Not kept for now', 'too often'],
  ] as const)('says why for %s, not that the site is excluded', async (reason, title, words) => {
    const { default: browser } = await import('webextension-polyfill');
    const tabs = browser.tabs as unknown as {
      sendMessage: (id: number, message: unknown) => Promise<unknown>;
    };
    tabs.sendMessage = async () => ({
      ok: true,
      value: { state: 'skipped', location: URL_, reason },
    });
    act(() => render(<Popup target={{ kind: 'tab', tabId: 4, incognito: false }} />, root));
    await settle();
    expect(root.textContent).toContain(title);
    expect(root.textContent).toContain(words);
    expect(root.textContent).not.toContain('excluded');
  });
});
