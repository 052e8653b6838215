/**
 * Importing a history file from an extension page: the file is read a slice at a time and sent to the background
 * in pieces (`ui.importPart`), then `ui.importEnd` has it validated whole and written; see
 * src/background/ui-upload.ts for why it is not one message.
 */
import type { RequestOf, ResponseOf } from '../background/protocol';
import type { ImportOutcome } from '../background/ui-import';
import { CHUNK_BYTES, readTextChunks } from './fileChunks';

export interface ImportSend {
  part: (request: RequestOf<'ui.importPart'>) => Promise<ResponseOf<'ui.importPart'>>;
  end: (request: RequestOf<'ui.importEnd'>) => Promise<ImportOutcome>;
}

export interface ImportFileOptions {
  /** Share of the file sent so far, 0…1. */
  onProgress?: (sent: number) => void;
  chunkBytes?: number;
  /** The upload's id; a fresh random one by default. */
  upload?: string;
}

export async function importFile(
  file: Blob,
  send: ImportSend,
  { onProgress, chunkBytes = CHUNK_BYTES, upload = crypto.randomUUID() }: ImportFileOptions = {},
): Promise<ImportOutcome> {
  let index = 0;
  let bytes = 0;
  for await (const text of readTextChunks(file, chunkBytes)) {
    await send.part({ upload, index, text });
    index += 1;
    bytes = Math.min(file.size, bytes + chunkBytes);
    onProgress?.(file.size === 0 ? 1 : bytes / file.size);
  }
  // An empty file still ends in a check, which says it is empty.
  if (index === 0) await send.part({ upload, index: 0, text: '' });
  return send.end({ upload });
}
