// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, it, vi } from 'vitest';
import type { IgnoreRule } from '../core/ignore';

const stored: IgnoreRule[] = [];
const send = vi.fn(async (type: string, request: unknown) => {
  if (type === 'rules.list') return [...stored];
  if (type === 'rules.add') {
    const rule = { ...(request as IgnoreRule), id: stored.length + 1, created: 0 };
    stored.push(rule);
    return rule;
  }
  if (type === 'rules.delete') {
    stored.splice(
      stored.findIndex((r) => r.id === (request as { id: number }).id),
      1,
    );
    return { deleted: true };
  }
  throw new Error(type);
});
vi.mock('../background/protocol', () => ({ send: (type: string, request: unknown) => send(type, request) }));
const { IgnoreRules } = await import('./IgnoreRules');

async function settle() {
  for (let i = 0; i < 5; i++) await act(async () => await Promise.resolve());
}

function type(selector: string, value: string) {
  const input = document.querySelector(selector) as HTMLInputElement;
  input.value = value;
  act(() => {
    input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
  });
}

it('adds, refuses a hostile regex with a reason, lists and deletes rules', async () => {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(<IgnoreRules />, root));
  await settle();
  expect(root.textContent).toContain('No rules yet.');

  act(() => (root.querySelector('[data-testid="rule-add"]') as HTMLButtonElement).click());
  type('[data-testid="rule-site"]', 'news.test');
  type('[data-testid="rule-kind"]', 'regex');
  type('[data-testid="rule-pattern"]', '(a+)+$');
  act(() => (root.querySelector('[data-testid="rule-save"]') as HTMLButtonElement).click());
  await settle();
  expect(root.querySelector('[data-testid="rule-error"]')?.textContent).toMatch(/repeated group/);
  expect(stored).toEqual([]);

  type('[data-testid="rule-pattern"]', '^Updated \\d+ minutes ago$');
  act(() => (root.querySelector('[data-testid="rule-save"]') as HTMLButtonElement).click());
  await settle();
  expect([...root.querySelectorAll('[data-testid="rule"]')].map((tr) => tr.textContent)).toEqual([
    'news.testRegular expression^Updated \\d+ minutes ago$Delete',
  ]);

  act(() => (root.querySelector('[data-testid="rule-delete"]') as HTMLButtonElement).click());
  await settle();
  expect(root.querySelectorAll('[data-testid="rule"]')).toHaveLength(0);
  render(null, root);
});
