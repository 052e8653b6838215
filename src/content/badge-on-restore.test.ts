import { type DOMWindow, JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { badgeOnRestore } from './badge-on-restore';

function pageshow(win: DOMWindow, persisted: boolean): void {
  const event = new win.Event('pageshow');
  Object.defineProperty(event, 'persisted', { value: persisted });
  win.dispatchEvent(event);
}

describe('badgeOnRestore', () => {
  it('adds no listener until the page has shown changes', () => {
    const { window } = new JSDOM('');
    const add = vi.spyOn(window, 'addEventListener');
    badgeOnRestore(window, () => 0, vi.fn());
    expect(add).not.toHaveBeenCalled();
  });

  it('once armed, sets the badge again when the page comes back from the back/forward cache', () => {
    const { window } = new JSDOM('');
    let shown = 3;
    const showBadge = vi.fn();
    const arm = badgeOnRestore(window, () => shown, showBadge);
    arm();
    arm();
    pageshow(window, false);
    expect(showBadge).not.toHaveBeenCalled();
    pageshow(window, true);
    // Armed twice, one listener: one call.
    expect(showBadge).toHaveBeenCalledExactlyOnceWith(3);
    shown = 0;
    pageshow(window, true);
    expect(showBadge).toHaveBeenCalledTimes(1);
  });
});
