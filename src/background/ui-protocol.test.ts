import { describe, expect, it } from 'vitest';
import { EXPORT_BATCH_ARTICLES, UI_REQUEST_CHECKS, UI_SENDER_KINDS } from './ui-protocol';

describe('UI_REQUEST_CHECKS', () => {
  it('accepts well-formed requests', () => {
    expect(UI_REQUEST_CHECKS['ui.articles'](null)).toBe(true);
    expect(UI_REQUEST_CHECKS['ui.article']({ url: 'https://a.test/x' })).toBe(true);
    expect(UI_REQUEST_CHECKS['ui.export']({ url: null, after: null, limit: EXPORT_BATCH_ARTICLES })).toBe(
      true,
    );
    expect(UI_REQUEST_CHECKS['ui.export']({ url: 'https://a.test/x', after: 'b', limit: 1 })).toBe(true);
    expect(UI_REQUEST_CHECKS['ui.import']({ text: '{}' })).toBe(true);
    expect(UI_REQUEST_CHECKS['ui.deleteAll'](null)).toBe(true);
    expect(UI_REQUEST_CHECKS['ui.retention'](null)).toBe(true);
    expect(UI_REQUEST_CHECKS['ui.usage'](null)).toBe(true);
    expect(UI_REQUEST_CHECKS['ui.siteArticles']({ site: 'blog.test' })).toBe(true);
    expect(UI_REQUEST_CHECKS['ui.deleteSite']({ site: 'live.blog.test' })).toBe(true);
  });

  it('refuses malformed ones', () => {
    expect(UI_REQUEST_CHECKS['ui.articles']({})).toBe(false);
    expect(UI_REQUEST_CHECKS['ui.article']({ url: 3 })).toBe(false);
    expect(UI_REQUEST_CHECKS['ui.export']({ url: null, after: null, limit: 0 })).toBe(false);
    expect(UI_REQUEST_CHECKS['ui.export']({ url: null, after: null, limit: 1e9 })).toBe(false);
    expect(UI_REQUEST_CHECKS['ui.export']({ url: null, limit: 10 })).toBe(false);
    expect(UI_REQUEST_CHECKS['ui.import']({ text: { format: 'x' } })).toBe(false);
    expect(UI_REQUEST_CHECKS['ui.deleteAll']({ really: true })).toBe(false);
    expect(UI_REQUEST_CHECKS['ui.usage']({})).toBe(false);
    // A site in any other form than the settings keep it could delete more, or other, than was excluded.
    expect(UI_REQUEST_CHECKS['ui.deleteSite']({ site: 'https://www.blog.test/' })).toBe(false);
    expect(UI_REQUEST_CHECKS['ui.deleteSite']({ site: '' })).toBe(false);
    expect(UI_REQUEST_CHECKS['ui.siteArticles']({})).toBe(false);
  });

  it('lets only extension pages send them', () => {
    expect(new Set(Object.values(UI_SENDER_KINDS))).toEqual(new Set(['page']));
    expect(Object.keys(UI_SENDER_KINDS).sort()).toEqual(Object.keys(UI_REQUEST_CHECKS).sort());
  });
});
