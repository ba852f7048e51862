/** `duban history` as Chinese text: each task's trail, one line per step, local times. */
import type { TrailEvent, TrailEventKind } from './trail.js';

/** Each step's name in Chinese (also the 督办通知单's record table). */
export const EVENT_LABELS: Record<TrailEventKind, string> = { reminded: '提醒', acknowledged: '签收', requested: '申请', decided: '审核', written: '写入' };

/** Groups the events by task (in order of each task's first event) and prints them; `time` formats an instant. */
export function renderTrailText(events: readonly TrailEvent[], time: (iso: string) => string, scope: string): string {
  const heading = `督办记录${scope ? `（${scope}）` : ''}：共 ${events.length} 条`;
  if (events.length === 0) return `${heading}。`;
  const byTask = new Map<string, TrailEvent[]>();
  for (const e of events) byTask.set(e.taskId, [...(byTask.get(e.taskId) ?? []), e]);
  const blocks = [...byTask].map(([taskId, list]) =>
    [`任务 ${taskId}`, ...list.map((e) => `  ${time(e.at)}  ${EVENT_LABELS[e.event]}  ${e.unit}  ${e.by}${e.request ? `  ${e.request}` : ''}  ${e.detail}`)].join('\n'),
  );
  return [heading, ...blocks].join('\n');
}
