/** One task as a line of a list ("#6 标题 · 截止 … · 逾期 5 天"), shared by every report. */
import type { AnswerTask } from '../reports/answer-types.js';
import { bold, toned, type Inline } from './doc.js';
import { truncateDisplay } from './width.js';
import { LIGHT_LABELS } from '../reports/labels.js';

/** Work-plan titles can run to a paragraph: lists show the start ("任务 6" shows it whole). */
const TITLE_COLUMNS = 72;

/** A task title as lists show it: the start of a long one, ending with "…". */
export function shortTitle(title: string): string {
  return truncateDisplay(title, TITLE_COLUMNS);
}

/** Which optional parts a task line shows. */
export interface TaskLineParts {
  lead?: boolean;
  assist?: boolean;
  /** The warning level and its reason, for red and yellow tasks ("红灯：逾期 7 个工作日"). */
  warning?: boolean;
}

const WARNING_TONES = { red: 'red', yellow: 'orange' } as const;

/** "红灯：逾期 7 个工作日" for a red or yellow task, else null. */
export function warningInline(t: Pick<AnswerTask, 'light' | 'warning'>): Inline | null {
  if (t.light !== 'red' && t.light !== 'yellow') return null;
  return toned(`${LIGHT_LABELS[t.light]}${t.warning ? `：${t.warning}` : ''}`, WARNING_TONES[t.light]);
}

/** How a task stands in time: "逾期 5 天", "今天到期", "还剩 2 个工作日", else its status. */
export function timingInline(t: AnswerTask): Inline {
  if (t.overdue) return toned(`逾期 ${t.daysOverdue} 天`, 'red');
  if (t.workdaysLeft === 0) return toned('今天到期', 'orange');
  if (t.dueSoon && t.workdaysLeft !== null) return toned(`还剩 ${t.workdaysLeft} 个工作日`, 'orange');
  return toned(t.status, t.state === 'done' ? 'green' : 'grey');
}

/** One task as a list item: "#6 标题 · 区交通局 · 截止 2026-03-31 · 逾期 5 天". */
export function taskLine(t: AnswerTask, parts: TaskLineParts = {}): Inline[] {
  const line: Inline[] = [bold(`#${t.id}`), ' ', shortTitle(t.title)];
  if (parts.lead && t.lead.length > 0) line.push(' · ', t.lead.join('、'));
  if (t.due || t.dueText) line.push(' · 截止 ', t.due ?? t.dueText);
  line.push(' · ', timingInline(t));
  if (t.progress !== null && t.state !== 'done') line.push(` · 进度 ${t.progress}%`);
  if (parts.assist && t.assist.length > 0) line.push(' · 协助：', t.assist.join('、'));
  const warning = parts.warning ? warningInline(t) : null;
  if (warning) line.push(' · ', warning);
  return line;
}
