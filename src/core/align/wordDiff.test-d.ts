import { describe, expectTypeOf, it } from 'vitest';
import type { WordChange } from '../model';
import { diffWords } from './wordDiff';

describe('diffWords', () => {
  it('diffWords takes two texts and optional caps and returns word runs and capped', () => {
    expectTypeOf(diffWords).toBeCallableWith('old', 'new');
    expectTypeOf(diffWords).toBeCallableWith('old', 'new', { maxEditLength: 100, timeoutMs: 50 });
    expectTypeOf(diffWords).returns.toEqualTypeOf<{ words: WordChange[]; capped: boolean }>();
  });
});
