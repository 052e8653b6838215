/** Editor's notes (correction, clarification, update) and silent edits; the pattern table is patterns.ts. */
export {
  type EditKind,
  editKind,
  findNotices,
  MAX_NOTICE_CHARS,
  type Notice,
  newNotices,
  noticeKind,
} from './notices';
export { NOTICE_PATTERNS, type NoticeKind, type NoticePattern } from './patterns';
