import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { installTestRelay } from './test-relay';

describe('installTestRelay (test build only)', () => {
  it('forwards a page event to the background as recheck.test and writes the reply on <html>', async () => {
    const { window } = new JSDOM('<html><body></body></html>');
    const doc = window.document;
    const sent: unknown[] = [];
    const send = (async (type: string, request: unknown) => {
      sent.push([type, request]);
      return { ran: false, reason: 'off' };
    }) as Parameters<typeof installTestRelay>[1];
    const controller = new window.AbortController();
    installTestRelay(doc, send, controller.signal);
    const detail = JSON.stringify({ id: 7, request: { action: 'observe' } });
    doc.dispatchEvent(new window.CustomEvent('redline-test', { detail }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toEqual([['recheck.test', { action: 'observe' }]]);
    expect(JSON.parse(doc.documentElement.dataset.redlineTestReply ?? '')).toEqual({
      id: 7,
      ok: true,
      value: { ran: false, reason: 'off' },
    });
    // Torn down with its signal; malformed details are ignored.
    controller.abort();
    doc.dispatchEvent(new window.CustomEvent('redline-test', { detail }));
    doc.dispatchEvent(new window.CustomEvent('redline-test', { detail: '{' }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toHaveLength(1);
  });
});
