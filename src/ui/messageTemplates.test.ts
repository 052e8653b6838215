import { describe, expect, it } from 'vitest';
import { fillTemplate, messageTemplates, SLOTS } from './messageTemplates';

/** A stand-in for `i18n.getMessage` over a small catalogue, substituting as the browsers do. */
function getMessage(catalogue: Record<string, string>) {
  return (key: string, substitutions: string[]): string =>
    (catalogue[key] ?? '').replace(/\$(\$|[1-9])/g, (_all, which: string) =>
      which === '$' ? '$' : (substitutions[Number(which) - 1] ?? ''),
    );
}

describe('messageTemplates', () => {
  const catalogue = {
    plain: 'Removed',
    counted: '$1 changes since $2',
    reordered: '$2, then $1',
    dollars: 'Costs $$5 for $1',
  };
  const templates = messageTemplates([...Object.keys(catalogue), 'missing'], getMessage(catalogue));

  it('marks each substitution with its slot and leaves unknown keys out', () => {
    expect(templates.counted).toBe(`${SLOTS[0]} changes since ${SLOTS[1]}`);
    expect(templates.plain).toBe('Removed');
    expect('missing' in templates).toBe(false);
  });

  it('fills a template as the browser would have written the message', () => {
    const values = ['18', '1 minute ago'];
    for (const key of Object.keys(catalogue)) {
      expect(fillTemplate(templates[key] ?? '', values)).toBe(getMessage(catalogue)(key, values));
    }
  });

  it('keeps a literal dollar sign and reads a missing value as nothing', () => {
    expect(fillTemplate(templates.dollars ?? '', ['you'])).toBe('Costs $5 for you');
    expect(fillTemplate(templates.counted ?? '', ['3'])).toBe('3 changes since ');
  });
});
