/**
 * The catalogue as templates, worked out where it costs the page nothing. A content script's first
 * `i18n.getMessage` call makes Chromium fetch the extension's message bundle for the page's renderer, a
 * synchronous round trip measured at 18–27 ms on this project's machines, paid on the page's main thread in
 * the overlay's first task. The background asks for every message once, with a private-use character standing
 * for each substitution, and sends them with a comparison; the page only fills the marked places in.
 */

/** Private-use characters standing for `$1`…`$9` (substitutions beyond nine do not exist in the browsers). */
export const SLOTS: readonly string[] = Array.from({ length: 9 }, (_, i) => String.fromCharCode(0xe001 + i));

const SLOT = /[\ue001-\ue009]/g;

/** Message key → the message with each substitution marked by its slot. */
export type MessageTemplates = Readonly<Record<string, string>>;

/** Every message of `keys` as a template, by the browser's own `getMessage` (which resolves named placeholders). */
export function messageTemplates(
  keys: readonly string[],
  getMessage: (key: string, substitutions: string[]) => string,
): MessageTemplates {
  const templates: Record<string, string> = {};
  for (const key of keys) {
    const message = getMessage(key, [...SLOTS]);
    // An empty answer is an unknown key: left out, so the page asks the browser and shows the gap as the key.
    if (message) templates[key] = message;
  }
  return templates;
}

/** A template with its slots filled from `values` (a missing value reads as nothing, as in the browsers). */
export function fillTemplate(template: string, values: readonly string[]): string {
  return template.replace(SLOT, (slot) => values[slot.charCodeAt(0) - 0xe001] ?? '');
}
