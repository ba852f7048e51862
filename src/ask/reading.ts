/** What a question was read as: the tasks it selects (units × role × state × window × keyword) and what it asks of them. */
import type { AskWord, StateWord, TimeWindow, WarningWord } from './pieces/piece.js';

export type Role = 'lead' | 'assist' | 'any';

/** A unit the question names; `self` is the asker's own unit (我们单位, my unit), resolved when answering. */
export type UnitMention = { unit: string; role: Role; said: string } | { self: true; role: Role; said: string };

export interface Reading {
  /** The normalised text the pieces were found in. */
  text: string;
  units: UnitMention[];
  /** True when the units must all take part in a task (一起, 共同, together); otherwise any of them. */
  joint: boolean;
  taskIds: string[];
  keywords: string[];
  /** English topic words, each with the Chinese words it may stand for: the tasks matching most of them are meant. */
  termGroups: { said: string; terms: string[] }[];
  /** Completion states (any of them) and timeliness (all of them: 逾期未启动 is overdue and not started). */
  states: StateWord[];
  warnings: WarningWord[];
  progressBelow: number | null;
  progressAtLeast: number | null;
  overdueBy: { min: number; max: number | null; workdays: boolean } | null;
  /** Open tasks not updated for this long (更新时间): "好久没更新的". */
  stale: { days: number; workdays: boolean } | null;
  window: TimeWindow | null;
  /** A deadline word without a window (即将到期, 到期的任务): the due-soon window. */
  dueSoon: boolean;
  noAssist: boolean;
  ask: AskWord;
  /** Names that could be several units, with the candidates. */
  candidates: { said: string; units: string[] }[];
  /** Unit-like names that match no unit ("区统计局"). */
  unknownUnits: string[];
  /** Short forms and typos read as a unit: said → canonical name ("退役军人事物局" → 区退役军人事务局). */
  assumed: { said: string; unit: string }[];
  /** Words that were not understood. */
  ignored: string[];
  /** False when nothing in the message was understood (small talk, nonsense). */
  understood: boolean;
}
