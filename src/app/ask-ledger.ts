/**
 * A question in, an answer out: the one parse-then-answer path shared by `duban ask`, the terminal chat and the
 * Feishu bot. A progress update is written back only when the caller passes the ledger to write to (the bot).
 */
import { readUpdateCommand } from '../ask/commands.js';
import type { IsoDate, Ledger, ReportOptions, WorkCalendar } from '../domain/types.js';
import type { UnitDirectory } from '../domain/unit-directory.js';
import { answerQuestion } from '../reports/answer.js';
import { makeAnswer } from '../reports/answer-task.js';
import type { Answer } from '../reports/answer-types.js';
import type { LedgerSource } from '../sources/source.js';
import { applyChatUpdate } from './chat-update.js';

export interface AskContext {
  ledger: Ledger;
  directory: UnitDirectory;
  today: IsoDate;
  calendar: WorkCalendar;
  options: ReportOptions;
}

/** Who asks: their unit serves "我们单位" / "my tasks" and decides whether they may update a task. */
export interface Asker {
  unit: string | null;
  name: string | null;
}

export interface AskOptions {
  asker?: Asker;
  /** The ledger to write an update to; without it an update is only described (with the `duban update` to run). */
  writeBack?: LedgerSource;
}

/** Answers a question (Chinese or English) about the ledger, or writes a liaison's update back when allowed. */
export async function askLedger(question: string, ctx: AskContext, options: AskOptions = {}): Promise<Answer> {
  const asker = options.asker ?? { unit: null, name: null };
  const command = options.writeBack ? readUpdateCommand(question) : null;
  if (command && options.writeBack) {
    const result = await applyChatUpdate(command, ctx.ledger, options.writeBack, asker, ctx.today);
    const answer = makeAnswer('update', { title: result.ok ? '进展已写回台账' : '未能更新', lines: [result.text], empty: !result.ok });
    return { ...answer, outcome: result.ok ? 'written' : 'refused' };
  }
  return answerQuestion(question, { ...ctx, asker: { unit: asker.unit } });
}
