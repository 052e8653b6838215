/**
 * The catalogue's templates the page's overlay is written from (ui/messageTemplates.ts says why), worked out once
 * per background lifetime: the messages are fixed while the extension runs.
 */
import catalogue from '../../extension/_locales/en/messages.json';
import { t } from '../ui/i18n';
import { type MessageTemplates, messageTemplates } from '../ui/messageTemplates';

/** Every key: the default locale's catalogue has them all (the others fall back to it). */
const KEYS = Object.keys(catalogue);

let kept: MessageTemplates | null = null;

export function pageMessages(): MessageTemplates {
  kept ??= messageTemplates(KEYS, (key, slots) => {
    const message = t(key, ...slots);
    return message === key ? '' : message;
  });
  return kept;
}
