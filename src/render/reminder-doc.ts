/** Reminder messages as documents: a section per lead unit with its liaison @-mentioned, and the office's to-do list. */
import type { ClassifiedTask } from '../reports/classify.js';
import type { OfficeGaps, ReminderDelivery, ReminderMessage, UnitReminder } from '../reports/reminder-types.js';
import { toAnswerTask } from '../reports/answer-task.js';
import { toned, type Block, type Doc, type Inline } from './doc.js';
import { taskLine } from './task-line.js';

// A form's label names the task; the list above has the full line.
const shortTitle = (title: string) => (title.length > 24 ? `${title.slice(0, 23)}…` : title);

const items = (views: readonly ClassifiedTask[], prefix: Inline | null) =>
  views.map((v) => [...(prefix ? [prefix] : []), ...taskLine(toAnswerTask(v), { assist: true, warning: true })]);

/** Why the unit's leader is mentioned: tasks long overdue, tasks not acknowledged after their reminder, or both. */
function leaderNote(section: UnitReminder): string {
  const unacknowledged = section.unacknowledged.length;
  if (unacknowledged === 0) return ' 有任务逾期较久，建议督办。';
  return unacknowledged === section.escalation.length ? ' 有任务提醒后未签收，请督促。' : ' 有任务逾期较久或提醒后未签收，建议督办。';
}

function unitBlocks(section: UnitReminder): Block[] {
  const late = section.escalation.length + section.overdue.length;
  const greeting: Inline[] = section.liaison ? [{ mention: section.liaison }, ' '] : ['（未登记联络员）'];
  greeting.push('请关注以下任务，办理后请在台账更新进展（或回复“更新 编号 进度 …”）。');
  if (section.leader) greeting.push(' ', { mention: section.leader }, leaderNote(section));
  const tasks = [...section.escalation, ...section.overdue, ...section.dueSoon];
  return [
    { kind: 'heading', text: section.unit, tone: late > 0 ? 'red' : 'orange' },
    { kind: 'paragraph', parts: greeting },
    {
      kind: 'list',
      items: [
        ...section.escalation.map((v) => [toned(section.unacknowledged.includes(v.task.id) ? '【未签收】' : '【建议督办】', 'red'), ...taskLine(toAnswerTask(v), { assist: true })]),
        ...items(section.overdue, null),
        ...items(section.dueSoon, null),
      ],
    },
    { kind: 'taskActions', tasks: tasks.map((v) => ({ id: v.task.id, label: `办理 #${v.task.id} ${shortTitle(v.task.title)}` })) },
  ];
}

/** One chat's reminder message as a document: a section per lead unit, its liaison @-mentioned. */
export function reminderDoc(message: ReminderMessage, date: string): Doc {
  const count = (pick: (s: UnitReminder) => number) => message.units.reduce((n, s) => n + pick(s), 0);
  const late = count((s) => s.escalation.length + s.overdue.length);
  const soon = count((s) => s.dueSoon.length);
  const blocks: Block[] = [];
  if (message.route === 'office' || message.route === 'none') {
    blocks.push({ kind: 'paragraph', parts: [toned('以下单位没有配置工作群（也没有默认工作群），请办公室转达。', 'orange')] });
  }
  for (const section of message.units) for (const block of unitBlocks(section)) blocks.push(block);
  return {
    title: `督办提醒 · ${date}`,
    severity: late > 0 ? 'red' : 'orange',
    summary: `逾期 ${late} 项，即将到期 ${soon} 项`,
    blocks,
  };
}

/** The office's to-do list, one line per gap. */
function gapLines(gaps: OfficeGaps): string[] {
  return [
    ...gaps.unitsWithoutLiaison.map((unit) => `${unit}：单位通讯录中没有联络员账号，提醒无法 @ 到人`),
    ...gaps.unresolvedAccounts.map((account) => `联络员账号 ${account} 无法解析为飞书用户，已按姓名显示；请在单位通讯录中改为 open_id 或正确的邮箱/手机号`),
  ];
}

/** One outgoing reminder message as a document: the chat's reminders, then the office's to-do list when it rides along. */
export function reminderDeliveryDoc(delivery: ReminderDelivery, date: string): Doc {
  const title = `催办提醒 · 需办公室处理（${date}）`;
  const lines = delivery.gaps ? gapLines(delivery.gaps) : [];
  const list: Block = { kind: 'list', items: lines.map((line) => [line]) };
  if (!delivery.message) return { title, severity: 'orange', summary: lines[0] ?? title, blocks: [list] };
  const doc = reminderDoc(delivery.message, date);
  if (lines.length > 0) doc.blocks.push({ kind: 'divider' }, { kind: 'heading', text: title, tone: 'orange' }, list);
  return doc;
}
