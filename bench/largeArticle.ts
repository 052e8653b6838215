/**
 * The page of N paragraphs that trace-visit and bench:jank read with `--mount=N`: first as published, then with
 * every paragraph reworded (one word) and every tenth removed, so a revisit marks N changes.
 */
import { plainFrame } from '../test/fixtures/pages/fixture-pages';
import { renderArticlePage } from '../test/fixtures/pages/news-page';

export function largeArticlePages(n: number, url: string): { first: string; edited: string } {
  const paragraphs = (edited: boolean): string[] =>
    Array.from(
      { length: n },
      (_, i) =>
        `Paragraph ${i} of the council report says ${edited ? 'new' : 'old'} things about the budget and roads.`,
    ).filter((_, i) => !edited || i % 10 !== 5);
  const frame = plainFrame(url);
  return {
    first: renderArticlePage({ title: `Council report ${n}`, paragraphs: paragraphs(false) }, frame),
    edited: renderArticlePage({ title: `Council report ${n}`, paragraphs: paragraphs(true) }, frame),
  };
}
