/**
 * Notices and live-blog detection over the 230 vendored public pages: no page may read as carrying a correction
 * notice it does not carry, and no ordinary article's edit may read as a live blog; live blogs built from the
 * same pages' text are all recognised.
 */
import { describe, expect, it } from 'vitest';
import { align } from '../../src/core/align';
import { detectLive } from '../../src/core/live';
import { findNotices } from '../../src/core/notices';
import { allArticleTexts, type PageText } from '../fixtures/pages/article-texts';

const pages: PageText[] = allArticleTexts();

// The one genuine editor's note among the 230 pages (read and confirmed by hand).
const GENUINE_NOTICES: Record<string, string> = {
  'bench/c50845a7158af12ee75acea301a3ea0dad1e848d6b9dbdb43ba7f2d825b2528b':
    "Editor's note: This story was updated at 5:45 p.m. ET to include details from the NASA telecon.",
};

const STAMPS = ['10:32', '9.15am BST', '14h05', '3:07 p.m. ET', '11:48 Uhr', '8:02 PM', '07:30 GMT', '16.20'];

function stamped(paragraphs: readonly string[], from = 0): string[] {
  return paragraphs.map((text, i) => `${STAMPS[(i + from) % STAMPS.length]} ${text}`);
}

describe('correction notices on the 230 public pages', () => {
  it('finds only the genuine notices', () => {
    expect(pages).toHaveLength(230);
    const found: Record<string, string> = {};
    for (const page of pages) {
      for (const notice of findNotices(page.paragraphs)) found[page.id] = notice.text;
    }
    console.info(`notices: ${Object.keys(found).length} of ${pages.length} pages`, found);
    expect(found).toEqual(GENUINE_NOTICES);
  });
});

describe('live-blog detection on the 230 public pages', () => {
  const long = pages.filter((page) => page.paragraphs.length >= 8);

  it('an ordinary article edited at the top, middle or end is not a live blog', () => {
    const flagged: string[] = [];
    for (const { id, paragraphs } of pages) {
      if (paragraphs.length < 4) continue;
      const cases: [string[], string[]][] = [
        // The article grew at the top: its first three paragraphs are new.
        [paragraphs.slice(3), paragraphs],
        // It grew at the end.
        [paragraphs.slice(0, -3), paragraphs],
        // Two paragraphs reworded and one new one in the middle.
        [
          paragraphs,
          paragraphs.flatMap((text, i) =>
            i === 1 || i === 2
              ? [`${text} (updated)`]
              : i === 3
                ? [text, 'A new paragraph was added here.']
                : [text],
          ),
        ],
      ];
      for (const [oldP, newP] of cases) {
        const result = align({ title: 't', paragraphs: oldP }, { title: 't', paragraphs: newP });
        if (detectLive(result, oldP, newP)) flagged.push(id);
      }
    }
    console.info(`live-blog false positives: ${flagged.length} of ${pages.length} pages`);
    expect(flagged).toEqual([]);
  });

  it('a live blog made of a page’s paragraphs, three entries newer, is recognised', () => {
    expect(long.length).toBeGreaterThan(150);
    console.info(`live blogs built from ${long.length} pages with 8 or more paragraphs`);
    const missed: string[] = [];
    for (const { id, paragraphs } of long) {
      const entries = stamped(paragraphs.slice(0, 8));
      const oldP = entries.slice(3);
      const live = detectLive(
        align({ title: 't', paragraphs: oldP }, { title: 't', paragraphs: entries }),
        oldP,
        entries,
      );
      if (live?.entries !== 3 || live.first !== 0) missed.push(id);
    }
    expect(missed).toEqual([]);
  });

  it('with a pinned summary above the entries and an entry’s text in two paragraphs', () => {
    const missed: string[] = [];
    for (const { id, paragraphs } of long) {
      const summary = 'Key points: what we know so far.';
      const entries = stamped(paragraphs.slice(0, 6)).flatMap((text, i) =>
        i === 1 ? [text, 'More to follow.'] : [text],
      );
      const oldP = [summary, ...entries.slice(4)];
      const newP = [summary, ...entries];
      const live = detectLive(
        align({ title: 't', paragraphs: oldP }, { title: 't', paragraphs: newP }),
        oldP,
        newP,
      );
      if (live?.entries !== 3 || live.first !== 1 || live.indices.length !== 4) missed.push(id);
    }
    expect(missed).toEqual([]);
  });
});
