import { describe, expect, it } from 'vitest';
import { daysLabel, readSiteInput, versionsLabel } from './siteInput';

describe('readSiteInput', () => {
  it('turns what the reader typed into a site', () => {
    expect(readSiteInput('https://www.BBC.co.uk/news/world', [])).toEqual({ ok: true, site: 'bbc.co.uk' });
    expect(readSiteInput(' nytimes.com ', [])).toEqual({ ok: true, site: 'nytimes.com' });
  });

  it('explains what is wrong', () => {
    const empty = readSiteInput('   ', []);
    expect(empty.ok).toBe(false);
    const twice = readSiteInput('bbc.co.uk', ['bbc.co.uk']);
    expect(twice).toEqual({ ok: false, message: 'bbc.co.uk is already in the list.' });
  });
});

describe('retention labels', () => {
  it('reads naturally', () => {
    expect(versionsLabel(null)).toBe('All versions');
    expect(versionsLabel(5)).toBe('The newest 5');
    expect(daysLabel(null)).toBe('Never');
    expect(daysLabel(30)).toBe('After 30 days');
    expect(daysLabel(365)).toBe('After a year');
    expect(daysLabel(730)).toBe('After 2 years');
  });
});
