import { describe, expect, it, vi } from 'vitest';
import { tabBadge } from './tab-badge';

describe('tabBadge', () => {
  it('sends nothing for a page that shows no changes: the badge is clear when a document loads', () => {
    const send = vi.fn();
    tabBadge(send).show(0);
    expect(send).not.toHaveBeenCalled();
  });

  it('sends each change of the count once, including back to none', () => {
    const send = vi.fn();
    const badge = tabBadge(send);
    badge.show(4);
    badge.show(4);
    badge.show(0);
    badge.show(0);
    badge.show(2);
    expect(send.mock.calls).toEqual([[4], [0], [2]]);
  });

  it('sets the badge again after the browser reset it, even to the count it had', () => {
    const send = vi.fn();
    const badge = tabBadge(send);
    badge.show(3);
    badge.restore(3);
    expect(send.mock.calls).toEqual([[3], [3]]);
  });

  it('knows a badge the background cleared, so showing the same count again sets it', () => {
    const send = vi.fn();
    const badge = tabBadge(send);
    badge.show(3);
    badge.cleared();
    badge.show(3);
    badge.show(0);
    expect(send.mock.calls).toEqual([[3], [3], [0]]);
  });
});
