/** What a question asks, independent of how it was phrased (Chinese or English). */
import type { TaskState } from '../domain/types.js';

export type Role = 'lead' | 'assist' | 'any';

/**
 * The window of a due question: this week / this month / the next N days (`days`; null = the configured due-soon
 * window), today, tomorrow, next week, next month, or up to a day of the year (`date`: "6月底前", "by June 30").
 */
export type DuePeriodKind = 'week' | 'month' | 'days' | 'today' | 'tomorrow' | 'next_week' | 'next_month' | 'date';

/**
 * A day of an unnamed year ("6月30日", "6月底": day null = the month's last day); the answer picks the year.
 * `inMonth`: the whole month is asked ("6月份到期的", "due in June"), not the days up to it.
 */
export interface MonthDay {
  month: number;
  day: number | null;
  inMonth?: boolean;
}

/** What a question picks tasks by besides units and dates: behind schedule, a traffic light, progress below N%. */
export type AttentionKind = 'behind' | 'red' | 'yellow' | 'below';

export type Intent =
  /** "交通局负责哪些任务", "X协助哪些任务", "X有哪些任务", "which tasks does the transport bureau own". */
  | { kind: 'unit_tasks'; unit: string; role: Role }
  /** "我的任务", "my tasks": the asker's own unit, found from the directory by their account. */
  | { kind: 'my_tasks'; role: Role }
  /** "哪些任务逾期了", "交通局有哪些逾期任务", "overdue tasks of the transport bureau"; "逾期超过10天的": minDays 11. */
  | { kind: 'overdue'; unit: string | null; minDays?: number }
  /** "本周到期", "3天内到期", "明天到期", "下周到期", "6月底前要完成哪些", "due this week". `days` is set when period is 'days'. */
  | { kind: 'due'; period: DuePeriodKind; days: number | null; unit: string | null; date?: MonthDay }
  /** "已完成的任务", "交通局还有啥没完成的", "暂缓的任务": tasks in a state; 'open' is every task not done. */
  | { kind: 'state'; state: TaskState | 'open'; unit: string | null }
  /** "哪些任务滞后", "红灯任务", "进度低于50%的" (percent 50): tasks that need attention. */
  | { kind: 'attention'; by: AttentionKind; percent: number | null; unit: string | null }
  /** "任务6", "#6", "task 6", "任务 6 进展". */
  | { kind: 'task'; id: string }
  /** "双拥公园": tasks whose title, category or note mentions the keyword. */
  | { kind: 'keyword'; keyword: string }
  /** "总体进展", "overall progress". */
  | { kind: 'progress' }
  /** "哪些单位逾期最多", "which units have the most overdue tasks". */
  | { kind: 'ranking' }
  | { kind: 'help' }
  /** A progress update from chat: "更新 6 进度 80% 已完成 备注…", "update task 6 progress 80". */
  | { kind: 'update'; id: string; status: string | null; progress: string | null; note: string | null }
  | { kind: 'unknown'; text: string };

export type IntentKind = Intent['kind'];
