import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { align } from '../align';
import { newNotices } from '../notices';
import { ARCHIVE_PREFIX, archiveUrl } from './archive';
import { escapeHtml, type ReportRow, renderReport, reportFileName } from './render';
import { changeLine, markdownSummary } from './summary';

const older = {
  title: 'Council <b>votes</b> on budget',
  paragraphs: [
    'The council voted on Wednesday.',
    'It passed 5-4.',
    'Old paragraph <script>alert(1)</script>.',
  ],
};
const newer = {
  title: 'Council votes on budget & tax',
  paragraphs: [
    'The council voted on Tuesday.',
    'It passed 5-4.',
    'Correction: An earlier version of this article gave the wrong day for the vote.',
  ],
};
const result = align(older, newer);
const notices = newNotices(older.paragraphs, newer.paragraphs);

function rowsOf(): ReportRow[] {
  const rows: ReportRow[] = [];
  for (const change of result.paragraphs) {
    if (change.kind === 'added')
      rows.push({
        kind: 'added',
        old: null,
        new: [{ op: 'equal', text: newer.paragraphs[change.newIndex] ?? '' }],
        moved: false,
      });
    else if (change.kind === 'reworded') {
      rows.push({
        kind: 'reworded',
        old: change.words.filter((w) => w.op !== 'insert'),
        new: change.words.filter((w) => w.op !== 'delete'),
        moved: change.moved,
      });
    } else {
      const text = newer.paragraphs[change.newIndex] ?? '';
      rows.push({
        kind: change.kind,
        old: [{ op: 'equal', text }],
        new: [{ op: 'equal', text }],
        moved: false,
      });
    }
  }
  for (const removed of result.removed)
    rows.push({ kind: 'removed', old: [{ op: 'equal', text: removed.text }], new: null, moved: false });
  return rows;
}

const input = {
  url: 'https://news.example/story?a=1&b="2"',
  site: 'news.example',
  older: { number: 1, date: '1 Mar 2026, 10:00', title: older.title },
  newer: { number: 2, date: '2 Mar 2026, 11:00', title: newer.title },
  result,
  rows: rowsOf(),
  notices,
  silent: false,
  made: '3 Mar 2026, 09:00',
};

describe('renderReport', () => {
  const html = renderReport(input);
  const doc = new JSDOM(html).window.document;

  it('is self-contained: no script, no external resource, a print stylesheet', () => {
    expect(doc.querySelectorAll('script, link, img, iframe, object, embed')).toHaveLength(0);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son\w+=/i);
    expect(doc.querySelector('style')?.textContent).toContain('@media print');
    expect(
      doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
    ).toContain("default-src 'none'");
  });

  it('escapes every piece of text', () => {
    expect(doc.querySelector('h1')?.textContent).toBe(newer.title);
    const removed = doc.querySelector('tr[data-kind="removed"] td.old')?.textContent;
    expect(removed).toBe('Old paragraph <script>alert(1)</script>.');
    expect(doc.querySelector('header a')?.getAttribute('href')).toBe(input.url);
  });

  it('holds the address, both dates, the headline change, the table and the notice', () => {
    const text = doc.body.textContent ?? '';
    for (const piece of [input.url, input.older.date, input.newer.date, 'Headline changed.', older.title]) {
      expect(text).toContain(piece);
    }
    expect(doc.querySelector('[data-testid="report-notice"]')?.textContent).toContain(notices[0]?.text);
    const kinds = [...doc.querySelectorAll('tbody tr[data-kind]')].map((tr) => tr.getAttribute('data-kind'));
    expect(kinds).toEqual(input.rows.map((row) => row.kind));
    // Without colour: each change says what it is in words and brackets.
    expect(doc.querySelector('tr[data-kind="reworded"] td.kind')?.textContent).toBe('Reworded');
    expect(doc.querySelector('tr[data-kind="reworded"] del')?.textContent).toBe('[\u2212Wednesday]');
    expect(doc.querySelector('tr[data-kind="reworded"] ins')?.textContent).toBe('[+Tuesday]');
    expect(doc.querySelector('footer a')?.getAttribute('href')).toBe(
      `${ARCHIVE_PREFIX}${new URL(input.url).href}`,
    );
  });

  it('names the file after the site and the day', () => {
    expect(reportFileName('news.example', Date.UTC(2026, 2, 3))).toBe(
      'redline-comparison-news.example-2026-03-03.html',
    );
    expect(reportFileName('../..', 0)).toBe('redline-comparison-..-..-1970-01-01.html');
  });

  it('escapeHtml', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('summaries', () => {
  it('says what changed in words', () => {
    expect(changeLine(result)).toBe('1 paragraph reworded, 1 added, 1 removed, headline changed');
    expect(changeLine(align(older, older))).toBe('no changes');
  });

  it('Markdown summary with headline, address, versions, notice', () => {
    const md = markdownSummary({ ...input, title: newer.title });
    expect(md).toContain(`**${newer.title}** (news.example)`);
    expect(md).toContain(`<${input.url}>`);
    expect(md).toContain(
      'Version 1 (1 Mar 2026, 10:00) → version 2 (2 Mar 2026, 11:00): 1 paragraph reworded',
    );
    expect(md).toContain('Correction notice: "Correction: An earlier version');
    expect(markdownSummary({ ...input, title: 't', notices: [], silent: true })).toContain('Silent edit');
  });
});

describe('archiveUrl', () => {
  it('links http(s) addresses to the archive, nothing else', () => {
    expect(archiveUrl('https://www.bbc.co.uk/news/a-1?x=1')).toBe(
      'https://web.archive.org/web/*/https://www.bbc.co.uk/news/a-1?x=1',
    );
    expect(archiveUrl('javascript:alert(1)')).toBeNull();
    expect(archiveUrl('not a url')).toBeNull();
  });
});
