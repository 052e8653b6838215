/**
 * Whole numbers and their plural categories without an `Intl` object, for the content script: the first `Intl`
 * object a content script makes costs its page's thread 25-50 ms (ICU's data loads), most of the overlay's first
 * task on a 20,000-paragraph page (issue 8). The background, where that cost is felt by no page, reads how the
 * reader's locale writes whole numbers (`wholeNumberStyle`) and sends it with the comparison; the page then
 * writes any count with `formatWhole`.
 */

/** How a locale writes whole numbers: its digits and its grouping (1,234,567 / 1.234.567 / 12,34,567). */
export interface WholeNumberStyle {
  /** The locale it was read for (src/ui/i18n.ts `uiLocale`): used only for that locale. */
  locale: string;
  /** 0 to 9 as the locale writes them. */
  digits: string[];
  /** The grouping separator. */
  group: string;
  /** Digits in the group next to the units (3), and in each group further left (3; 2 in en-IN). */
  primary: number;
  secondary: number;
  /** The fewest digits left of the first group for it to be written at all: 1, or 2 where 1000 has none (es). */
  minimumGrouping: number;
}

/** Whole numbers checked against Intl before a style is trusted: every grouping case up to the safe range. */
const CHECKS = [0, 7, 42, 999, 1000, 1234, 9999, 10_000, 12_345, 100_000, 123_456, 1_234_567, 987_654_321];

/**
 * The style of `locale`, read from `Intl.NumberFormat` (call it where an Intl object costs no page anything), or
 * null when whole numbers there are not written as plain grouped digits (the page then uses Intl itself).
 */
export function wholeNumberStyle(locale: string): WholeNumberStyle | null {
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(locale);
  } catch {
    return null;
  }
  // 1234567890 holds each digit once, so its digits in the locale's script are the locale's 1…9 and 0.
  const parts = format.formatToParts(1_234_567_890);
  const integers = parts.filter((part) => part.type === 'integer').map((part) => part.value);
  const written = Array.from(integers.join(''));
  if (written.length !== 10) return null;
  const digits = [written[9], ...written.slice(0, 9)].filter((digit): digit is string => digit !== undefined);
  const sizes = integers.map((part) => Array.from(part).length);
  const style: WholeNumberStyle = {
    locale,
    digits,
    group: parts.find((part) => part.type === 'group')?.value ?? '',
    primary: sizes.length > 1 ? (sizes[sizes.length - 1] ?? 0) : Number.POSITIVE_INFINITY,
    secondary: sizes.length > 2 ? (sizes[sizes.length - 2] ?? 0) : (sizes[sizes.length - 1] ?? 0),
    minimumGrouping: format.formatToParts(1000).some((part) => part.type === 'group') ? 1 : 2,
  };
  // Anything the model above does not describe (another layout, a sign, a suffix) shows up as a mismatch.
  return CHECKS.every((value) => formatWhole(value, style) === format.format(value)) ? style : null;
}

/**
 * `value` as `style`'s locale writes it (as `Intl.NumberFormat(locale).format` does), or null when it is not a
 * whole number from 0 to 2^53 - 1 (the caller then asks Intl).
 */
export function formatWhole(value: number, style: WholeNumberStyle): string | null {
  if (!Number.isSafeInteger(value) || value < 0) return null;
  const plain = String(value);
  let digits = '';
  for (const digit of plain) digits += style.digits[digit.charCodeAt(0) - 48] ?? digit;
  const chars = Array.from(digits);
  if (!Number.isFinite(style.primary) || chars.length < style.primary + style.minimumGrouping) return digits;
  const groups: string[] = [chars.slice(-style.primary).join('')];
  let end = chars.length - style.primary;
  while (end > 0) {
    const start = Math.max(0, end - style.secondary);
    groups.unshift(chars.slice(start, end).join(''));
    end = start;
  }
  return groups.join(style.group);
}

/**
 * The CLDR plural category of the whole number `count` in the catalogues' languages (en, de, fr), as
 * `Intl.PluralRules` gives it, or null for another language or a number that is not a whole one from 0 to
 * 2^53 - 1. For whole numbers CLDR says: en and de, "one" for 1; fr, "one" for 0 and 1, "many" for a non-zero
 * multiple of a million ("1 000 000 de modifications"); everything else "other".
 */
export function wholeCategory(language: string, count: number): 'one' | 'many' | 'other' | null {
  if (!Number.isSafeInteger(count) || count < 0) return null;
  switch (language.toLowerCase().split('-')[0]) {
    case 'en':
    case 'de':
      return count === 1 ? 'one' : 'other';
    case 'fr':
      if (count <= 1) return 'one';
      return count % 1_000_000 === 0 ? 'many' : 'other';
    default:
      return null;
  }
}
