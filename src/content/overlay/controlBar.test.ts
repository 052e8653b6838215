// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { ANNOUNCE_DELAY_MS, createControlBar } from './controlBar';
import { DomJournal } from './journal';

// jsdom cannot make trusted events; the buttons act on trusted ones only. untrusted.test.ts shows a script's
// clicks refused, and test/browser/page-privacy.test.ts does so in real browsers.
vi.mock('./trust', () => ({ isTrustedEvent: () => true }));

function mount() {
  const handlers = { onPrevious: vi.fn(), onNext: vi.fn(), onToggleMarks: vi.fn(), onDismiss: vi.fn() };
  const controller = new AbortController();
  const journal = new DomJournal();
  const bar = createControlBar(
    document,
    'light',
    '3 changes since 2 hours ago',
    handlers,
    controller.signal,
    journal,
    true,
  );
  const buttonOf = (action: string) =>
    bar.root.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)!;
  return { bar, handlers, controller, journal, buttonOf };
}

describe('createControlBar', () => {
  it('announces the change count politely once its live region is in place, and not after teardown', () => {
    vi.useFakeTimers();
    try {
      const { bar, controller } = mount();
      const live = bar.root.querySelector('[aria-live="polite"]');
      expect(live?.textContent).toBe('');
      vi.advanceTimersByTime(ANNOUNCE_DELAY_MS);
      expect(live?.textContent).toBe('3 changes since 2 hours ago');
      controller.abort();

      const second = mount();
      second.controller.abort();
      vi.advanceTimersByTime(ANNOUNCE_DELAY_MS);
      expect(second.bar.root.querySelector('[aria-live="polite"]')?.textContent).toBe('');
    } finally {
      vi.useRealTimers();
    }
  });

  it('closes its shadow root in the normal build', () => {
    const bar = createControlBar(
      document,
      'light',
      'summary',
      { onPrevious: vi.fn(), onNext: vi.fn(), onToggleMarks: vi.fn(), onDismiss: vi.fn() },
      new AbortController().signal,
      new DomJournal(),
      false,
    );
    expect(bar.host.shadowRoot).toBeNull();
    expect(bar.root.querySelectorAll('button')).toHaveLength(4);
    bar.host.remove();
  });

  it('is a fixed, isolated host with a labelled region in its shadow root', () => {
    const { bar } = mount();
    expect(bar.host.parentElement).toBe(document.documentElement);
    expect(bar.host.getAttribute('data-redline-ui')).toBe('bar');
    const style = bar.host.getAttribute('style') ?? '';
    expect(style).toContain('all: initial !important');
    expect(style).toContain('position: fixed !important');
    expect(style).toContain('z-index: 2147483647 !important');
    const region = bar.root.querySelector('[role="region"]')!;
    expect(region.getAttribute('aria-label')).toMatch(/Redline/);
    expect(region.textContent).toContain('3 changes since 2 hours ago');
    for (const button of bar.root.querySelectorAll('button')) {
      expect(button.getAttribute('aria-label')).toBeTruthy();
      expect(button.type).toBe('button');
    }
    expect(bar.root.querySelector('style')?.textContent).toContain(':focus-visible');
  });

  it('calls the handlers from its buttons', () => {
    const { handlers, buttonOf } = mount();
    buttonOf('previous').click();
    buttonOf('next').click();
    buttonOf('next').click();
    buttonOf('toggle').click();
    buttonOf('dismiss').click();
    expect(handlers.onPrevious).toHaveBeenCalledTimes(1);
    expect(handlers.onNext).toHaveBeenCalledTimes(2);
    expect(handlers.onToggleMarks).toHaveBeenCalledTimes(1);
    expect(handlers.onDismiss).toHaveBeenCalledTimes(1);
  });

  it('shows the position, announces it, and reflects hidden marks', () => {
    const { bar, buttonOf } = mount();
    bar.setPosition(1, 3, 'Reworded paragraph');
    expect(bar.root.querySelector('.position')?.textContent).toBe('2 / 3');
    expect(bar.root.querySelector('[aria-live]')?.textContent).toBe('Change 2 of 3: Reworded paragraph');
    bar.setMarksVisible(false);
    expect(buttonOf('toggle').textContent).toBe('Show marks');
    expect(buttonOf('next').disabled).toBe(true);
    bar.setMarksVisible(true);
    expect(buttonOf('toggle').getAttribute('aria-label')).toBe('Hide marks');
    expect(buttonOf('previous').disabled).toBe(false);
  });

  it('stops listening on abort and leaves with the journal', () => {
    const { bar, handlers, controller, journal, buttonOf } = mount();
    controller.abort();
    buttonOf('next').click();
    expect(handlers.onNext).not.toHaveBeenCalled();
    journal.undoAll();
    expect(bar.host.isConnected).toBe(false);
  });
});
