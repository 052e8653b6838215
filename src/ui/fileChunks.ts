/**
 * A file's text in pieces, read a slice at a time. A history file can be hundreds of megabytes, and a browser
 * refuses one runtime message past 64 MiB (Chromium's limit on an extension message), so an import is sent to
 * the background in pieces. Decoding is streamed: a UTF-8 character split between two slices is decoded whole,
 * and the pieces join to exactly what `blob.text()` gives (invalid bytes become U+FFFD, as there).
 */

/**
 * Bytes per slice. A piece of this many bytes is at most this many characters, and JSON-escaped for the message
 * (a control character becomes six) it stays under the 64 MiB limit.
 */
export const CHUNK_BYTES = 8 * 1024 * 1024;

export async function* readTextChunks(blob: Blob, chunkBytes: number = CHUNK_BYTES): AsyncGenerator<string> {
  if (!Number.isInteger(chunkBytes) || chunkBytes < 4) throw new RangeError('chunkBytes must be at least 4');
  const decoder = new TextDecoder('utf-8');
  for (let start = 0; start < blob.size; start += chunkBytes) {
    const bytes = await blob.slice(start, start + chunkBytes).arrayBuffer();
    const text = decoder.decode(bytes, { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}
