import { describe, expectTypeOf, it } from 'vitest';
import type {
  CaptureReply,
  ContentSender,
  Handlers,
  PageSender,
  RequestOf,
  ResponseOf,
  SenderOf,
  send,
} from './protocol';

describe('protocol types', () => {
  it('types each request and response by message type', () => {
    expectTypeOf<RequestOf<'site.check'>>().toEqualTypeOf<{ location: string }>();
    expectTypeOf<ResponseOf<'article.capture'>>().toEqualTypeOf<CaptureReply>();
    expectTypeOf<ReturnType<typeof send<'badge.set'>>>().toEqualTypeOf<Promise<null>>();
  });

  it('rejects a request of the wrong shape', () => {
    expectTypeOf<Parameters<typeof send<'site.check'>>[1]>().toEqualTypeOf<{ location: string }>();
    // @ts-expect-error: location must be a string
    const wrong: RequestOf<'site.check'> = { location: 1 };
    expectTypeOf(wrong).not.toBeAny();
  });

  it('gives handlers the sender kind their message allows', () => {
    expectTypeOf<SenderOf<'badge.set'>>().toEqualTypeOf<ContentSender>();
    expectTypeOf<SenderOf<'settings.update'>>().toEqualTypeOf<PageSender>();
    expectTypeOf<Parameters<Handlers['badge.set']>[1]>().toEqualTypeOf<ContentSender>();
  });

  it('narrows a changed capture to one with the previous version', () => {
    const reply = {} as CaptureReply;
    if (reply.status === 'changed') expectTypeOf(reply.previous.paragraphs).toEqualTypeOf<string[]>();
    if (reply.status === 'skipped')
      expectTypeOf(reply.reason).toEqualTypeOf<
        'paused' | 'excluded' | 'not-article' | 'rate-limited' | 'partial'
      >();
  });
});
