/** Article extraction: DOM → Article, with the live elements that show it. */

export { acrossExtractors, extractorOf } from './across-extractors';
export { anchorOnStored, hideLabelRemovals } from './anchor';
export { canonicalUrl } from './canonical-url';
export type { ExtractOptions } from './extract';
export { DEFAULT_MAX_CHARS, extract } from './extract';
export { restoreDropped } from './restore';
export { EXTRACTOR_VERSION, LEGACY_EXTRACTOR_VERSION } from './version';
