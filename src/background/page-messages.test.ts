import { describe, expect, it } from 'vitest';
import catalogue from '../../extension/_locales/en/messages.json';
import { t } from '../ui/i18n';
import { fillTemplate } from '../ui/messageTemplates';
import { pageMessages } from './page-messages';

describe('pageMessages', () => {
  it('has every message of the catalogue, and each fills in as the message itself would read', () => {
    const messages = pageMessages();
    const keys = Object.keys(catalogue);
    expect(Object.keys(messages).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(fillTemplate(messages[key] ?? '', ['12', 'yesterday', 'x'])).toBe(
        t(key, '12', 'yesterday', 'x'),
      );
    }
  });
});
