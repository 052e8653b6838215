/** The background's answers to the re-check's messages (protocol.ts); spread into `createHandlers`. */
import type { HistoryDb } from '../db';
import type { Handlers } from '../protocol';
import type { RecheckMessageType, RecheckTestRequest } from './protocol';
import { editedSinceRead, readFollow } from './store';

export interface RecheckHandlerDeps {
  db: () => Promise<HistoryDb>;
  /** Sets the toolbar badge's count of articles edited since read. */
  refreshBadge: (count: number) => Promise<void>;
  /** The test build's hook; null in the normal build, which refuses the message. */
  test: ((request: RecheckTestRequest) => Promise<unknown>) | null;
}

export class TestHookRefused extends Error {
  override readonly name = 'TestHookRefused';
}

export function createRecheckHandlers({
  db,
  refreshBadge,
  test,
}: RecheckHandlerDeps): Pick<Handlers, RecheckMessageType> {
  return {
    'recheck.edited': async () => {
      const list = await editedSinceRead(await db());
      // The list is what the badge counts: whoever looks at it sees the badge agree.
      await refreshBadge(list.length).catch(() => undefined);
      return list;
    },
    'recheck.follow': async ({ url }) => readFollow(await db(), url),
    'recheck.test': async (request) => {
      if (test === null) throw new TestHookRefused('recheck.test exists only in the test build');
      return test(request);
    },
  };
}
