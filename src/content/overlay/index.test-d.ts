import { describe, expectTypeOf, it } from 'vitest';
import type { AlignResult } from '../../core/model';
import type { mountOverlay, OverlayInput } from './index';

describe('overlay API types', () => {
  it("mounts from an OverlayInput and an AbortSignal (and the build's page contract), returning nothing", () => {
    expectTypeOf<typeof mountOverlay>().toEqualTypeOf<
      (input: OverlayInput, signal: AbortSignal, readable?: boolean) => void
    >();
  });

  it('takes the alignment, live elements and the previous version as agreed', () => {
    expectTypeOf<OverlayInput['result']>().toEqualTypeOf<AlignResult>();
    expectTypeOf<OverlayInput['elements']>().toEqualTypeOf<(Element | null)[]>();
    expectTypeOf<OverlayInput['titleElement']>().toEqualTypeOf<Element | null>();
    expectTypeOf<OverlayInput['old']>().toEqualTypeOf<{ title: string; paragraphs: string[] }>();
    expectTypeOf<OverlayInput['since']>().toEqualTypeOf<number>();
    expectTypeOf<OverlayInput['onDismiss']>().toEqualTypeOf<() => void>();
  });

  it('rejects an input without a document', () => {
    // @ts-expect-error doc is required
    const input: OverlayInput = {
      result: {} as AlignResult,
      elements: [],
      titleElement: null,
      old: { title: '', paragraphs: [] },
      since: 0,
      onDismiss: () => {},
    };
    expectTypeOf(input).toEqualTypeOf<OverlayInput>();
  });
});
