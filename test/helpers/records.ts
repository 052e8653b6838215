/**
 * Test-only: stored records with real content hashes, built from the shared BBC Aleppo fixture so the export
 * tests run over text a newsroom actually published and edited.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HistoryRecords } from '../../src/core/export/format';
import { versionHash } from '../../src/core/hash';
import type { StoredArticle, StoredVersion, StoredVisit } from '../../src/core/history';
import type { Paragraph } from '../../src/core/model';

// The repository's copy of the shared BBC Aleppo fixture.
const FIXTURES = fileURLToPath(new URL('../fixtures/bbc-aleppo', import.meta.url));

interface FixtureVersion {
  url: string;
  title: string;
  paragraphs: string[];
}

function fixture(name: string): FixtureVersion {
  return JSON.parse(readFileSync(`${FIXTURES}/${name}`, 'utf8')) as FixtureVersion;
}

export const T0 = Date.UTC(2016, 11, 10, 9, 30, 0, 123);
export const HOUR = 3_600_000;

export async function makeVersion(
  url: string,
  title: string,
  paragraphs: Paragraph[],
  firstSeen: number,
  lastSeen: number,
): Promise<StoredVersion> {
  const hash = await versionHash({ title, paragraphs: paragraphs.map((p) => p.text) });
  return { url, hash, title, paragraphs, byline: null, publishedTime: null, firstSeen, lastSeen };
}

export function article(url: string, title: string, versions: StoredVersion[]): StoredArticle {
  const firstSeen = Math.min(...versions.map((v) => v.firstSeen));
  return {
    url,
    site: new URL(url).hostname.replace(/^www\./, ''),
    title,
    lang: 'en',
    firstSeen,
    lastSeen: Math.max(...versions.map((v) => v.lastSeen)),
    lastChanged: Math.max(...versions.map((v) => v.firstSeen)),
    versionCount: versions.length,
    dismissedHash: null,
  };
}

/** The Aleppo article in its two published versions, plus a small second article with hostile-looking text. */
export async function sampleRecords(): Promise<HistoryRecords> {
  const v1 = fixture('v1.json');
  const v2 = fixture('v2.json');
  const asParagraphs = (texts: string[]): Paragraph[] =>
    texts.map((text, i) => ({ text, kind: i === 0 ? 'heading' : 'p' }));
  const bbc1 = await makeVersion(v1.url, v1.title, asParagraphs(v1.paragraphs), T0, T0 + HOUR);
  const bbc2 = {
    ...(await makeVersion(v2.url, v2.title, asParagraphs(v2.paragraphs), T0 + 5 * HOUR, T0 + 8 * HOUR)),
    byline: 'BBC News',
    publishedTime: '2016-12-10T08:12:00Z',
  };
  const hostileUrl = 'https://example.org/news/markup';
  const hostile = await makeVersion(
    hostileUrl,
    'Headline with <b>markup</b> & "quotes"',
    [
      { text: '<img src=x onerror=alert(1)>', kind: 'p' },
      { text: '<script>alert("x")</script> & &amp; </p><p>', kind: 'quote' },
      { text: 'Emoji 🗞️, RTL \u202eevil\u202c, nbsp\u00a0here', kind: 'li' },
    ],
    T0 + 2 * HOUR,
    T0 + 2 * HOUR,
  );
  const articles: StoredArticle[] = [
    { ...article(v1.url, v2.title, [bbc1, bbc2]), site: 'bbc.co.uk' },
    { ...article(hostileUrl, hostile.title, [hostile]), lang: null, dismissedHash: hostile.hash },
  ];
  const visits: StoredVisit[] = [
    { id: 1, url: v1.url, at: T0, hash: bbc1.hash },
    { id: 2, url: v1.url, at: T0 + HOUR, hash: bbc1.hash },
    { id: 4, url: v1.url, at: T0 + 8 * HOUR, hash: bbc2.hash },
    { id: 3, url: v1.url, at: T0 + 5 * HOUR, hash: bbc2.hash },
    { id: 5, url: hostileUrl, at: T0 + 2 * HOUR, hash: hostile.hash },
  ];
  return {
    articles,
    versions: [
      { ...bbc2, id: 2 },
      { ...bbc1, id: 1 },
      { ...hostile, id: 3 },
    ],
    visits,
  };
}
