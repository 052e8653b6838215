import { afterEach, describe, expect, it, vi } from 'vitest';
import de from '../../extension/_locales/de/messages.json';
import en from '../../extension/_locales/en/messages.json';
import fr from '../../extension/_locales/fr/messages.json';
import { CATALOGUE_LOCALES } from '../../test/fixtures/locales';
import {
  catalogueLanguage,
  formatNumber,
  installCatalogue,
  smallNumber,
  t,
  tn,
  uiLocale,
  useWholeNumberStyle,
} from './i18n';
import { wholeNumberStyle } from './wholeNumbers';

afterEach(() => {
  installCatalogue(en, ['en-GB']);
  useWholeNumberStyle(null);
  vi.restoreAllMocks();
});

describe('t', () => {
  it('fills $1, $2 from the values, numbers in the reader’s locale', () => {
    expect(t('popup_excludeFailed', 'bbc.co.uk', 'disk full')).toBe('Could not exclude bbc.co.uk: disk full');
    installCatalogue(de, ['de-DE']);
    expect(t('history_matching', 12_345, 'x')).toBe('12.345 of x'.replace('of', 'von'));
  });

  it('shows the key of a message no catalogue has, so a gap is visible', () => {
    expect(t('no_such_message')).toBe('no_such_message');
  });

  it('uses the browser’s i18n API when no catalogue is installed', () => {
    installCatalogue(null);
    const scope = globalThis as { chrome?: unknown };
    scope.chrome = { i18n: { getMessage: (key: string, values: string[]) => `${key}:${values.join('|')}` } };
    try {
      expect(t('anything', 'a', 2)).toBe('anything:a|2');
    } finally {
      delete scope.chrome;
    }
  });

  it('asks the browser once per message without substitutions', () => {
    installCatalogue(null);
    const scope = globalThis as { chrome?: unknown };
    const asked: string[] = [];
    scope.chrome = {
      i18n: {
        getMessage: (key: string, values: string[]) => {
          asked.push(key);
          return `${key}:${values.join('|')}`;
        },
      },
    };
    try {
      expect([t('plain'), t('plain'), t('filled', 'x'), t('filled', 'y')]).toEqual([
        'plain:',
        'plain:',
        'filled:x',
        'filled:y',
      ]);
      expect(asked).toEqual(['plain', 'filled', 'filled']);
    } finally {
      delete scope.chrome;
      installCatalogue(null);
    }
  });
});

describe('tn', () => {
  it('picks the plural category of the catalogue’s language', () => {
    expect(tn('count_versions', 1)).toBe('1 version');
    expect(tn('count_versions', 0)).toBe('0 versions');
    expect(tn('count_articles', 10_000)).toBe('10,000 articles');
    installCatalogue(fr, ['fr-FR']);
    // French counts 0 and 1 as "one".
    expect(tn('count_versions', 0)).toBe('0 version');
    expect(tn('count_versions', 1)).toBe('1 version');
    expect(tn('count_versions', 2)).toBe('2 versions');
    // CLDR's "many" (a million) falls back to "other" when the catalogue has no such form.
    expect(tn('count_versions', 1_000_000)).toBe(`${formatNumber(1_000_000)} versions`);
    installCatalogue(de, ['de']);
    expect(tn('count_versions', 1)).toBe('1 Version');
    expect(tn('count_versions', 3)).toBe('3 Versionen');
  });
});

describe('uiLocale', () => {
  it('takes the reader’s own variant of the catalogue’s language, else the language itself', () => {
    expect(uiLocale(['de-DE', 'en-US'], 'en')).toBe('en-US');
    expect(uiLocale(['de-AT', 'en-US'], 'de')).toBe('de-AT');
    expect(uiLocale(['es-ES'], 'en')).toBe('en');
    expect(uiLocale([], 'fr')).toBe('fr');
  });

  it('reads the catalogue’s language from the catalogue', () => {
    expect(catalogueLanguage()).toBe('en');
    installCatalogue(fr, ['fr-CA']);
    expect(catalogueLanguage()).toBe('fr');
    expect(uiLocale()).toBe('fr-CA');
  });
});

describe('small numbers without Intl', () => {
  // Every variant a reader of the three catalogues may have, against what Intl says.
  const LOCALES = CATALOGUE_LOCALES;

  it('writes the number Intl.NumberFormat writes, for every whole number below 1,000', () => {
    for (const locale of LOCALES) {
      const format = new Intl.NumberFormat(locale);
      for (let n = 0; n < 1000; n++) expect(smallNumber(locale, n), `${locale} ${n}`).toBe(format.format(n));
    }
    expect(smallNumber('de', 1000)).toBeNull();
  });
});

describe('counts with the background’s number style', () => {
  it('writes and counts large whole numbers without making an Intl object', () => {
    installCatalogue(de, ['de-AT']);
    useWholeNumberStyle(wholeNumberStyle('de-AT'));
    // de-AT groups with a space, de-DE with a dot.
    const austrian = new Intl.NumberFormat('de-AT');
    const expected = [austrian.format(20_000), `${austrian.format(22_000)} Änderungen`];
    const numberFormat = vi.spyOn(Intl, 'NumberFormat');
    const pluralRules = vi.spyOn(Intl, 'PluralRules');
    expect([formatNumber(20_000), tn('count_changes', 22_000)]).toEqual(expected);
    expect(numberFormat).not.toHaveBeenCalled();
    expect(pluralRules).not.toHaveBeenCalled();
  });

  it('uses Intl when the style is another locale’s, or the number is not whole', () => {
    installCatalogue(fr, ['fr-CH']);
    useWholeNumberStyle(wholeNumberStyle('en-US'));
    expect(formatNumber(20_000)).toBe(new Intl.NumberFormat('fr-CH').format(20_000));
    expect(formatNumber(1.5, 1)).toBe('1,5');
  });
});
