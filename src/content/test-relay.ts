/**
 * Test build only: lets a browser test drive the background re-check's hook (`recheck.test`) from a web page,
 * because Firefox's test driver cannot open the extension's own pages. The page dispatches a `redline-test`
 * event with `{ id, request }` in its detail (JSON); the reply lands in `<html data-redline-test-reply>`. The
 * normal build never installs it (`READABLE_CONTRACT` is a compile-time constant).
 */
import type { MessageType, RequestOf, ResponseOf } from '../background/protocol';

type Send = <K extends MessageType>(type: K, request: RequestOf<K>) => Promise<ResponseOf<K>>;

export function installTestRelay(doc: Document, send: Send, signal: AbortSignal): void {
  doc.addEventListener(
    'redline-test',
    (event) => {
      const detail = (event as CustomEvent<unknown>).detail;
      if (typeof detail !== 'string') return;
      let parsed: { id?: unknown; request?: unknown };
      try {
        parsed = JSON.parse(detail) as { id?: unknown; request?: unknown };
      } catch {
        return;
      }
      const id = parsed.id;
      const reply = (value: unknown): void => {
        doc.documentElement.dataset.redlineTestReply = JSON.stringify({ id, ...(value as object) });
      };
      send('recheck.test', parsed.request as RequestOf<'recheck.test'>).then(
        (value) => reply({ ok: true, value }),
        (error: unknown) =>
          reply({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
    },
    { signal },
  );
}
