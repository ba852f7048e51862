/**
 * Chat commands that change the ledger or ask the office, told apart from questions: "更新 6 进度 80% 备注：…",
 * "6 已完成", "update task 6 progress 80%", and the 督办 loop's 签收 / 申请办结 / 申请延期 / 同意 / 退回.
 */
import { cleanForCommand } from './command-text.js';
import { readLoopCommand, type LoopCommand } from './loop-commands.js';
import { STATUS_WORD, updateIntent, type UpdateCommand } from './update-command.js';

/** A task id: "6", "A-3", "2.1". */
const ID = '([a-z]{0,4}-?\\d+(?:[.-]\\d+)*)';
const UPDATE_EXPLICIT = new RegExp(`^(?:更新|汇报|上报|报送|填报|update|report)\\s*(?:任务|task)?\\s*(?:#|编号|no\\.?)?\\s*${ID}号?(?:任务)?\\s*[:,，]?\\s*(.*)$`, 'i');
const UPDATE_TASK = new RegExp(`^(?:任务|task)\\s*#?\\s*${ID}号?\\s*[:,，]?\\s*(.+)$`, 'i');
const UPDATE_STATUS = new RegExp(`^#?${ID}号?\\s*[:,，]?\\s*((?:${STATUS_WORD}).*)$`, 'i');

/** The update a message commands, or null when it is a question. */
export function readUpdateCommand(message: string): UpdateCommand | null {
  const { cleaned, original } = cleanForCommand(message);
  const explicit = UPDATE_EXPLICIT.exec(cleaned);
  if (explicit) return updateIntent(explicit[1], explicit[2], original, true);
  for (const pattern of [UPDATE_TASK, UPDATE_STATUS]) {
    const m = pattern.exec(cleaned);
    if (m) return updateIntent(m[1], m[2], original);
  }
  return null;
}

/** The command a message gives (the loop's, or a progress update), or null when it is a question. */
export function readChatCommand(message: string): LoopCommand | null {
  const { cleaned, original } = cleanForCommand(message);
  const loop = readLoopCommand(cleaned, original);
  if (loop) return loop;
  const update = readUpdateCommand(message);
  return update ? { kind: 'progress', update } : null;
}
