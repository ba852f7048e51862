import type { ClassifiedTask } from '../reports/classify.js';
import type { ReminderMessage, ReminderPlan, UnitReminder } from '../reports/reminder-types.js';
import { toAnswerTask } from '../reports/answer-task.js';
import { toned, type Block, type Doc, type Inline } from './doc.js';
import { taskLine } from './task-line.js';

const items = (views: readonly ClassifiedTask[], prefix: Inline | null) =>
  views.map((v) => [...(prefix ? [prefix] : []), ...taskLine(toAnswerTask(v), { assist: true })]);

function unitBlocks(section: UnitReminder): Block[] {
  const late = section.escalation.length + section.overdue.length;
  const greeting: Inline[] = section.liaison ? [{ mention: section.liaison }, ' '] : ['（未登记联络员）'];
  greeting.push('请关注以下任务，办理后请在台账更新进展（或回复“更新 编号 进度 …”）。');
  if (section.leader) greeting.push(' ', { mention: section.leader }, ' 有任务逾期较久，建议督办。');
  return [
    { kind: 'heading', text: section.unit, tone: late > 0 ? 'red' : 'orange' },
    { kind: 'paragraph', parts: greeting },
    {
      kind: 'list',
      items: [
        ...items(section.escalation, toned('【建议督办】', 'red')),
        ...items(section.overdue, null),
        ...items(section.dueSoon, null),
      ],
    },
  ];
}

/** One chat's reminder message as a document: a section per lead unit, its liaison @-mentioned. */
export function reminderDoc(message: ReminderMessage, date: string): Doc {
  const count = (pick: (s: UnitReminder) => number) => message.units.reduce((n, s) => n + pick(s), 0);
  const late = count((s) => s.escalation.length + s.overdue.length);
  const soon = count((s) => s.dueSoon.length);
  const blocks: Block[] = [];
  if (message.route === 'none') {
    blocks.push({ kind: 'paragraph', parts: [toned('以下单位没有配置工作群（也没有默认工作群），请办公室转达。', 'orange')] });
  }
  for (const section of message.units) blocks.push(...unitBlocks(section));
  return {
    title: `督办提醒 · ${date}`,
    severity: late > 0 ? 'red' : 'orange',
    summary: `逾期 ${late} 项，即将到期 ${soon} 项`,
    blocks,
  };
}

/** A note for the office: units in today's reminders that have no liaison account to @. Null when there are none. */
export function reminderNoticeDoc(plan: ReminderPlan): Doc | null {
  if (plan.unitsWithoutLiaison.length === 0) return null;
  return {
    title: `督办提醒 · ${plan.date} · 待补充联络员`,
    severity: 'orange',
    summary: `${plan.unitsWithoutLiaison.length} 个单位没有登记联络员账号`,
    blocks: [
      { kind: 'paragraph', parts: ['以下单位今天有需提醒的任务，但单位名录中没有联络员账号，无法 @ 到人：'] },
      { kind: 'list', items: plan.unitsWithoutLiaison.map((u) => [u]) },
      { kind: 'paragraph', parts: ['请在单位名录的“联络员”“联络员账号”列中补充。'] },
    ],
  };
}
