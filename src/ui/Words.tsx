/** Word-diff runs as text: inserted words in <ins>, deleted ones in <del>. Page text is only ever text. */
import type { WordChange } from '../core/model';

export function Words({ runs }: { runs: readonly WordChange[] }) {
  return (
    <>
      {runs.map((run, i) =>
        run.op === 'equal' ? (
          run.text
        ) : run.op === 'insert' ? (
          <ins key={i}>{run.text}</ins>
        ) : (
          <del key={i}>{run.text}</del>
        ),
      )}
    </>
  );
}
