import { describe, expect, it } from 'vitest';
import { align } from './align';
import { detectLive, isDatedEntry, withoutEntries } from './live';

describe('isDatedEntry', () => {
  it.each([
    '10:32 The minister has arrived.',
    '10.32am BST - Crowds are gathering outside.',
    '3:15 p.m. ET: Polls close in Georgia.',
    '14h32 Le président a pris la parole.',
    '11:48 Uhr Der Minister ist eingetroffen.',
    '5 min ago Traffic is building up.',
    'vor 5 Minuten Die Abstimmung beginnt.',
    'il y a 12 min Les résultats arrivent.',
    'hace 3 minutos Se abren los colegios.',
    'Updated at 09:05 GMT The vote count continues.',
    '12 March 2024, 10:32 Counting has begun.',
    '08:15',
  ])('%s', (text) => expect(isDatedEntry(text)).toBe(true));

  it.each([
    'The vote took place at 10:32 in the morning.',
    '2024 was a hard year for the company.',
    '1,200 people were evacuated.',
    '12 people were injured.',
    'Page 3 of 10',
  ])('not an entry: %s', (text) => expect(isDatedEntry(text)).toBe(false));
});

describe('detectLive', () => {
  const entries = [
    '10:40 The bill passed its second reading.',
    '10:31 The speaker called the vote.',
    '10:20 Debate has resumed after the break.',
    '10:05 Members are returning to the chamber.',
    '09:50 Good morning and welcome to our live coverage.',
  ];
  const older = entries.slice(2);

  it('counts the new dated entries at the top', () => {
    const result = align({ title: 't', paragraphs: older }, { title: 't', paragraphs: entries });
    const live = detectLive(result, older, entries);
    expect(live).toEqual({ entries: 2, first: 0, indices: [0, 1] });
    if (!live) return;
    const rest = withoutEntries(result, live);
    expect(rest.stats.added).toBe(0);
    expect(rest.paragraphs.some((c) => c.kind === 'added')).toBe(false);
  });

  it('keeps a rewording of an old entry to mark on its own', () => {
    const newer = [
      ...entries.slice(0, 4),
      '09:50 Good morning, and welcome to our live coverage of the vote.',
    ];
    const result = align({ title: 't', paragraphs: older }, { title: 't', paragraphs: newer });
    const live = detectLive(result, older, newer);
    expect(live?.entries).toBe(2);
    if (live) expect(withoutEntries(result, live).stats.reworded).toBe(1);
  });

  it('is not a live blog when the new paragraphs are not dated, or the old version had no entries', () => {
    const plain = ['A new paragraph.', 'Another new one.', ...older];
    expect(
      detectLive(align({ title: 't', paragraphs: older }, { title: 't', paragraphs: plain }), older, plain),
    ).toBeNull();
    const article = ['The bill was debated.', 'Members voted.'];
    const grown = [...entries.slice(0, 2), ...article];
    expect(
      detectLive(
        align({ title: 't', paragraphs: article }, { title: 't', paragraphs: grown }),
        article,
        grown,
      ),
    ).toBeNull();
  });

  it('is not a live blog when most changes are elsewhere', () => {
    const newer = [
      ...entries.slice(0, 2),
      '10:20 Debate resumed after a long break.',
      '10:05 Members returned to the chamber slowly.',
      '09:50 Welcome to our coverage.',
    ];
    const result = align({ title: 't', paragraphs: older }, { title: 't', paragraphs: newer });
    expect(result.stats.added + result.stats.reworded + result.stats.removed).toBeGreaterThan(3);
    expect(detectLive(result, older, newer)).toBeNull();
  });
});
