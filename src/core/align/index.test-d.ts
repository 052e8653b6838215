import { describe, expectTypeOf, it } from 'vitest';
import type { AlignResult, VersionText, WordChange } from '../model';
import { type AlignOptions, align, diffWords, SIMILARITY_THRESHOLD } from './index';

describe('align public API', () => {
  it('align takes two versions and optional options and returns an AlignResult', () => {
    expectTypeOf(align).parameters.toEqualTypeOf<[VersionText, VersionText, AlignOptions?]>();
    expectTypeOf(align).returns.toEqualTypeOf<AlignResult>();
    expectTypeOf<AlignOptions>().toMatchTypeOf<{ maxEditLength?: number; timeoutMs?: number }>();
  });

  it('diffWords takes two texts and optional caps and returns word runs and capped', () => {
    expectTypeOf(diffWords).toBeCallableWith('old', 'new');
    expectTypeOf(diffWords).toBeCallableWith('old', 'new', { maxEditLength: 100, timeoutMs: 50 });
    expectTypeOf(diffWords).returns.toEqualTypeOf<{ words: WordChange[]; capped: boolean }>();
  });

  it('exports the similarity threshold as a number', () => {
    expectTypeOf(SIMILARITY_THRESHOLD).toEqualTypeOf<number>();
  });

  it('accepts read-only paragraph arrays', () => {
    const paragraphs: readonly string[] = ['a'];
    expectTypeOf(align).toBeCallableWith({ title: 't', paragraphs }, { title: 't', paragraphs });
  });
});
