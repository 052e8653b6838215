/** Sharing a comparison: the standalone HTML report, the copied summary, the archive link. */
export { ARCHIVE_PREFIX, archiveUrl } from './archive';
export {
  escapeHtml,
  type ReportInput,
  type ReportRow,
  renderReport,
  reportFileName,
  rowLabel,
} from './render';
export { changeLine, markdownSummary, type SummaryInput } from './summary';
