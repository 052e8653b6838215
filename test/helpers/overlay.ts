/**
 * Overlay input for unit tests: a page of `n` paragraphs "Old words new words.", each reworded from
 * "Old words words." by the one inserted word "new".
 */
import type { OverlayInput } from '../../src/content/overlay';

const WORDS = [
  { op: 'equal' as const, text: 'Old words ' },
  { op: 'insert' as const, text: 'new' },
  { op: 'equal' as const, text: ' words.' },
];

/** Writes the page into `document.body` and returns the input that marks every paragraph as reworded. */
export function everyParagraphReworded(n: number): OverlayInput & { elements: HTMLParagraphElement[] } {
  document.body.innerHTML = `<article><h1>T</h1>${'<p>Old words new words.</p>'.repeat(n)}</article>`;
  const elements = Array.from(document.querySelectorAll('p'));
  return {
    doc: document,
    result: {
      title: { changed: false, old: 'T', new: 'T', words: [] },
      paragraphs: elements.map((_, i) => ({
        kind: 'reworded' as const,
        oldIndex: i,
        newIndex: i,
        moved: false,
        similarity: 0.9,
        words: WORDS,
      })),
      removed: [],
      stats: { unchanged: 0, added: 0, removed: 0, reworded: n, moved: 0 },
      capped: false,
    },
    elements,
    titleElement: document.querySelector('h1'),
    old: { title: 'T', paragraphs: elements.map(() => 'Old words words.') },
    since: Date.now(),
    onDismiss: () => undefined,
  };
}
