/**
 * `compareText` with a fast path: most paragraphs are printable ASCII with single spaces, which compareText
 * returns unchanged, and one regex test is far cheaper than its eight replace passes (normalising 5,000
 * paragraphs would take about as long as the whole alignment budget).
 */
import { compareText } from '../text';

// Printable ASCII without the backtick (compareText maps it to '), in words separated by single spaces.
const UNCHANGED = /^[\x21-\x5f\x61-\x7e]+(?: [\x21-\x5f\x61-\x7e]+)*$/;

export function comparisonForm(text: string): string {
  if (UNCHANGED.test(text) && !text.includes("''")) return text;
  return compareText(text);
}
