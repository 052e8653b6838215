/** History page entry. */
import { render } from 'preact';
import '../ui/styles.css';
import './history.css';
import { HistoryApp } from './HistoryApp';

const root = document.getElementById('app');
if (root) render(<HistoryApp />, root);
