/**
 * The background's side of an upload (src/background/parse/uploads.ts) for tests of the content script's
 * extraction: the pieces (the last one comes with the parse) are joined and handed to `parse`, as 'page.parse'
 * does. `seen.pieces`: every piece, in the order they were sent.
 */
import type { PageUpload } from '../../src/content/extract-remote';
import type { ParsedPage } from '../../src/core/remote-extract/parse';

export function uploadTo(
  parse: (html: string, location: string, force: boolean) => ParsedPage | Promise<ParsedPage>,
  seen: { pieces: string[] } = { pieces: [] },
): () => PageUpload {
  return () => {
    const pieces: string[] = [];
    return {
      piece: async (index, piece) => {
        pieces[index] = piece;
        seen.pieces.push(piece);
      },
      parse: async ({ pieces: count, location, force, last }) => {
        if (last !== undefined) {
          pieces[count - 1] = last;
          seen.pieces.push(last);
        }
        if (pieces.length !== count) throw new Error(`${count} pieces announced, ${pieces.length} sent`);
        return parse(pieces.join(''), location, force);
      },
      // `parse` answers whole: there are no parts to ask for.
      part: async () => {
        throw new Error('no parts here');
      },
    };
  };
}
