/** Answers about the whole ledger: overall progress, the ranking, help, not understood, an update described. */
import type { Intent } from '../ask/intent.js';
import type { Answer, AnswerContext } from './answer-types.js';
import { makeAnswer } from './answer-task.js';
import { summarize } from './digest.js';
import { LIGHT_LABELS } from './labels.js';
import { indexLedger, ledgerViews } from './ledger-index.js';

/** Overall numbers and traffic lights. */
export function progressAnswer(ctx: AnswerContext): Answer {
  const d = ledgerViews(ctx.ledger, ctx.today, ctx.calendar, ctx.options).derived(summarize);
  return makeAnswer('progress', {
    title: `总体进展（${ctx.today}）`,
    lines: [
      `共 ${d.total} 项：已完成 ${d.done}，进行中 ${d.inProgress}，未开始 ${d.notStarted}，暂缓 ${d.paused}；完成率 ${d.completionRate}%`,
      `逾期 ${d.overdue.length} 项，即将到期 ${d.dueSoon.length} 项，进度滞后 ${d.behind.length} 项，建议督办 ${d.escalate.length} 项`,
      `${LIGHT_LABELS.green} ${d.lights.green} · ${LIGHT_LABELS.yellow} ${d.lights.yellow} · ${LIGHT_LABELS.red} ${d.lights.red}`,
    ],
    empty: d.total === 0,
  });
}

/** Units ranked by overdue lead tasks (only units with at least one). */
export function rankingAnswer(ctx: AnswerContext): Answer {
  const ranked = ledgerViews(ctx.ledger, ctx.today, ctx.calendar, ctx.options).derived(summarize).units.filter((u) => u.overdue > 0);
  return makeAnswer('ranking', {
    units: ranked.map((u) => u.unit),
    title: ranked.length > 0 ? '逾期任务最多的单位' : '目前没有单位有逾期任务',
    lines: ranked.map((u, i) => `${i + 1}. ${u.unit}：逾期 ${u.overdue} 项（牵头 ${u.lead} 项，已完成 ${u.done} 项）`),
    empty: ranked.length === 0,
  });
}

/** What one can ask, with examples. */
export const HELP_EXAMPLES: readonly string[] = [
  '交通局负责哪些任务 / 交通局协助哪些任务',
  '我的任务',
  '哪些任务逾期了 / 交通局有哪些逾期任务',
  '本周到期 / 明天到期 / 下周到期 / 6月底前到期 / 3天内到期',
  '已完成的任务 / 交通局还有哪些没完成 / 暂缓的任务',
  '哪些任务滞后 / 红灯任务 / 进度低于50%的',
  '任务 6（或 #6）',
  '双拥公园（按关键词查找任务）',
  '总体进展',
  '哪些单位逾期最多',
  '更新 6 进度 80% 备注 已完成主体施工',
  'English works too: "which tasks does the transport bureau own", "overdue tasks", "due tomorrow", "tasks behind schedule", "task 6"',
];

/** The list of things one can ask. */
export function helpAnswer(): Answer {
  return makeAnswer('help', { title: '可以这样问我', lines: HELP_EXAMPLES.map((e) => `· ${e}`), empty: false });
}

/** A question that was not understood: say so briefly and show the examples. */
export function unknownAnswer(): Answer {
  return makeAnswer('unknown', { title: '没听懂这个问题，可以这样问：', lines: HELP_EXAMPLES.map((e) => `· ${e}`), empty: true });
}

/**
 * A progress update: the answerer does not write; it says what will be written and how to do it from the
 * command line (`duban update`). The chat handler performs the write-back.
 */
export function updateAnswer(intent: Extract<Intent, { kind: 'update' }>, ctx: AnswerContext): Answer {
  const task = indexLedger(ctx.ledger).byId.get(intent.id.trim().replace(/^#/, ''));
  const changes = [
    intent.status ? `状态“${intent.status}”` : '',
    intent.progress ? `进度“${intent.progress}”` : '',
    intent.note ? `进展情况“${intent.note}”` : '',
  ].filter(Boolean);
  const flags = [
    intent.status ? `--status ${intent.status}` : '',
    intent.progress ? `--progress ${intent.progress}` : '',
    intent.note ? `--note "${intent.note}"` : '',
  ].filter(Boolean);
  return makeAnswer('update', {
    units: task?.lead ?? [],
    title: task ? `更新任务 ${task.id}：${task.title}` : `没有找到编号为 ${intent.id} 的任务`,
    lines: [
      changes.length > 0 ? `将写入：${changes.join('，')}` : '没有要更新的内容：请写明状态、进度或进展情况。',
      `写回台账由督办机器人完成；也可以在命令行运行：duban update ${intent.id} ${flags.join(' ')}`.trimEnd(),
    ],
    empty: !task,
  });
}
