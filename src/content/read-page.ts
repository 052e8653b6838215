/**
 * The content script's extraction: the page is read in the background (offscreen document in Chromium, the
 * background page in Firefox) and mapped back in slices (extract-remote.ts).
 */
import { send } from '../background/protocol';
import { READABLE_CONTRACT } from './contract';
import {
  type CaptureRequest,
  extractRemote,
  type PageReading,
  type RemoteExtractStats,
} from './extract-remote';
import { nextTaskOf } from './overlay/chunks';
import { uploadId } from './upload-id';

export async function readPage(
  doc: Document,
  opts: { url?: string; force?: boolean; capture?: CaptureRequest } = {},
): Promise<PageReading> {
  const stats: RemoteExtractStats = { path: 'remote', anchored: 0, byPath: 0, searched: 0, unmapped: 0 };
  let last = '';
  const result = await extractRemote(
    doc,
    opts,
    {
      upload: () => {
        const upload = uploadId();
        last = upload;
        return {
          piece: (index, piece) => send('page.upload', { upload, index, piece }).then(() => undefined),
          parse: ({ force, ...request }) =>
            send('page.parse', { upload, ...request, ...(force ? { force } : {}) }),
          part: (id, index) => send('parse.part', { id, index }),
        };
      },
      nextTask: nextTaskOf(doc.defaultView),
      now: () => performance.now(),
    },
    stats,
  );
  // Test build only: which path read the page, for the browser tests of both.
  if (READABLE_CONTRACT) doc.documentElement.dataset.redlineRead = stats.path;
  // The capture can name this reading instead of sending the article back (background/readings.ts).
  return result.ok ? { ...result, reading: last } : result;
}
