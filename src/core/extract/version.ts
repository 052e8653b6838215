/**
 * Which extraction produced a stored version. Versions stored before this field existed (release 0.1.0) read as 1.
 * Raise it whenever extraction changes what it takes from a page (boundary, hidden text, captions), so a revisit can
 * tell "the page changed" from "Redline now reads the page differently" and does not mark the latter as edits.
 */
export const EXTRACTOR_VERSION = 6;

/** The extractor version of a stored version that predates the field. */
export const LEGACY_EXTRACTOR_VERSION = 1;
