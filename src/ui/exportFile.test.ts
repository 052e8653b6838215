import { describe, expect, it } from 'vitest';
import { sampleRecords } from '../../test/helpers/records';
import type { ExportBatch } from '../background/ui-history';
import { serialize, toExport } from '../core/export';
import { collectRecords, type ExportProgress, exportBlob } from './exportFile';

/** Serves the records one article per batch, in URL order, as the background does. */
async function batches(): Promise<(after: string | null) => Promise<ExportBatch>> {
  const records = await sampleRecords();
  const urls = records.articles.map((a) => a.url).sort();
  return async (after) => {
    const i = after === null ? 0 : urls.indexOf(after) + 1;
    const url = urls[i] ?? '';
    return {
      records: {
        articles: records.articles.filter((a) => a.url === url),
        versions: records.versions.filter((v) => v.url === url),
        visits: records.visits.filter((v) => v.url === url),
      },
      next: i + 1 < urls.length ? url : null,
    };
  };
}

describe('exportBlob', () => {
  it('follows the batches and writes exactly the serialized document', async () => {
    const records = await sampleRecords();
    const progress: ExportProgress[] = [];
    let pauses = 0;
    const { blob, articles } = await exportBlob(
      await batches(),
      (p) => progress.push(p),
      async () => {
        pauses++;
      },
    );
    expect(articles).toBe(2);
    expect(await blob.text()).toBe(serialize(toExport(records)));
    expect(blob.type).toBe('application/json');
    expect(progress.map((p) => p.phase)).toEqual(['reading', 'reading', 'writing']);
    expect(pauses).toBeGreaterThan(0);
  });

  it('collects every record of every batch', async () => {
    const records = await sampleRecords();
    const all = await collectRecords(await batches());
    expect(all.articles).toHaveLength(records.articles.length);
    expect(all.versions).toHaveLength(records.versions.length);
    expect(all.visits).toHaveLength(records.visits.length);
  });
});
