import { describe, expect, it } from 'vitest';
import {
  applyReaderChoice,
  DEFAULT_READER_CHOICES,
  isReaderChoiceRequest,
  isReaderChoicesPatch,
  pageAddress,
  parseReaderChoices,
  readerVerdict,
} from './reader-choice';

const PAGE = 'https://www.news.test/world/live?id=7#latest';

describe('pageAddress', () => {
  it('drops the fragment, keeps the query, refuses what is not http(s)', () => {
    expect(pageAddress(PAGE)).toBe('https://www.news.test/world/live?id=7');
    expect(pageAddress('chrome-extension://abc/popup.html')).toBeNull();
    expect(pageAddress('not a url')).toBeNull();
  });
});

describe('parseReaderChoices', () => {
  it('normalises addresses and sites and drops what is malformed', () => {
    expect(
      parseReaderChoices({
        keepPages: [PAGE, PAGE, 3, 'file:///x'],
        keepSites: ['WWW.Blog.test', ''],
        notArticlePages: 'x',
      }),
    ).toEqual({
      keepPages: ['https://www.news.test/world/live?id=7'],
      keepSites: ['blog.test'],
      notArticlePages: [],
      notArticleSites: [],
    });
  });
});

describe('applyReaderChoice and readerVerdict', () => {
  it('keeps one address, and only that address', () => {
    const choices = applyReaderChoice(DEFAULT_READER_CHOICES, {
      location: PAGE,
      choice: 'keep',
      wholeSite: false,
    });
    expect(readerVerdict(choices, PAGE)).toBe('keep');
    expect(readerVerdict(choices, 'https://www.news.test/world/live?id=7#other')).toBe('keep');
    expect(readerVerdict(choices, 'https://www.news.test/world/live?id=8')).toBeNull();
  });

  it('keeps a whole site with its subdomains', () => {
    const choices = applyReaderChoice(DEFAULT_READER_CHOICES, {
      location: PAGE,
      choice: 'keep',
      wholeSite: true,
    });
    expect(choices.keepSites).toEqual(['news.test']);
    expect(readerVerdict(choices, 'https://live.news.test/anything')).toBe('keep');
    expect(readerVerdict(choices, 'https://othernews.test/anything')).toBeNull();
  });

  it('lets a choice for the address win over one for its site, both ways', () => {
    const siteKept = applyReaderChoice(DEFAULT_READER_CHOICES, {
      location: 'https://news.test/',
      choice: 'keep',
      wholeSite: true,
    });
    const oneNot = applyReaderChoice(siteKept, { location: PAGE, choice: 'not-article', wholeSite: false });
    expect(readerVerdict(oneNot, PAGE)).toBe('not-article');
    expect(readerVerdict(oneNot, 'https://news.test/other')).toBe('keep');

    const siteNot = applyReaderChoice(DEFAULT_READER_CHOICES, {
      location: PAGE,
      choice: 'not-article',
      wholeSite: true,
    });
    const oneKept = applyReaderChoice(siteNot, {
      location: 'https://news.test/a',
      choice: 'keep',
      wholeSite: false,
    });
    expect(readerVerdict(oneKept, 'https://news.test/a')).toBe('keep');
    expect(readerVerdict(oneKept, PAGE)).toBe('not-article');
  });

  it('replaces the opposite choice instead of holding both, and null forgets', () => {
    const kept = applyReaderChoice(DEFAULT_READER_CHOICES, {
      location: PAGE,
      choice: 'keep',
      wholeSite: true,
    });
    const not = applyReaderChoice(kept, { location: PAGE, choice: 'not-article', wholeSite: true });
    expect(not).toEqual({
      keepPages: [],
      keepSites: [],
      notArticlePages: ['https://www.news.test/world/live?id=7'],
      notArticleSites: ['news.test'],
    });
    expect(applyReaderChoice(not, { location: PAGE, choice: null, wholeSite: true })).toEqual(
      DEFAULT_READER_CHOICES,
    );
  });
});

describe('request checks', () => {
  it('accepts only well-formed choices and patches', () => {
    expect(isReaderChoiceRequest({ location: PAGE, choice: 'keep', wholeSite: false })).toBe(true);
    expect(isReaderChoiceRequest({ location: PAGE, choice: null, wholeSite: true })).toBe(true);
    expect(isReaderChoiceRequest({ location: PAGE, choice: 'maybe', wholeSite: false })).toBe(false);
    expect(isReaderChoiceRequest({ location: 'javascript:alert(1)', choice: 'keep', wholeSite: false })).toBe(
      false,
    );
    expect(isReaderChoiceRequest({ location: PAGE, choice: 'keep' })).toBe(false);
    expect(isReaderChoicesPatch({ keepPages: [PAGE] })).toBe(true);
    expect(isReaderChoicesPatch({ keepSites: [1] })).toBe(false);
    expect(isReaderChoicesPatch({})).toBe(true);
  });
});
