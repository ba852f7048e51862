/** Answers that list tasks: overdue, due in a period, matching a keyword. */
import type { Intent } from '../ask/intent.js';
import type { ClassifiedTask } from './classify.js';
import type { Answer, AnswerContext, AnswerTask } from './answer-types.js';
import { makeAnswer, toAnswerTask } from './answer-task.js';
import { resolveUnit } from './answer-units.js';
import { indexLedger, ledgerViews } from './ledger-index.js';
import { mostOverdueFirst } from './digest.js';
import { indexTexts, searchTexts } from './search-texts.js';
import { bySoonestDue } from './sort.js';
import { dueWindow } from './due-window.js';

/** The tasks a question is about: one unit's lead tasks, or the whole ledger. */
export interface Scope {
  unit: string | null;
  /** `pick` applied to the scope's classified tasks; for the whole ledger computed once per ledger and day. */
  select<T>(pick: (views: readonly ClassifiedTask[]) => T): T;
}

/** The tasks of one unit (as lead) or of the whole ledger, or the answer saying the unit is unknown or ambiguous. */
export function scope(unitName: string | null, intent: Intent['kind'], ctx: AnswerContext): Scope | Answer {
  const views = ledgerViews(ctx.ledger, ctx.today, ctx.calendar, ctx.options);
  if (unitName === null) return { unit: null, select: (pick) => views.derived(pick) };
  const resolved = resolveUnit(intent, unitName, ctx);
  if ('answer' in resolved) return resolved.answer;
  const unitViews = (indexLedger(ctx.ledger).byLead.get(resolved.unit) ?? []).map(views.view);
  return { unit: resolved.unit, select: (pick) => pick(unitViews) };
}

/** Overdue tasks as answer entries, most days overdue first. */
function overdueEntries(views: readonly ClassifiedTask[]): AnswerTask[] {
  return mostOverdueFirst(views).map((v) => toAnswerTask(v));
}

/** Overdue tasks, most days overdue first; for one unit when asked; only those `minDays` or more late when given. */
export function overdueAnswer(unitName: string | null, ctx: AnswerContext, minDays?: number): Answer {
  const s = scope(unitName, 'overdue', ctx);
  if ('intent' in s) return s;
  const all = s.select(overdueEntries);
  // A copy either way: the whole ledger's list is shared by later answers.
  const tasks = minDays === undefined ? [...all] : all.filter((t) => t.daysOverdue >= minDays);
  const who = s.unit ?? '';
  const what = minDays === undefined ? '逾期任务' : `逾期 ${minDays} 天及以上的任务`;
  return makeAnswer('overdue', {
    units: s.unit ? [s.unit] : [],
    title: tasks.length > 0 ? `${who}${what}（${tasks.length} 项）` : `${who}目前没有${what}`,
    sections: [{ heading: '逾期', tasks }],
    notice: minDays !== undefined && all.length > tasks.length ? `逾期任务共 ${all.length} 项。` : undefined,
  });
}

/** Open tasks not yet overdue that have a due date, soonest first. */
function openBySoonestDue(views: readonly ClassifiedTask[]): ClassifiedTask[] {
  return views.filter((v) => v.workdaysLeft !== null && v.due !== null).sort(bySoonestDue);
}

/** How many of the tasks are overdue. */
function overdueCount(views: readonly ClassifiedTask[]): number {
  return views.filter((v) => v.overdue).length;
}

/** Open tasks due inside the question's window (today, tomorrow, this or next week or month, by a date), soonest first. */
export function dueAnswer(intent: Extract<Intent, { kind: 'due' }>, ctx: AnswerContext): Answer {
  const s = scope(intent.unit, 'due', ctx);
  if ('intent' in s) return s;
  const { from, to, label } = dueWindow(intent, ctx.today);
  const inWindow = (v: ClassifiedTask): boolean => (to === null ? v.dueSoon : v.due !== null && v.due >= from && v.due <= to);
  const tasks = s.select(openBySoonestDue).filter(inWindow).map((v) => toAnswerTask(v));
  const overdue = s.select(overdueCount);
  const who = s.unit ?? '';
  const oneDay = intent.period === 'today' || intent.period === 'tomorrow';
  const span = to === null ? `${ctx.options.dueSoonWorkdays} 个工作日内` : oneDay ? to : from === ctx.today ? `截至 ${to}` : `${from} 至 ${to}`;
  return makeAnswer('due', {
    units: s.unit ? [s.unit] : [],
    title: tasks.length > 0 ? `${who}${label}到期的任务（${span}，${tasks.length} 项）` : `${who}${label}（${span}）没有到期的任务`,
    sections: [{ heading: '即将到期', tasks }],
    notice: overdue > 0 ? `另有 ${overdue} 项已逾期，可以问“${who}哪些任务逾期了”。` : undefined,
  });
}

/** Tasks whose title, category or note contains the keyword (case-insensitive). */
export function keywordAnswer(keyword: string, ctx: AnswerContext): Answer {
  const needle = keyword.trim().toLowerCase();
  const index = ledgerViews(ctx.ledger, ctx.today, ctx.calendar, ctx.options).derived(indexTexts);
  const tasks = needle ? searchTexts(index, needle).map((v) => toAnswerTask(v)) : [];
  return makeAnswer('keyword', {
    title: tasks.length > 0 ? `与“${keyword}”有关的任务（${tasks.length} 项）` : `没有找到与“${keyword}”有关的任务`,
    sections: [{ heading: '相关任务', tasks }],
  });
}
