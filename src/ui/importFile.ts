/**
 * A history file's text, read a slice at a time (fileChunks.ts) so the page can say how far it got; then
 * validated whole and merged by `importHistory`, the background's own import, on the history database the page
 * opens itself (pageHistory.ts says why).
 */
import type { HistoryDb } from '../background/db';
import { type ImportOutcome, importHistory } from '../background/ui-import';
import { CHUNK_BYTES, readTextChunks } from './fileChunks';

export interface ReadOptions {
  /** Share of the file read so far, 0…1. */
  onProgress?: (read: number) => void;
  chunkBytes?: number;
}

export async function readFileText(
  file: Blob,
  { onProgress, chunkBytes = CHUNK_BYTES }: ReadOptions = {},
): Promise<string> {
  const parts: string[] = [];
  let bytes = 0;
  for await (const text of readTextChunks(file, chunkBytes)) {
    parts.push(text);
    bytes = Math.min(file.size, bytes + chunkBytes);
    onProgress?.(bytes / file.size);
  }
  return parts.join('');
}

/** Reads `file` and imports it into `db`; nothing is written unless the whole file is valid. */
export async function importFile(
  db: HistoryDb,
  file: Blob,
  options: ReadOptions = {},
): Promise<ImportOutcome> {
  return importHistory(db, await readFileText(file, options));
}
