/** The schedule (`duban plan`) as Chinese text: one line per working day with its runs, and any calendar notices. */
import { weekday } from '../calendar/dates.js';
import type { JobName, ScheduledRun } from './schedule.js';

export const JOB_LABELS: Record<JobName, string> = { digest: '每日简报', remind: '催办提醒', weekly: '周调度', monthly: '月度通报', collect: '月度催报' };
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** Renders the schedule; `notices` (e.g. unknown holiday years) are printed first. */
export function renderScheduleText(schedule: { runs: ScheduledRun[] }, notices: string[] = []): string {
  const lines = notices.map((n) => `提示：${n}`);
  if (schedule.runs.length === 0) return [...lines, '这段时间没有安排发送（均为非工作日或不在发送时段内）。'].join('\n');
  const byDate = new Map<string, ScheduledRun[]>();
  for (const run of schedule.runs) byDate.set(run.date, [...(byDate.get(run.date) ?? []), run]);
  for (const [date, runs] of byDate) {
    const items = runs.map((r) => `${r.time} ${JOB_LABELS[r.job]}${r.movedFrom ? `（由 ${r.movedFrom} 调整）` : ''}`);
    lines.push(`${date} ${WEEKDAYS[weekday(date)]}  ${items.join('  ')}`);
  }
  return lines.join('\n');
}
