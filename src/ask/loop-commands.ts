/**
 * The 督办 loop typed in chat: 签收 6 · 申请办结 6 说明：… · 申请延期 6 至 2022-07-31 原因：… (also "6 延期到7月31日") ·
 * 同意 R12 · 退回 R12 原因：…. Every pattern is anchored and made of runs that cannot overlap, so reading a message
 * costs time linear in its length.
 */
import type { UpdateCommand } from './update-command.js';

/** A command of the loop; `id` is a task id, `request` a request id ("R12"). Fields not given are null. */
export type LoopCommand =
  | { kind: 'ack'; ids: string[] }
  | { kind: 'progress'; update: UpdateCommand }
  | { kind: 'complete'; id: string; note: string | null }
  | { kind: 'extend'; id: string; date: string | null; reason: string | null }
  | { kind: 'approve'; request: string; note: string | null }
  | { kind: 'reject'; request: string; reason: string | null };

/** A task id: "6", "A-3", "2.1" (as in commands.ts). */
const ID = '[a-z]{0,4}-?\\d+(?:[.-]\\d+)*';
const TASK = `(?:任务|task)?\\s*(?:#|编号|第)?\\s*(${ID})\\s*(?:号|项)?(?:任务)?`;
const SEP = '[\\s:,，、;；]*';
// Each further id needs a separator before it, so a run of digits is read one way only.
const ACK = new RegExp(`^(?:签收|确认签收|已签收|收到任务)\\s*${TASK}((?:[\\s:,，、;；]+#?${ID})*)$`, 'i');
const COMPLETE = new RegExp(`^(?:申请办结|申请销号|申请完成|办结申请)${SEP}${TASK}${SEP}(.*)$`, 'i');
const EXTEND = new RegExp(`^(?:申请延期|延期申请)${SEP}${TASK}${SEP}(.*)$`, 'i');
const EXTEND_AFTER_ID = new RegExp(`^${TASK}${SEP}(?:申请)?(延期(?:至|到).*)$`, 'i');
const APPROVE = /^(?:同意|批准|通过)\s*(r\d+)[\s:,，]*(.*)$/i;
const REJECT = /^(?:退回|驳回|退办|不同意)\s*(r\d+)[\s:,，]*(.*)$/i;
/** The new date: after 至/到/延期到… or right at the start, a run of the characters dates are written with. */
const DATE = /^(?:(?:申请)?(?:延期|延长|推迟)?(?:至|到)|新的?截止日期[:：]?)?\s*([0-9一二三四五六七八九十〇零年月日号底末上中下旬前./-]+)/;
const REASON = /(?:原因|理由|因为|由于)\s*[:：]?\s*([\s\S]*)$/;
const NOTE = /(?:说明|备注|情况|办结情况)\s*[:：]\s*([\s\S]*)$/;
const SPLIT_IDS = new RegExp(ID, 'gi');

const text = (value: string | undefined): string | null => {
  const trimmed = value?.replace(/^[\s:：,，;；。]+|[\s,，;；]+$/g, '');
  return trimmed ? trimmed : null;
};

/** The text after a keyword (说明：, 原因：), read from the message as typed so it keeps the writer's spacing. */
const after = (pattern: RegExp, original: string): string | undefined => pattern.exec(original)?.[1];

/** The extension's date text (from the cleaned rest after the task id) and reason. */
function extension(id: string, rest: string, original: string): Extract<LoopCommand, { kind: 'extend' }> {
  const date = DATE.exec(rest.trim());
  return { kind: 'extend', id, date: date ? date[1] : null, reason: text(after(REASON, original)) };
}

/**
 * The loop command a message gives, or null: `cleaned` is the message without mentions, courtesies and end
 * punctuation (cleanForCommand), `original` the message as typed (free text is taken from it). Progress updates
 * ("更新 6 进度 80%") are read by readUpdateCommand, not here.
 */
export function readLoopCommand(cleaned: string, original: string): Exclude<LoopCommand, { kind: 'progress' }> | null {
  let m = ACK.exec(cleaned);
  if (m) return { kind: 'ack', ids: [m[1], ...(m[2].match(SPLIT_IDS) ?? [])] };
  if ((m = COMPLETE.exec(cleaned))) return { kind: 'complete', id: m[1], note: text(after(NOTE, original) ?? m[2]) };
  if ((m = EXTEND.exec(cleaned) ?? EXTEND_AFTER_ID.exec(cleaned))) return extension(m[1], m[2], original);
  if ((m = APPROVE.exec(cleaned))) return { kind: 'approve', request: m[1].toUpperCase(), note: text(m[2]) };
  if ((m = REJECT.exec(cleaned))) return { kind: 'reject', request: m[1].toUpperCase(), reason: text(after(REASON, original) ?? m[2]) };
  return null;
}
