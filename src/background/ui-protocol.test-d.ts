import { describe, expectTypeOf, it } from 'vitest';
import type { TabProtocol, TabStatus } from '../content/tab-protocol';
import type { StoredArticle } from '../core/history';
import type { PageSender, RequestOf, ResponseOf, SenderOf } from './protocol';
import type { ArticleDetail, ExportBatch } from './ui-history';
import type { ImportOutcome } from './ui-import';
import type { PruneReport } from './ui-retention';

describe('ui protocol types', () => {
  it('types the pages’ messages end to end', () => {
    expectTypeOf<ResponseOf<'ui.articles'>>().toEqualTypeOf<StoredArticle[]>();
    expectTypeOf<ResponseOf<'ui.article'>>().toEqualTypeOf<ArticleDetail | null>();
    expectTypeOf<ResponseOf<'ui.export'>>().toEqualTypeOf<ExportBatch>();
    expectTypeOf<RequestOf<'ui.import'>>().toEqualTypeOf<{ text: string }>();
    expectTypeOf<ResponseOf<'ui.import'>>().toEqualTypeOf<ImportOutcome>();
    expectTypeOf<ResponseOf<'ui.retention'>>().toEqualTypeOf<PruneReport>();
    expectTypeOf<SenderOf<'ui.deleteAll'>>().toEqualTypeOf<PageSender>();
  });

  it('rejects requests of the wrong shape', () => {
    // @ts-expect-error: the export needs a batch size
    const noLimit: RequestOf<'ui.export'> = { url: null, after: null };
    expectTypeOf(noLimit).not.toBeAny();
  });

  it('types the popup ↔ tab messages', () => {
    expectTypeOf<TabProtocol['tab.status']['response']>().toEqualTypeOf<TabStatus>();
    expectTypeOf<TabProtocol['tab.compare']['response']>().toEqualTypeOf<{ changes: number }>();
  });
});
