import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/domain/directory.js';
import { parseQuestion } from '../../src/ask/parse-question.js';
import type { Intent } from '../../src/ask/intent.js';
import { PLAN_UNITS } from '../domain/example-units.js';

const directory = createDirectory([], PLAN_UNITS);

const unitTasks = (unit: string, role: 'lead' | 'assist' | 'any'): Intent => ({ kind: 'unit_tasks', unit, role });
const due = (period: 'week' | 'month' | 'days', days: number | null, unit: string | null = null): Intent => ({ kind: 'due', period, days, unit });
const update = (id: string, status: string | null, progress: string | null, note: string | null): Intent => ({ kind: 'update', id, status, progress, note });

const CASES: Array<[string, Intent]> = [
  // unit tasks, Chinese: 负责/牵头 = lead, 协助/配合 = assist, 有哪些/的任务 = any
  ['交通局负责哪些任务', unitTasks('区交通局', 'lead')],
  ['区交通局牵头的任务', unitTasks('区交通局', 'lead')],
  ['请问，潼南区交通局负责什么工作？', unitTasks('区交通局', 'lead')],
  ['哪些任务由交通局负责', unitTasks('区交通局', 'lead')],
  ['双江镇协助哪些任务', unitTasks('双江镇', 'assist')],
  ['大佛街道配合哪些任务？', unitTasks('大佛街道', 'assist')],
  ['人社局有哪些任务', unitTasks('区人力社保局', 'any')],
  ['退役军人事务局的任务', unitTasks('区退役军人事务局', 'any')],
  ['桂林街道的任务', unitTasks('桂林街道办事处', 'any')],
  ['区委宣传部牵头哪些工作', unitTasks('区委宣传部', 'lead')],
  ['税务局配合的任务', unitTasks('潼南税务局', 'assist')],
  ['人力社保有哪些任务', unitTasks('区人力社保局', 'any')],
  ['交通局', unitTasks('区交通局', 'any')],
  ['交通局完成情况怎么样', unitTasks('区交通局', 'any')],
  ['@_user_1 请问交通局负责哪些任务？', unitTasks('区交通局', 'lead')],
  ['＠督办助手　帮我查一下 城管局负责哪些任务', unitTasks('区城管局', 'lead')],
  // unknown or ambiguous units keep the phrase, for the answerer's "没有找到单位" / "您指的是"
  ['住建局负责哪些任务', unitTasks('住建局', 'lead')],
  ['街道有哪些任务', unitTasks('街道', 'any')],
  // unit tasks, English
  ['which tasks does the transport bureau own', unitTasks('区交通局', 'lead')],
  ['Which tasks does the Transport Bureau lead?', unitTasks('区交通局', 'lead')],
  // English questions naming the unit in Chinese keep the spaces around the name
  ['which tasks does 区交通局 own', unitTasks('区交通局', 'lead')],
  ['what is 桂林街道 assisting with', unitTasks('桂林街道办事处', 'assist')],
  ['what does the veterans affairs bureau lead', unitTasks('区退役军人事务局', 'lead')],
  ['tasks led by the forestry bureau', unitTasks('区林业局', 'lead')],
  ['what is the transport bureau assisting with', unitTasks('区交通局', 'assist')],
  ['which tasks does HRSS support', unitTasks('区人力社保局', 'assist')],
  ['tasks of the transport bureau', unitTasks('区交通局', 'any')],
  ["show me transport bureau's tasks", unitTasks('区交通局', 'any')],
  ['HRSS tasks', unitTasks('区人力社保局', 'any')],
  ['transport bureau', unitTasks('区交通局', 'any')],
  // my tasks
  ['我的任务', { kind: 'my_tasks', role: 'any' }],
  ['我们单位有哪些任务', { kind: 'my_tasks', role: 'any' }],
  ['我们负责哪些任务', { kind: 'my_tasks', role: 'lead' }],
  ['my tasks', { kind: 'my_tasks', role: 'any' }],
  ['what are my tasks?', { kind: 'my_tasks', role: 'any' }],
  // overdue
  ['哪些任务逾期了', { kind: 'overdue', unit: null }],
  ['逾期任务', { kind: 'overdue', unit: null }],
  ['超期的有哪些', { kind: 'overdue', unit: null }],
  ['交通局有逾期的吗', { kind: 'overdue', unit: '区交通局' }],
  ['区城管局有几个逾期任务', { kind: 'overdue', unit: '区城管局' }],
  ['overdue tasks', { kind: 'overdue', unit: null }],
  ['what is overdue for the transport bureau', { kind: 'overdue', unit: '区交通局' }],
  // due
  ['本周到期', due('week', null)],
  ['这周到期的任务', due('week', null)],
  ['3天内到期', due('days', 3)],
  ['三天内到期', due('days', 3)],
  ['未来5天', due('days', 5)],
  ['本月到期', due('month', null)],
  ['即将到期', due('days', null)],
  ['交通局本周到期的任务', due('week', null, '区交通局')],
  ['due this week', due('week', null)],
  ['due in 3 days', due('days', 3)],
  ['due this month', due('month', null)],
  ['what is due this week for the transport bureau', due('week', null, '区交通局')],
  // task by id
  ['任务6', { kind: 'task', id: '6' }],
  ['任务 6 进展', { kind: 'task', id: '6' }],
  ['#6', { kind: 'task', id: '6' }],
  ['6号任务', { kind: 'task', id: '6' }],
  ['第6项', { kind: 'task', id: '6' }],
  ['第六项任务', { kind: 'task', id: '6' }],
  ['task 6', { kind: 'task', id: '6' }],
  ['task #6', { kind: 'task', id: '6' }],
  ['任务A-3', { kind: 'task', id: 'A-3' }],
  ['任务１２进度', { kind: 'task', id: '12' }],
  ['任务6的进展情况怎么样了', { kind: 'task', id: '6' }],
  ['task 6 status', { kind: 'task', id: '6' }],
  // keywords
  ['双拥公园', { kind: 'keyword', keyword: '双拥公园' }],
  ['双拥公园的任务', { kind: 'keyword', keyword: '双拥公园' }],
  ['关于双拥林的任务', { kind: 'keyword', keyword: '双拥林' }],
  ['tasks about the park', { kind: 'keyword', keyword: 'park' }],
  // whole ledger
  ['总体进展', { kind: 'progress' }],
  ['整体进度', { kind: 'progress' }],
  ['完成情况怎么样', { kind: 'progress' }],
  ['overall progress', { kind: 'progress' }],
  ['how are we doing?', { kind: 'progress' }],
  ['哪些单位逾期最多', { kind: 'ranking' }],
  ['逾期排名', { kind: 'ranking' }],
  ['which units have the most overdue tasks', { kind: 'ranking' }],
  // help
  ['帮助', { kind: 'help' }],
  ['help', { kind: 'help' }],
  ['怎么用', { kind: 'help' }],
  ['？', { kind: 'help' }],
  ['你能做什么', { kind: 'help' }],
  ['@_user_1', { kind: 'help' }],
  // updates from liaisons
  ['更新 6 进度80% 已完成 备注：已完成验收', update('6', '已完成', '80%', '已完成验收')],
  ['任务6 进度 60%', update('6', null, '60%', null)],
  ['update task 6 progress 80% note: done', update('6', null, '80%', 'done')],
  ['6 已完成', update('6', '已完成', null, null)],
  ['更新任务 A-3 状态：进行中 备注：路面 已铺设', update('A-3', '进行中', null, '路面 已铺设')],
  ['update 7 status in progress', update('7', 'in progress', null, null)],
  ['更新 6 路面已铺设，进度 90%', update('6', null, '90%', '路面已铺设')],
  ['任务6 进展：完成路基施工', update('6', null, null, '完成路基施工')],
  ['更新6', { kind: 'task', id: '6' }],
  ['update task 6', { kind: 'task', id: '6' }],
  ['6', { kind: 'task', id: '6' }],
  // not understood
  ['今天天气怎么样', { kind: 'unknown', text: '今天天气怎么样' }],
  ['你好', { kind: 'unknown', text: '你好' }],
  ['who are you really', { kind: 'unknown', text: 'who are you really' }],
];

describe('parseQuestion over the example plan’s units', () => {
  it('covers at least 50 phrasings', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(50);
  });

  it.each(CASES)('%s', (text, expected) => {
    expect(parseQuestion(text, directory)).toEqual(expected);
  });
});

describe('parseQuestion with directory aliases', () => {
  const withAliases = createDirectory(
    [{ name: '区故管处', aliases: ['heritage office', '故管'], liaison: null, liaisonAccount: null, chat: null, leader: null, leaderAccount: null, inDirectory: true }],
    PLAN_UNITS,
  );

  it('resolves a unit by an alias the directory gives', () => {
    expect(parseQuestion('which tasks does the heritage office lead', withAliases)).toEqual(unitTasks('区故管处', 'lead'));
    expect(parseQuestion('故管有哪些任务', withAliases)).toEqual(unitTasks('区故管处', 'any'));
  });
});
