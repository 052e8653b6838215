/**
 * Unit tests run in Node, where no extension `i18n` API exists: the English catalogue stands in for it, so
 * what the tests read is what an English browser shows. A test of another language installs its own.
 */
import en from '../../extension/_locales/en/messages.json';
import { installCatalogue } from '../../src/ui/i18n';

installCatalogue(en, ['en-GB']);
