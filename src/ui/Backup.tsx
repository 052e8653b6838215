/**
 * Export and import buttons, shared by the history page, the options page and (one article) the popup.
 * A backup can be hundreds of megabytes, so both read and write the history database from the page itself
 * (pageHistory.ts says why), with the background's own functions: an import is validated whole before anything
 * is written, and its problems are listed here.
 */
import { useState } from 'preact/hooks';
import { articleRecords, exportBatch } from '../background/ui-history';
import { EXPORT_BATCH_ARTICLES } from '../background/ui-protocol';
import { downloadBlob, type ExportProgress, exportBlob } from './exportFile';
import { exportFileName } from './format';
import { t, tn } from './i18n';
import { importFile } from './importFile';
import { withPageHistory } from './pageHistory';

type ExportState =
  | { kind: 'idle' }
  | { kind: 'busy'; progress: ExportProgress | null }
  | { kind: 'done'; articles: number }
  | { kind: 'error'; message: string };

function progressText(progress: ExportProgress | null): string {
  if (!progress) return t('export_preparing');
  return progress.phase === 'reading'
    ? tn('export_reading', progress.articles)
    : tn('export_writing', progress.articles);
}

/** Exports one article (`url`) or, with url null, the whole history, as a JSON download. */
export function ExportButton(props: { url: string | null; site?: string | null; label: string }) {
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const run = async () => {
    setState({ kind: 'busy', progress: null });
    try {
      const { url } = props;
      const { blob, articles } = await withPageHistory((db) =>
        exportBlob(
          async (after) =>
            url === null
              ? exportBatch(db, after, EXPORT_BATCH_ARTICLES)
              : { records: await articleRecords(db, url), next: null },
          (progress) => setState({ kind: 'busy', progress }),
        ),
      );
      downloadBlob(document, blob, exportFileName(Date.now(), props.site ?? null));
      setState({ kind: 'done', articles });
    } catch (error) {
      setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div class="backup-action">
      <button type="button" onClick={run} disabled={state.kind === 'busy'} data-testid="export">
        {props.label}
      </button>
      <span class="status" role="status" data-testid="export-status">
        {state.kind === 'busy' ? progressText(state.progress) : null}
        {state.kind === 'done' ? tn('export_done', state.articles) : null}
      </span>
      {state.kind === 'error' ? (
        <p class="error" role="alert">
          {t('export_failed', state.message)}
        </p>
      ) : null}
    </div>
  );
}

type ImportState =
  | { kind: 'idle' }
  | { kind: 'busy'; fileName: string; sent: number }
  | { kind: 'done'; summary: string }
  | { kind: 'invalid'; fileName: string; errors: string[] }
  | { kind: 'error'; message: string };

/** Picks a history file and imports it; `onImported` runs after anything was written. */
export function ImportButton(props: { onImported?: () => void }) {
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const onChange = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setState({ kind: 'busy', fileName: file.name, sent: 0 });
    try {
      const outcome = await withPageHistory((db) =>
        importFile(db, file, { onProgress: (sent) => setState({ kind: 'busy', fileName: file.name, sent }) }),
      );
      if (outcome.imported) {
        setState({ kind: 'done', summary: outcome.summary });
        props.onImported?.();
      } else {
        setState({ kind: 'invalid', fileName: file.name, errors: outcome.errors });
      }
    } catch (error) {
      setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div class="backup-action">
      <label class="button">
        {t('import_button')}
        <input
          type="file"
          accept=".json,application/json"
          class="visually-hidden"
          onChange={onChange}
          disabled={state.kind === 'busy'}
          data-testid="import-file"
        />
      </label>
      <span class="status" role="status" data-testid="import-status">
        {state.kind === 'busy'
          ? state.sent < 1
            ? t('import_reading', state.fileName, Math.floor(state.sent * 100))
            : t('import_checking', state.fileName)
          : null}
        {state.kind === 'done' ? state.summary : null}
      </span>
      {state.kind === 'invalid' ? (
        <div class="error" role="alert" data-testid="import-error">
          <p>{t('import_invalid', state.fileName)}</p>
          <ul>
            {state.errors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {state.kind === 'error' ? (
        <p class="error" role="alert" data-testid="import-error">
          {t('import_failed', state.message)}
        </p>
      ) : null}
    </div>
  );
}
