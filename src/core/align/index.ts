/**
 * Version alignment: which paragraphs of an article's new version are unchanged, moved, reworded or added,
 * which old ones were removed, and word-level changes. Pure TypeScript; see align.ts for the pipeline.
 */
export { type AlignOptions, align } from './align';
export { SIMILARITY_THRESHOLD } from './similarity';
