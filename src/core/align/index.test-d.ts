import { describe, expectTypeOf, it } from 'vitest';
import type { AlignResult, VersionText } from '../model';
import { type AlignOptions, align, SIMILARITY_THRESHOLD } from './index';

describe('align public API', () => {
  it('align takes two versions and optional options and returns an AlignResult', () => {
    expectTypeOf(align).parameters.toEqualTypeOf<[VersionText, VersionText, AlignOptions?]>();
    expectTypeOf(align).returns.toEqualTypeOf<AlignResult>();
    expectTypeOf<AlignOptions>().toMatchTypeOf<{ maxEditLength?: number; timeoutMs?: number }>();
  });

  it('exports the similarity threshold as a number', () => {
    expectTypeOf(SIMILARITY_THRESHOLD).toEqualTypeOf<number>();
  });

  it('accepts read-only paragraph arrays', () => {
    const paragraphs: readonly string[] = ['a'];
    expectTypeOf(align).toBeCallableWith({ title: 't', paragraphs }, { title: 't', paragraphs });
  });
});
