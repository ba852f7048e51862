/**
 * A liaison's progress update typed in chat ("更新 6 进度 80% 备注：已完成验收") written back to the ledger.
 * Only the liaison (or leader) of one of the task's lead units may update it: the lead unit reports for the task.
 */
import type { UpdateCommand } from '../ask/update-command.js';
import type { IsoDate, Ledger } from '../domain/types.js';
import { matchHeader } from '../ledger/headers.js';
import type { LedgerSource } from '../sources/source.js';

export interface ChatUpdateResult {
  ok: boolean;
  /** Chinese, shown to the liaison. */
  text: string;
}

/** Writes the update when the asker may; never throws (a refused or failed write comes back as text). */
export async function applyChatUpdate(
  intent: UpdateCommand,
  ledger: Ledger,
  source: LedgerSource,
  asker: { unit: string | null; name: string | null },
  today: IsoDate,
): Promise<ChatUpdateResult> {
  const matches = ledger.tasks.filter((t) => t.id === intent.id);
  if (matches.length !== 1) {
    return { ok: false, text: matches.length === 0 ? `没有找到任务 ${intent.id}，请核对编号。` : `任务编号 ${intent.id} 在台账中出现了 ${matches.length} 次，请先让办公室修正编号。` };
  }
  const task = matches[0];
  if (!asker.unit || !task.lead.includes(asker.unit)) {
    return { ok: false, text: `只有牵头单位（${task.lead.join('、') || '未填写'}）的联络员可以在群里更新任务 ${task.id}；如需代为更新，请联系督办办公室。` };
  }
  if (intent.status === null && intent.progress === null && intent.note === null) {
    return { ok: false, text: `请写明要更新的内容，例如：更新 ${task.id} 进度 80% 备注：已完成主体施工` };
  }
  try {
    const outcome = await source.updateTask(task.id, {
      status: intent.status ?? undefined,
      progress: intent.progress ?? undefined,
      note: intent.note ?? undefined,
      by: asker.name ?? asker.unit,
      date: today,
    });
    // The note column holds the whole history: show only what this update appended.
    const changes = outcome.changes
      .map((c) => (matchHeader(c.column) === 'note' ? `${c.column}追加“${intent.note}”` : `${c.column}：${c.after}`))
      .join('；');
    const warnings = (outcome.warnings ?? []).map((w) => `（${w}）`).join('');
    return { ok: true, text: `已更新任务 ${task.id}「${task.title}」（${outcome.place ?? `台账第 ${outcome.row} 行`}）：${changes || '内容与台账一致，未作改动'}${warnings}` };
  } catch (error) {
    return { ok: false, text: `任务 ${task.id} 未能写回台账：${(error as Error).message}` };
  }
}
