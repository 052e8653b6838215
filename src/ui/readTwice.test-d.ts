import { describe, expectTypeOf, it } from 'vitest';
import type { ArticleDetail } from '../background/ui-history';
import type { readTwice } from './readTwice';

describe('readTwice types', () => {
  it('answers a read with its typed response', () => {
    expectTypeOf<ReturnType<typeof readTwice<'ui.article'>>>().toEqualTypeOf<Promise<ArticleDetail | null>>();
  });

  it('refuses writes: they are never sent twice', () => {
    // @ts-expect-error: deleting everything is not a read
    expectTypeOf<Parameters<typeof readTwice<'ui.deleteAll'>>>().not.toBeAny();
    // @ts-expect-error: an import is not a read
    expectTypeOf<Parameters<typeof readTwice<'ui.import'>>>().not.toBeAny();
    // @ts-expect-error: nor is a settings change
    expectTypeOf<Parameters<typeof readTwice<'settings.update'>>>().not.toBeAny();
  });
});
