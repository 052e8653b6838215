// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { align } from '../core/align';
import type { IgnoreRule } from '../core/ignore';
import { ignoreOnPage } from './pageRules';

const rule = (kind: IgnoreRule['kind'], pattern: string): IgnoreRule => ({
  site: 'news.test',
  kind,
  pattern,
  created: 0,
});

describe('ignoreOnPage', () => {
  document.body.innerHTML =
    '<p>The council met on Tuesday to vote on the budget.</p><div class="ticker"><p>Markets are up 3% this morning in early trading in London</p></div><p>Updated 4 minutes ago by our news desk</p><p>Body.</p>';
  const elements = [...document.querySelectorAll('p')];
  const older = [
    'The council met on Monday to vote on the budget.',
    'Markets are up 2% this morning in early trading in London',
    'Updated 1 minutes ago by our news desk',
    'Body.',
  ];
  const newer = elements.map((p) => p.textContent ?? '');
  const result = align({ title: 't', paragraphs: older }, { title: 't', paragraphs: newer });

  it('a selector rule covers the paragraphs inside the matched element; a text rule its text', () => {
    expect(result.stats.reworded).toBe(3);
    const shown = ignoreOnPage(result, older, newer, elements, [
      rule('selector', '.ticker'),
      rule('text', 'Updated # minutes ago by our news desk'),
    ]);
    expect(shown.stats.reworded).toBe(1);
    expect(shown.paragraphs.find((c) => c.kind === 'reworded')?.newIndex).toBe(0);
  });

  it('an unparsable selector is skipped', () => {
    expect(ignoreOnPage(result, older, newer, elements, [rule('selector', '[[[')]).stats.reworded).toBe(3);
  });
});
