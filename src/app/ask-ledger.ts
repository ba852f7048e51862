/**
 * A question in, an answer out: the one parse-then-answer path shared by `duban ask`, the terminal chat and the
 * Feishu bot. It only reads: the bot hands commands that write (更新, 申请办结 …) to the 督办 loop (src/review).
 */
import type { IsoDate, Ledger, ReportOptions, WorkCalendar } from '../domain/types.js';
import type { UnitDirectory } from '../domain/unit-directory.js';
import { answerQuestion } from '../reports/answer.js';
import type { Answer } from '../reports/answer-types.js';

export interface AskContext {
  ledger: Ledger;
  directory: UnitDirectory;
  today: IsoDate;
  calendar: WorkCalendar;
  options: ReportOptions;
}

/** Who asks: their unit serves "我们单位" / "my tasks". */
export interface Asker {
  unit: string | null;
  name: string | null;
}

export interface AskOptions {
  asker?: Asker;
}

/** Answers a question (Chinese or English) about the ledger; an update command is described, not written. */
export async function askLedger(question: string, ctx: AskContext, options: AskOptions = {}): Promise<Answer> {
  return answerQuestion(question, { ...ctx, asker: { unit: options.asker?.unit ?? null } });
}
