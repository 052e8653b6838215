// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { align } from '../../core/align';
import { mountOverlay } from './index';

// jsdom cannot make trusted events; the bar acts on trusted ones only (untrusted.test.ts shows them refused).
vi.mock('./trust', () => ({ isTrustedEvent: () => true }));

function page(texts: readonly string[]): Element[] {
  document.body.innerHTML = `<h1>Headline</h1><article>${texts.map((t) => `<p>${t}</p>`).join('')}</article>`;
  return [...document.querySelectorAll('article p')];
}

function bar(): ShadowRoot {
  const root = document.querySelector('[data-redline-ui="bar"]')?.shadowRoot;
  if (!root) throw new Error('no control bar');
  return root;
}

let controller = new AbortController();
afterEach(() => {
  controller.abort();
  controller = new AbortController();
});

function mount(oldTexts: string[], newTexts: string[], onIgnore?: (pattern: string) => Promise<void>) {
  const elements = page(newTexts);
  const old = { title: 'Headline', paragraphs: oldTexts };
  const result = align(old, { title: 'Headline', paragraphs: newTexts });
  mountOverlay(
    {
      doc: document,
      result,
      elements,
      titleElement: document.querySelector('h1'),
      old,
      since: Date.now() - 3_600_000,
      onDismiss: () => undefined,
      paragraphs: newTexts,
      ...(onIgnore ? { onIgnore } : {}),
    },
    controller.signal,
    true,
  );
  return elements;
}

describe('correction notices on the page', () => {
  it('labels a new editor’s note "Correction notice" and says so in the bar', () => {
    const elements = mount(
      ['The council voted on Wednesday.', 'It passed 5-4.'],
      [
        'The council voted on Tuesday.',
        'It passed 5-4.',
        'Correction: An earlier version of this article gave the wrong day for the vote.',
      ],
    );
    const notice = elements[2];
    expect(notice?.getAttribute('data-redline')).toBe('added');
    expect(notice?.querySelector('[data-redline-label="notice"]')?.textContent).toBe('Correction notice');
    expect(elements[0]?.querySelector('[data-redline-label="notice"]')).toBeNull();
    expect(bar().querySelector('.summary')?.textContent).toMatch(/^2 changes since .* · Correction notice$/);
  });

  it('a notice already there is not labelled again', () => {
    const note = 'Correction: An earlier version of this article gave the wrong day for the vote.';
    mount(['The council voted on Tuesday.', note], ['The council voted on Tuesday night.', note]);
    expect(document.querySelector('[data-redline-label="notice"]')).toBeNull();
  });
});

describe('live blogs on the page', () => {
  const entries = [
    '10:40 The bill passed its second reading.',
    '10:31 The speaker called the vote.',
    '10:20 Debate has resumed after the break.',
    '10:05 Members are returning to the chamber.',
    '09:50 Good morning and welcome to our live coverage.',
  ];

  it('says "N new entries since you read" before the first one and marks none of them New', () => {
    const elements = mount(entries.slice(2), entries);
    expect(document.querySelectorAll('[data-redline="added"]')).toHaveLength(0);
    const banner = document.querySelector('[data-redline-ui="live"]');
    expect(banner?.textContent).toBe('2 new entries since you read');
    expect(banner?.nextElementSibling).toBe(elements[0]);
    expect(bar().querySelector('.summary')?.textContent).toBe('2 new entries since you read');
    // The first "next" goes to the first new entry.
    (bar().querySelector('[data-action="next"]') as HTMLButtonElement).click();
    expect(banner?.hasAttribute('data-redline-current')).toBe(true);
  });

  it('still marks a rewording of an older entry', () => {
    const newer = [
      ...entries.slice(0, 4),
      '09:50 Good morning, and welcome to our live coverage of the vote.',
    ];
    mount(entries.slice(2), newer);
    expect(document.querySelectorAll('[data-redline="reworded"]')).toHaveLength(1);
    expect(bar().querySelector('.summary')?.textContent).toBe('2 new entries since you read · 1 change');
  });

  it('aborting removes the banner', () => {
    mount(entries.slice(2), entries);
    controller.abort();
    expect(document.querySelector('[data-redline-ui]')).toBeNull();
  });
});

describe('ignore like this', () => {
  it('makes a text rule of the current change’s paragraph, numbers as wildcards', async () => {
    const patterns: string[] = [];
    mount(['Updated 5 minutes ago', 'Body.'], ['Updated 9 minutes ago', 'Body.'], async (pattern) => {
      patterns.push(pattern);
    });
    const ignore = bar().querySelector('[data-action="ignore"]') as HTMLButtonElement;
    ignore.click();
    expect(patterns).toEqual([]);
    expect(bar().querySelector('.note')?.textContent).toMatch(/^Go to a new or reworded paragraph first/);
    (bar().querySelector('[data-action="next"]') as HTMLButtonElement).click();
    ignore.click();
    expect(patterns).toEqual(['Updated # minutes ago']);
    expect(bar().querySelector('.note')?.textContent).toContain('ignored on this site from your next visit');
  });

  it('no button without a way to keep the rule', () => {
    mount(['Updated 5 minutes ago'], ['Updated 9 minutes ago']);
    expect(bar().querySelector('[data-action="ignore"]')).toBeNull();
  });
});
