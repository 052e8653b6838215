/** Popup entry: finds the page to describe and renders the popup for it. */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import '../ui/styles.css';
import './popup.css';
import { localiseDocument, t } from '../ui/i18n';
import { RecheckSettings } from '../ui/RecheckSettings';
import { Popup } from './Popup';
import { resolveTarget } from './target';

localiseDocument(document, 'extName');
const root = document.getElementById('app');
if (root) {
  resolveTarget(location.search, browser.tabs).then(
    (target) => render(<Popup target={target} />, root),
    (error: unknown) => {
      root.textContent = t('popup_noTab', error instanceof Error ? error.message : String(error));
    },
  );
}
// The re-check's switch, below whatever the popup says about the tab.
const recheck = document.getElementById('recheck');
if (recheck) render(<RecheckSettings compact />, recheck);
