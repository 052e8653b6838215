/**
 * Building an export file in an extension page: the records come from the background in batches (no single
 * message carries a whole large history), and the JSON is written in chunks with a pause between them, so the
 * page stays responsive while a big history is exported.
 */

import type { ExportBatch } from '../background/ui-history';
import { type HistoryRecords, serializeAsync, toExport } from '../core/export';

export type FetchBatch = (after: string | null) => Promise<ExportBatch>;

export interface ExportProgress {
  /** Articles read from the history so far. */
  articles: number;
  phase: 'reading' | 'writing';
}

/** All records the batches hold, following `next` until the last batch. */
export async function collectRecords(
  fetchBatch: FetchBatch,
  onProgress: (progress: ExportProgress) => void = () => undefined,
): Promise<HistoryRecords> {
  const all: HistoryRecords = { articles: [], versions: [], visits: [] };
  let after: string | null = null;
  do {
    const batch: ExportBatch = await fetchBatch(after);
    // push(...) of a large batch could exceed the argument limit; a loop cannot.
    for (const a of batch.records.articles) all.articles.push(a);
    for (const v of batch.records.versions) all.versions.push(v);
    for (const v of batch.records.visits) all.visits.push(v);
    if (batch.records.ignoreRules)
      all.ignoreRules = [...(all.ignoreRules ?? []), ...batch.records.ignoreRules];
    onProgress({ articles: all.articles.length, phase: 'reading' });
    after = batch.next;
  } while (after !== null);
  return all;
}

/** The export file as a Blob, its text exactly `serialize(toExport(records))`. */
export async function exportBlob(
  fetchBatch: FetchBatch,
  onProgress: (progress: ExportProgress) => void = () => undefined,
  pause?: () => Promise<void>,
): Promise<{ blob: Blob; articles: number }> {
  const records = await collectRecords(fetchBatch, onProgress);
  const doc = toExport(records);
  onProgress({ articles: doc.articles.length, phase: 'writing' });
  const parts: string[] = [];
  for await (const piece of serializeAsync(doc, pause ? { pause } : {})) parts.push(piece);
  return { blob: new Blob(parts, { type: 'application/json' }), articles: doc.articles.length };
}

/** Offers `blob` as a download named `fileName`. */
export function downloadBlob(doc: Document, blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The download reads the URL after this task; revoking at once can cancel it (seen in Firefox).
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
