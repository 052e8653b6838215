import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashInput, versionHash } from './hash';

describe('versionHash', () => {
  it('is the SHA-256 hex digest of the comparison form', async () => {
    const version = { title: 'Headline', paragraphs: ['One.', 'Two.'] };
    const expected = createHash('sha256')
      .update(JSON.stringify(['Headline', 'One.', 'Two.']))
      .digest('hex');
    expect(await versionHash(version)).toBe(expected);
  });

  it('ignores differences a reader would not call an edit', async () => {
    const plain = { title: 'It\'s "done"', paragraphs: ['A - B', 'Wait...'] };
    const typeset = {
      title: 'It\u2019s \u201cdone\u201d',
      paragraphs: ['A \u2013\u00a0B ', 'Wait\u2026', ''],
    };
    expect(await versionHash(typeset)).toBe(await versionHash(plain));
  });

  it('changes when a word, the headline or the paragraph order changes', async () => {
    const base = await versionHash({ title: 'T', paragraphs: ['a b', 'c'] });
    expect(await versionHash({ title: 'T', paragraphs: ['a B', 'c'] })).not.toBe(base);
    expect(await versionHash({ title: 'U', paragraphs: ['a b', 'c'] })).not.toBe(base);
    expect(await versionHash({ title: 'T', paragraphs: ['c', 'a b'] })).not.toBe(base);
  });

  it('does not confuse a paragraph boundary with text', () => {
    expect(hashInput({ title: 'T', paragraphs: ['a", "b'] })).not.toBe(
      hashInput({ title: 'T', paragraphs: ['a', 'b'] }),
    );
    expect(hashInput({ title: 'T', paragraphs: ['a b'] })).not.toBe(
      hashInput({ title: 'T', paragraphs: ['a', 'b'] }),
    );
  });
});
