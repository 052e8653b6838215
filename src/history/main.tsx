/** History page entry. */
import { render } from 'preact';
import '../ui/styles.css';
import { localiseDocument } from '../ui/i18n';
import './history.css';
import { HistoryApp } from './HistoryApp';

localiseDocument(document, 'history_title');
const root = document.getElementById('app');
if (root) render(<HistoryApp />, root);
