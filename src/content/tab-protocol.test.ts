import { describe, expect, it } from 'vitest';
import { asTabMessage, sendToTab, TabError, type TabsApi } from './tab-protocol';

describe('asTabMessage', () => {
  it('accepts the two tab messages', () => {
    expect(asTabMessage({ type: 'tab.status', request: null })).toEqual({
      type: 'tab.status',
      request: null,
    });
    const version = { hash: 'h', title: 't', paragraphs: ['a'], firstSeen: 1 };
    expect(asTabMessage({ type: 'tab.compare', request: { version } })).toEqual({
      type: 'tab.compare',
      request: { version },
    });
    expect(asTabMessage({ type: 'tab.compare', request: { version: null } })?.type).toBe('tab.compare');
  });

  it('ignores anything else', () => {
    expect(asTabMessage({ type: 'site.check', request: { location: 'x' } })).toBeNull();
    expect(
      asTabMessage({ type: 'tab.compare', request: { version: { hash: 'h', paragraphs: [1] } } }),
    ).toBeNull();
    expect(asTabMessage('tab.status')).toBeNull();
  });
});

describe('sendToTab', () => {
  const answering = (reply: unknown): TabsApi => ({ sendMessage: async () => reply });

  it('returns the value of a successful reply', async () => {
    expect(
      await sendToTab(answering({ ok: true, value: { changes: 3 } }), 1, 'tab.compare', { version: null }),
    ).toEqual({
      changes: 3,
    });
  });

  it('throws the error the tab sent back, or a protocol error without a reply', async () => {
    await expect(
      sendToTab(
        answering({ ok: false, error: { name: 'Error', message: 'not an article' } }),
        1,
        'tab.status',
        null,
      ),
    ).rejects.toThrow('not an article');
    await expect(sendToTab(answering(undefined), 1, 'tab.status', null)).rejects.toBeInstanceOf(TabError);
  });
});
