/**
 * The error name of an 'article.capture' that named a reading the background no longer has (its service worker
 * restarted, or the reading expired): the page then sends the article itself (src/content/evaluate.ts).
 */
export const READING_GONE = 'ReadingGone';
