import { describe, expect, it } from 'vitest';
import { align } from '../core/align';
import { acrossExtractors, EXTRACTOR_VERSION, hideLabelRemovals } from '../core/extract';
import { compareVersions } from './compare';

const old = {
  title: 'Storm reaches the coast',
  paragraphs: [
    'The storm reached the coast on Monday night, bringing heavy rain and strong winds to the towns.',
    'Advertisement',
    'Officials said the power would be back by the end of the week in most of the region.',
  ],
};
const current = {
  title: 'Storm reaches the coast, thousands without power',
  paragraphs: [
    'The storm reached the coast on Monday night, bringing heavy rain and very strong winds to the towns.',
    'Officials said the power would be back by the end of the week in most of the region.',
    'Schools will stay closed on Tuesday.',
  ],
};

describe('compareVersions', () => {
  it('is the content script’s former comparison: align, then no removed ad labels', () => {
    const result = compareVersions(old, EXTRACTOR_VERSION, current);
    expect(result).toEqual(hideLabelRemovals(align(old, current)));
    expect(result.stats).toMatchObject({ reworded: 1, added: 1, removed: 0 });
    expect(result.title.changed).toBe(true);
  });

  it('shows only what extraction cannot explain against a version another extractor read', () => {
    const result = compareVersions(old, EXTRACTOR_VERSION - 1, current);
    expect(result).toEqual(acrossExtractors(hideLabelRemovals(align(old, current))));
  });
});
