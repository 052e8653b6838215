// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isSignificantMutation, MAX_WAIT_MS, QUIET_MS, waitForSettle } from './settle';

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '<main id="main"><p>First paragraph.</p></main>';
});

afterEach(() => {
  vi.useRealTimers();
});

function main(): HTMLElement {
  const element = document.getElementById('main');
  if (!element) throw new Error('fixture missing');
  return element;
}

function addParagraph(text: string): void {
  const p = document.createElement('p');
  p.textContent = text;
  main().append(p);
}

/** Advances fake time in steps, letting MutationObserver callbacks (microtasks) run between steps. */
async function advance(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

describe('waitForSettle', () => {
  it('resolves quiet after QUIET_MS without changes', async () => {
    let result: string | undefined;
    void waitForSettle(document).then((r) => {
      result = r;
    });
    await advance(QUIET_MS - 1);
    expect(result).toBeUndefined();
    await advance(1);
    expect(result).toBe('quiet');
  });

  it('waits again after each significant change', async () => {
    let result: string | undefined;
    void waitForSettle(document).then((r) => {
      result = r;
    });
    for (let i = 0; i < 3; i += 1) {
      await advance(QUIET_MS - 100);
      addParagraph(`Late paragraph ${i}.`);
      await advance(0);
    }
    await advance(QUIET_MS - 1);
    expect(result).toBeUndefined();
    await advance(1);
    expect(result).toBe('quiet');
  });

  it('gives up waiting after MAX_WAIT_MS on a page that keeps changing', async () => {
    let result: string | undefined;
    void waitForSettle(document).then((r) => {
      result = r;
    });
    for (let elapsed = 0; elapsed < MAX_WAIT_MS - 200; elapsed += 200) {
      addParagraph(`Live update at ${elapsed}.`);
      await advance(200);
    }
    expect(result).toBeUndefined();
    await advance(200);
    expect(result).toBe('timeout');
  });

  it('ignores scripts, whitespace, text edits in place and its own UI', async () => {
    let result: string | undefined;
    void waitForSettle(document).then((r) => {
      result = r;
    });
    const clock = document.createElement('span');
    clock.textContent = '12:00';
    main().append(clock);
    await advance(0);
    const startedQuietAt = Date.now();
    for (let i = 0; i < 5; i += 1) {
      await advance(100);
      document.head.append(document.createElement('script'));
      main().append(document.createTextNode('   '));
      if (clock.firstChild) clock.firstChild.nodeValue = `12:0${i}`;
      const ui = document.createElement('div');
      ui.dataset.redlineUi = '';
      main().append(ui);
      ui.append(document.createElement('span'));
    }
    await advance(QUIET_MS - (Date.now() - startedQuietAt));
    expect(result).toBe('quiet');
  });

  it('rejects with the abort reason and stops observing when aborted', async () => {
    const controller = new AbortController();
    const settled = waitForSettle(document, { signal: controller.signal });
    controller.abort(new Error('navigated away'));
    await expect(settled).rejects.toThrow('navigated away');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects at once when the signal is already aborted', async () => {
    await expect(waitForSettle(document, { signal: AbortSignal.abort(new Error('gone')) })).rejects.toThrow(
      'gone',
    );
  });

  it('honours custom bounds', async () => {
    let result: string | undefined;
    void waitForSettle(document, { quietMs: 50, maxMs: 5000 }).then((r) => {
      result = r;
    });
    await advance(50);
    expect(result).toBe('quiet');
  });
});

describe('isSignificantMutation', () => {
  it('counts added elements with text but not attribute changes', () => {
    const p = document.createElement('p');
    const added = { type: 'childList', target: main(), addedNodes: [p], removedNodes: [] };
    expect(isSignificantMutation(added as unknown as MutationRecord)).toBe(true);
    const attribute = { type: 'attributes', target: main(), addedNodes: [], removedNodes: [] };
    expect(isSignificantMutation(attribute as unknown as MutationRecord)).toBe(false);
  });
});
