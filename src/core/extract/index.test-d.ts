import { describe, expectTypeOf, it } from 'vitest';
import type { ExtractResult } from '../model';
import { canonicalUrl, extract } from './index';

describe('extract public API', () => {
  it('extract takes a document and optional url / maxChars / force / isHidden', () => {
    expectTypeOf(extract).parameter(0).toEqualTypeOf<Document>();
    expectTypeOf(extract)
      .parameter(1)
      .toEqualTypeOf<
        { url?: string; maxChars?: number; force?: boolean; isHidden?: (el: Element) => boolean } | undefined
      >();
    expectTypeOf(extract).returns.toEqualTypeOf<ExtractResult>();
  });

  it('narrows on ok', () => {
    const result = extract({} as Document);
    if (result.ok) {
      expectTypeOf(result.elements).toEqualTypeOf<(Element | null)[]>();
      expectTypeOf(result.titleElement).toEqualTypeOf<Element | null>();
      expectTypeOf(result.article.paragraphs[0]).toEqualTypeOf<
        { text: string; kind: import('../model').BlockKind } | undefined
      >();
    } else {
      expectTypeOf(result.reason).toEqualTypeOf<
        'not-html' | 'not-readerable' | 'no-content' | 'too-large' | 'error'
      >();
      expectTypeOf(result.detail).toBeString();
    }
  });

  it('canonicalUrl takes a document and a location string', () => {
    expectTypeOf(canonicalUrl).toEqualTypeOf<(doc: Document, location: string) => string>();
  });
});
