import { describe, expect, it } from 'vitest';
import { weekendCalendar } from '../../src/calendar/weekend-calendar.js';
import { answerQuestion } from '../../src/reports/answer.js';
import { DEFAULT_REPORT_OPTIONS } from '../../src/reports/options.js';
import { renderAnswerText } from '../../src/render/answer.js';
import { renderDigestText } from '../../src/render/digest.js';
import { renderReminderText } from '../../src/render/reminders.js';
import { sampleDirectory, sampleLedger, TODAY } from '../reports/sample-ledger.js';
import { sampleDigest, samplePlan } from './render-helpers.js';

describe('warning levels with their reasons, wherever tasks are listed', () => {
  it('in the digest: the board and each red or yellow line', () => {
    const lines = renderDigestText(sampleDigest()).split('\n');
    expect(lines).toContain('预警：红灯 1 · 黄灯 3 · 蓝灯 3 · 绿灯 4');
    expect(lines).toContain('  · #1 道路巡检 · 区交通局 · 截止 2026-02-20 · 逾期 12 天 · 红灯：逾期 8 个工作日');
    expect(lines).toContain('  · #10 拥军优属走访 · 双江镇 · 截止 2026-04-30 · 进行中 · 进度 5% · 黄灯：落后序时进度 30 个百分点');
  });

  it('in reminders', () => {
    const text = renderReminderText(samplePlan());
    expect(text).toContain('#6 植树造林 · 截止 2026-03-02 · 逾期 2 天 · 黄灯：逾期 2 个工作日');
  });

  it('in answers to 红灯任务 and 黄灯任务', () => {
    const ledger = sampleLedger();
    const ctx = { ledger, directory: sampleDirectory(ledger), today: TODAY, calendar: weekendCalendar, options: DEFAULT_REPORT_OPTIONS };
    expect(renderAnswerText(answerQuestion('红灯任务', ctx))).toContain('#1 道路巡检 · 区交通局 · 截止 2026-02-20 · 逾期 12 天 · 红灯：逾期 8 个工作日');
    const yellow = renderAnswerText(answerQuestion('黄灯任务', ctx));
    expect(yellow).toContain('#2 联合执法 · 区交通局、区城管局 · 截止 2026-03-03 · 逾期 1 天 · 黄灯：逾期 1 个工作日');
  });
});
