/**
 * Answers from the sample ledger (Wednesday 2026-03-04, weekend calendar): overdue 1 (12 days, red), 6 (2 days) and
 * 2 (1 day, two lead units); due soon 5 (today), 3 (Fri), 4 (Mon); 10 lags 30 points; done 7; paused 8; 9 ongoing.
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/reports/answer.js';
import type { AnswerContext } from '../../src/reports/answer-types.js';
import { DEFAULT_REPORT_OPTIONS } from '../../src/reports/options.js';
import { weekendCalendar } from '../../src/calendar/weekend-calendar.js';
import { answerToJson } from '../../src/render/answer.js';
import { sampleDirectory, sampleLedger, TODAY } from './sample-ledger.js';

function ask(question: string, asker: string | null = null) {
  const ledger = sampleLedger();
  const ctx: AnswerContext = { ledger, directory: sampleDirectory(ledger), today: TODAY, calendar: weekendCalendar, options: DEFAULT_REPORT_OPTIONS, asker: { unit: asker } };
  return answerQuestion(question, ctx);
}
const ids = (a: { tasks: { id: string; role: string }[] }) => a.tasks.map((t) => `${t.id}:${t.role}`);

describe('answers: a unit’s tasks', () => {
  it('lists the tasks a unit leads, overdue first, then by deadline', () => {
    const a = ask('交通局负责哪些任务');
    expect(a).toMatchObject({ intent: 'unit_tasks', units: ['区交通局'], title: '区交通局牵头的任务（4 项）', count: 4, understood: true });
    expect(ids(a)).toEqual(['1:lead', '2:lead', '3:lead', '7:lead']);
    expect(a.tasks[0]).toMatchObject({ id: '1', title: '道路巡检', status: '进行中', due: '2026-02-20', overdue: true, lead: ['区交通局'], assist: ['双江镇', '大佛街道'] });
  });

  it('lists assisted tasks with role assist, and both under their headings for a unit alone', () => {
    expect(ids(ask('双江镇协助哪些任务'))).toEqual(['1:assist']);
    const any = ask('双江镇的任务');
    expect(ids(any)).toEqual(['5:lead', '10:lead', '8:lead', '1:assist']);
    expect(any.sections.map((s) => s.heading)).toEqual(['牵头负责', '协助配合']);
  });

  it('says so when a unit has no such tasks', () => {
    expect(ask('交通局协助哪些任务')).toMatchObject({ title: '没有区交通局协助的任务', empty: true, tasks: [], count: 0 });
  });

  it('answers a near-miss for the one unit it can mean, saying so', () => {
    const a = ask('交通部的任务');
    expect(a.units).toEqual(['区交通局']);
    expect(a.notice).toBe('按“区交通局”回答（您写的是“交通部”）。');
  });

  it('answers an unknown unit-like name with near names, and never a fragment of the sentence', () => {
    const a = ask('交通运输部的任务');
    expect(a).toMatchObject({ title: '没有找到单位 交通运输部', tasks: [], notFound: ['交通运输部'] });
  });

  it("answers with the asker's unit, and says how to register when it is unknown", () => {
    expect(ids(ask('我们负责的', '区城管局'))).toEqual(['2:lead', '4:lead', '9:lead']);
    const unknown = ask('我们负责的');
    expect(unknown).toMatchObject({ title: '还不知道您属于哪个单位', empty: true });
    expect(unknown.notice).toContain('--as');
  });

  it('finds tasks two units do together', () => {
    expect(ask('交通局和城管局一起做的')).toMatchObject({ title: '区交通局和区城管局共同参与的任务（1 项）' });
    expect(ids(ask('交通局和城管局一起做的'))).toEqual(['2:lead']);
  });
});

describe('answers: states, warnings, windows', () => {
  it('lists tasks in a state, for the ledger or one unit', () => {
    expect(ids(ask('已完成的'))).toEqual(['7:lead']);
    expect(ids(ask('暂缓的'))).toEqual(['8:lead']);
    expect(ids(ask('没开始的'))).toEqual(['11:lead', '9:lead']);
    expect(ask('交通局没完成的')).toMatchObject({ title: '区交通局未完成的任务（3 项）' });
    expect(ask('林业局完成了哪些')).toMatchObject({ title: '没有区林业局已完成的任务', empty: true });
  });

  it('lists overdue tasks most overdue first, for the ledger, a unit, or its assisted tasks', () => {
    expect(ids(ask('逾期的'))).toEqual(['1:lead', '6:lead', '2:lead']);
    expect(ask('城管局逾期的')).toMatchObject({ units: ['区城管局'], title: '区城管局逾期的任务（1 项）' });
    expect(ids(ask('双江镇协助的逾期任务'))).toEqual(['1:assist']);
  });

  it('grades warnings: red long overdue, yellow just overdue or lagging, blue due within 3 working days', () => {
    expect(ids(ask('红灯'))).toEqual(['1:lead']);
    expect(ids(ask('黄灯'))).toEqual(['6:lead', '2:lead', '10:lead']);
    expect(ids(ask('蓝灯'))).toEqual(['5:lead', '3:lead', '4:lead']);
    expect(ids(ask('滞后的'))).toEqual(['1:lead', '6:lead', '2:lead', '10:lead']);
    expect(ids(ask('进度低于50%'))).toEqual(['10:lead']);
    expect(ids(ask('交通局进度低于70%'))).toEqual(['3:lead']);
  });

  it('lists open tasks due in a window ahead, saying done ones are left out', () => {
    const week = ask('本周到期');
    expect(week).toMatchObject({ title: '本周到期的任务（2 项）', lines: ['（只列出尚未完成的任务）'] });
    expect(ids(week)).toEqual(['5:lead', '3:lead']);
    expect(ids(ask('本月到期'))).toEqual(['5:lead', '3:lead', '4:lead']);
    expect(ids(ask('2天内到期'))).toEqual(['5:lead', '3:lead']);
    expect(ask('林业局本周到期的')).toMatchObject({ title: '没有区林业局本周到期的任务', empty: true });
  });

  it('lists open tasks not updated for long, those never updated included', () => {
    expect(ask('好久没更新的任务')).toMatchObject({ intent: 'state', title: '10 个工作日以上未更新的任务（9 项）' });
    expect(ids(ask('双江镇好久没更新的'))).toEqual(['5:lead', '10:lead', '1:assist']);
  });

  it('lists tasks without an assisting unit', () => {
    expect(ids(ask('哪些任务没有协助单位'))).toEqual(['6:lead', '2:lead', '5:lead', '3:lead', '4:lead', '10:lead', '11:lead', '9:lead', '8:lead', '7:lead']);
  });
});

describe('answers: counts, rates, groups, one task', () => {
  it('counts and rates the selected tasks', () => {
    expect(ask('逾期的有几项')).toMatchObject({ intent: 'count', count: 3, title: '逾期的任务：共 3 项' });
    expect(ask('完成率')).toMatchObject({ intent: 'rate', rate: 9.1, title: '全部任务完成率 9.1%（已完成 1 项 / 共 11 项）' });
    expect(ask('交通局的完成率')).toMatchObject({ rate: 25, count: 4 });
  });

  it('groups by lead unit, most first, ties sharing a rank', () => {
    const a = ask('哪些单位逾期最多');
    expect(a.groups).toEqual([
      { unit: '区交通局', count: 2, taskIds: ['1', '2'] },
      { unit: '区城管局', count: 1, taskIds: ['2'] },
      { unit: '区林业局', count: 1, taskIds: ['6'] },
    ]);
    expect(a.lines).toEqual(['1. 区交通局：2 项（#1、#2）', '2. 区城管局：1 项（#2）', '2. 区林业局：1 项（#6）']);
    expect(ask('逾期按单位统计').groups).toEqual(a.groups);
  });

  it('describes one task with its units, deadline, state and warning', () => {
    const a = ask('任务1');
    expect(a).toMatchObject({ intent: 'task', title: '任务 1：道路巡检', units: ['区交通局'] });
    expect(a.lines).toEqual(['责任单位：区交通局', '协助单位：双江镇、大佛街道', '截止：2026-02-20，已逾期 12 天（8 个工作日），建议督办', '状态：进行中，红灯']);
  });

  it('names lead and assisting units apart for "who is responsible"', () => {
    expect(ask('任务2谁负责')).toMatchObject({ intent: 'who', title: '任务 2 由谁负责', lines: ['任务 2 联合执法：牵头 区交通局、区城管局；协助 无'] });
  });

  it('says when a task id is not found and offers near ids', () => {
    expect(ask('任务12')).toMatchObject({ title: '没有找到编号为 12 的任务', lines: ['没有找到编号为 12 的任务；相近的编号：1、2、10、11。'], tasks: [] });
  });

  it('finds tasks by keyword in title, category or note', () => {
    expect(ids(ask('双拥'))).toEqual(['5:lead', '10:lead', '11:lead']);
  });

  it('gives the overall numbers and warning levels', () => {
    const a = ask('总体进展');
    expect(a).toMatchObject({ intent: 'progress', count: 11, rate: 9.1 });
    expect(a.lines).toEqual([
      '共 11 项：已完成 1，进行中 7，未开始 2，暂缓 1；完成率 9.1%',
      '逾期 3 项，即将到期 3 项，进度滞后 1 项，建议督办 1 项',
      '红灯 1 · 黄灯 3 · 蓝灯 3 · 绿灯 4',
    ]);
  });
});

describe('answers: help, not understood, updates, JSON', () => {
  it('lists all examples for help, and three close ones for a question not understood', () => {
    expect(ask('帮助')).toMatchObject({ intent: 'help', understood: true });
    expect(ask('帮助').lines).toHaveLength(12);
    const unknown = ask('今天天气');
    expect(unknown).toMatchObject({ intent: 'unknown', understood: false, title: '没听懂这个问题，可以这样问：' });
    expect(unknown.lines).toEqual(['· 我们单位下周有什么要交的', '· 本周到期 / 3个工作日内到期 / 10月底前 / 国庆前要完成的', '· 交委本周到期的红灯任务']);
  });

  it('names the words it did not understand while answering the rest', () => {
    const a = ask('交通局的任务 咔咔咔');
    expect(a).toMatchObject({ count: 4, ignored: ['咔咔咔'], notice: '没有理解：咔咔咔。' });
  });

  it('describes an update without writing it, naming duban update', () => {
    const ledger = sampleLedger();
    const before = JSON.stringify(ledger);
    const a = answerQuestion('更新 3 状态 已完成 进度 100% 备注 已通车', { ledger, directory: sampleDirectory(ledger), today: TODAY, calendar: weekendCalendar, options: DEFAULT_REPORT_OPTIONS });
    expect(a).toMatchObject({ intent: 'update', title: '更新任务 3：公交线路优化', units: ['区交通局'] });
    expect(a.lines[1]).toContain('duban update 3 --status 已完成 --progress 100% --note "已通车"');
    expect(JSON.stringify(ledger)).toBe(before);
  });

  it('gives the JSON fields of the contract', () => {
    const json = answerToJson(ask('逾期按单位统计'));
    expect(Object.keys(json)).toEqual(['intent', 'understood', 'units', 'count', 'groups', 'tasks', 'text', 'empty']);
    expect(json.tasks[0]).toEqual({ id: '1', title: '道路巡检', role: 'lead', status: '进行中', due: '2026-02-20', overdue: true, lead: ['区交通局'], assist: ['双江镇', '大佛街道'], light: 'red' });
    expect(answerToJson(ask('“管理”可能'))).toMatchObject({ understood: false });
  });
});
