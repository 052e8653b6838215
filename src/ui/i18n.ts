/**
 * Every string a reader sees comes from the extension's catalogues (extension/_locales/<lang>/messages.json)
 * through the browser's `i18n.getMessage`, which picks the catalogue for the browser's language and falls back
 * to `default_locale` (en). Extension pages, the content script and the background all have it, synchronously.
 *
 * The browser API has no plurals, so a counted message has one key per CLDR plural category of the catalogue's
 * language (`versions_one`, `versions_other`, French also `_many`), chosen with `Intl.PluralRules`; a missing
 * category falls back to `_other`.
 *
 * Outside an extension (unit tests in Node, jsdom benchmarks) there is no `i18n` API: `installCatalogue` installs a
 * catalogue instead (test/unit/i18n-setup.ts installs the English one).
 */

import { fillTemplate, type MessageTemplates } from './messageTemplates';
import { formatWhole, type WholeNumberStyle, wholeCategory } from './wholeNumbers';

/** A messages.json file: `{ key: { message, description? } }`. */
export type Catalogue = Readonly<Record<string, { message: string; description?: string }>>;

interface I18nApi {
  getMessage(key: string, substitutions?: string | string[]): string;
}

let installed: { catalogue: Catalogue; languages: readonly string[] } | null = null;
/** The background's templates of every message (messageTemplates.ts): the page then never asks the browser. */
let templates: MessageTemplates | null = null;
/**
 * The browser's messages without substitutions, kept: they are fixed for the extension's lifetime, and each
 * `getMessage` call also asks for the UI language (Chromium), ~6 µs that made 385 ms of a 20,000-mark mount.
 */
const plainMessages = new Map<string, string>();

function browserApi(): I18nApi | null {
  const scope = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  return scope.browser?.i18n ?? scope.chrome?.i18n ?? null;
}

/** Replaces `$1`…`$9` as the browsers do for direct substitutions; `$$` is a literal dollar sign. */
function substitute(message: string, values: readonly string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_all, which: string) =>
    which === '$' ? '$' : (values[Number(which) - 1] ?? ''),
  );
}

/** Use `catalogue` instead of the browser's (Node tests; a test rendering another language). */
export function installCatalogue(catalogue: Catalogue | null, languages: readonly string[] = ['en']): void {
  installed = catalogue ? { catalogue, languages } : null;
  plainMessages.clear();
}

/**
 * Content script: messages from the background's templates from now on, instead of the browser's `getMessage`,
 * whose first call holds the page's thread (messageTemplates.ts). A key the templates lack still asks the browser.
 */
export function useTemplates(messages: MessageTemplates): void {
  templates = messages;
}

/** The message `key` with `$1`, `$2`… filled from `values`. */
export function t(key: string, ...values: (string | number)[]): string {
  const strings = values.map((value) => (typeof value === 'number' ? formatNumber(value) : value));
  if (installed) {
    const entry = installed.catalogue[key];
    return entry ? substitute(entry.message, strings) : key;
  }
  const template = templates?.[key];
  if (template !== undefined) return fillTemplate(template, strings);
  const known = strings.length === 0 ? plainMessages.get(key) : undefined;
  if (known !== undefined) return known;
  const api = browserApi();
  // An unknown key reads as itself rather than as nothing: a gap in a catalogue stays visible and testable.
  const message = api?.getMessage(key, strings) || key;
  if (strings.length === 0 && api) plainMessages.set(key, message);
  return message;
}

/** The message `key_<category>` for `count` (filled in as `$1`, formatted), then `values` as `$2`, `$3`… */
export function tn(key: string, count: number, ...values: (string | number)[]): string {
  const category = categoryOf(count);
  const exact = t(`${key}_${category}`, count, ...values);
  return exact === `${key}_${category}` ? t(`${key}_other`, count, ...values) : exact;
}

/** The catalogue's language ("en", "de", "fr"), which its sentences are written in. */
export function catalogueLanguage(): string {
  const language = t('locale');
  // Anything but a language tag (no catalogue at all) would make every Intl constructor throw.
  return /^[a-z]{2,3}(-[a-z0-9]+)*$/i.test(language) ? language : 'en';
}

/**
 * The locale for `Intl`: the reader's own variant of the catalogue's language (en-US or en-GB, de-AT or de-DE)
 * when the browser lists one, so dates follow the reader's conventions while their words match the sentence
 * they stand in; else the catalogue's language itself.
 */
export function uiLocale(
  languages: readonly string[] = readerLanguages(),
  language: string = catalogueLanguage(),
): string {
  const prefix = language.toLowerCase();
  return languages.find((tag) => tag.toLowerCase().split('-')[0] === prefix) ?? language;
}

function readerLanguages(): readonly string[] {
  if (installed) return installed.languages;
  return typeof navigator === 'undefined' ? [] : navigator.languages;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRulesByLocale = new Map<string, Intl.PluralRules>();

/**
 * Small whole numbers in the catalogues' languages (en, de, fr: Latin digits, no grouping below 1,000) need no
 * `Intl` object: the first one a content script makes costs its page's thread 25-50 ms (ICU's data loads), which
 * was most of the overlay's first task on an edited page (issue 8). Larger ones are written with the style the
 * background sends (`useWholeNumberStyle`, wholeNumbers.ts), and plural categories of whole numbers follow
 * CLDR's rules for the three languages (`wholeCategory`).
 */
const SMALL = 1000;
const LATIN_UNGROUPED_BELOW_1000 = new Set(['en', 'de', 'fr']);

/** How the reader's locale writes whole numbers, as the background read it; null until it is sent. */
let wholeStyle: WholeNumberStyle | null = null;

/** Write whole numbers with `style` from now on (when its locale is the reader's); null forgets it. */
export function useWholeNumberStyle(style: WholeNumberStyle | null): void {
  wholeStyle = style;
}

/** `value` as `formatNumber` writes it in `language` without Intl, or null when this shortcut does not know it. */
export function smallNumber(language: string, value: number): string | null {
  const known = LATIN_UNGROUPED_BELOW_1000.has(language.toLowerCase().split('-')[0] ?? '');
  return known && Number.isInteger(value) && value >= 0 && value < SMALL ? String(value) : null;
}

function categoryOf(count: number): string {
  return wholeCategory(catalogueLanguage(), count) ?? pluralRules().select(count);
}

function pluralRules(): Intl.PluralRules {
  const locale = uiLocale();
  let rules = pluralRulesByLocale.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRulesByLocale.set(locale, rules);
  }
  return rules;
}

/** 10,000 / 10.000 / 10 000 in the reader's locale; `fractionDigits` fixes the decimals (64.0 / 64,0). */
export function formatNumber(value: number, fractionDigits?: number): string {
  const small = fractionDigits === undefined ? smallNumber(catalogueLanguage(), value) : null;
  if (small !== null) return small;
  const locale = uiLocale();
  if (fractionDigits === undefined && wholeStyle?.locale === locale) {
    const whole = formatWhole(value, wholeStyle);
    if (whole !== null) return whole;
  }
  const key = `${locale}|${fractionDigits ?? ''}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(
      locale,
      fractionDigits === undefined
        ? {}
        : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits },
    );
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/**
 * An extension page in the reader's language: `lang` for screen readers' voices and hyphenation, and the
 * title, which the HTML cannot take from a catalogue.
 */
export function localiseDocument(doc: Document, titleKey: string): void {
  doc.documentElement.lang = catalogueLanguage();
  doc.title = t(titleKey);
}
