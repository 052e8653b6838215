/** Options page entry. */
import { render } from 'preact';
import '../ui/styles.css';
import { localiseDocument } from '../ui/i18n';
import './options.css';
import { Options } from './Options';

localiseDocument(document, 'options_title');
const root = document.getElementById('app');
if (root) render(<Options />, root);
