/** Progress updates typed in chat: "更新 6 进度80% 已完成 备注：已完成验收", "update task 6 progress 80% note: done", "6 已完成". */
/** A progress update typed in chat; the fields not given are null. */
export interface UpdateCommand {
  id: string;
  status: string | null;
  progress: string | null;
  note: string | null;
}

/** Status words a liaison may type; the ledger maps them to states. */
const STATUS_WORDS = [
  '按序时推进', '正在推进', '已完成', '已办结', '已销号', '已延期', '进行中', '推进中', '未开始', '未启动', '待办理',
  '完成', '办结', '销号', '暂缓', '搁置', 'in progress', 'not started', 'completed', 'complete', 'finished', 'on hold',
  'ongoing', 'paused', 'done',
];
/** Regex source for any status word, longest first so "已完成" wins over "完成". */
export const STATUS_WORD = [...STATUS_WORDS]
  .sort((a, b) => b.length - a.length)
  .map((word) => word.replace(' ', '\\s*'))
  .join('|');
const STATUS = new RegExp(STATUS_WORD, 'i');
const STATUS_FIELD = /(?:状态|status)\s*(?:为|是|[:：])?\s*([^\s,，;；]+)/i;
const FIELD_LABELS = /(?:状态|进度|status|progress)\s*(?:为|是|[:：])?/gi;
/** 备注/note may be followed directly by the text; 进展 and the like only with a colon ("任务6进展情况怎么样" is a question). */
const NOTE = /(?:(?:备注|note|comments?|remarks?)\s*(?:为|是|[:：])?|(?:进展情况|情况说明|进展|说明)\s*[:：])\s*([\s\S]*)$/i;
// "已完成进度100%" is a status and a progress, not 已 and a progress.
const PROGRESS = /(?:(?<![已未没尚])完成进度|进度|(?<![已未没尚])完成|progress)\s*(?:为|是|到|达到|[:：])?\s*(\d{1,3}(?:\.\d+)?\s*%?)|(\d{1,3}(?:\.\d+)?\s*%)/i;

/** The text after the note keyword, read from `original` so the note keeps the user's own spacing. */
function noteFrom(original: string): string | null {
  const note = NOTE.exec(original)?.[1].trim();
  return note ? note : null;
}

/**
 * Fields of an update whose id is known: `fields` is the cleaned text after the id, `original` the message.
 * After an explicit 更新/update, unlabelled text is the note ("更新 6 路面已铺设"). Null when the text carries
 * no field at all ("任务6进展" is a question, not an update).
 */
export function updateIntent(id: string, fields: string, original: string, explicit = false): UpdateCommand | null {
  const noteAt = fields.search(NOTE);
  const head = noteAt >= 0 ? fields.slice(0, noteAt) : fields;
  const progressMatch = PROGRESS.exec(head);
  const progress = progressMatch ? (progressMatch[1] ?? progressMatch[2]).replace(/\s+/g, '') : null;
  const withoutProgress = progressMatch ? head.replace(progressMatch[0], ' ') : head;
  const statusMatch = STATUS.exec(withoutProgress) ?? STATUS_FIELD.exec(withoutProgress);
  const status = statusMatch ? (statusMatch[1] ?? statusMatch[0]) : null;
  const leftover = (statusMatch ? withoutProgress.replace(statusMatch[0], ' ') : withoutProgress)
    .replace(FIELD_LABELS, ' ')
    .replace(/^[\s,，;；:]+|[\s,，;；:]+$/g, '');
  const note = noteAt >= 0 ? noteFrom(original) : explicit && leftover !== '' ? leftover : null;
  if (status === null && progress === null && note === null) return null;
  return { id, status, progress, note };
}
