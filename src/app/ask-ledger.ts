/** A question in, an answer out: the one path shared by `duban ask`, the terminal chat and the Feishu bot. */
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

/** Answers a question (Chinese or English) about the ledger; `askerUnit` serves "我们单位", "my tasks". */
export function askLedger(question: string, ctx: AskContext, askerUnit: string | null = null): Answer {
  return answerQuestion(question, { ...ctx, asker: { unit: askerUnit } });
}
