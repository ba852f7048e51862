import { describe, expect, it } from 'vitest';
import { renderDigestText } from '../../src/render/digest.js';
import { renderReminderText } from '../../src/render/reminders.js';
import { renderAnswerText } from '../../src/render/answer.js';
import { renderProblemsText } from '../../src/render/problems.js';
import { displayWidth } from '../../src/render/width.js';
import { sampleLedger } from '../reports/sample-ledger.js';
import { sampleAnswer, sampleDigest, samplePlan } from './render-helpers.js';

describe('terminal text', () => {
  it('aligns the per-unit table in display columns, Chinese counting two', () => {
    const lines = renderDigestText(sampleDigest()).split('\n');
    const header = lines.findIndex((l) => l.startsWith('单位'));
    const table = lines.slice(header, header + 6);
    expect(table[2]).toMatch(/^区交通局\s+4\s+1\s+3\s+2$/);
    const widths = new Set(table.map(displayWidth));
    expect(widths.size).toBe(1);
    // The "牵头" column ends at the same column on every row.
    const leadEnd = displayWidth(table[0].slice(0, table[0].indexOf('牵头') + 2));
    for (const row of table.slice(2)) expect(displayWidth(row.slice(0, row.search(/\d/) + 1))).toBe(leadEnd);
  });

  it('lists overdue tasks with units, due date and days overdue', () => {
    const text = renderDigestText(sampleDigest());
    expect(text).toContain('#1 道路巡检 · 区交通局 · 截止 2026-02-20 · 逾期 12 天');
    expect(text).toContain('#5 双拥公园维护 · 双江镇 · 截止 2026-03-04 · 今天到期');
    expect(text).toContain('表格体检：1 个错误，1 个提醒');
  });

  it('uses ANSI colour only when asked', () => {
    const digest = sampleDigest();
    expect(renderDigestText(digest)).not.toContain('\u001b[');
    expect(renderDigestText(digest, { color: true })).toContain('\u001b[31m逾期 12 天\u001b[0m');
  });

  it('shows each chat message with its recipients and the office note', () => {
    const text = renderReminderText(samplePlan());
    expect(text.indexOf('→ 工作群 oc_traffic')).toBeLessThan(text.indexOf('→ 默认工作群 oc_default'));
    expect(text).toContain('@张三 请关注以下任务');
    expect(text).toContain('@李局 有任务逾期较久，建议督办。');
    expect(text).toContain('【建议督办】#1 道路巡检 · 截止 2026-02-20 · 逾期 12 天 · 协助：双江镇、大佛街道');
    expect(text).toContain('（未登记联络员）');
    expect(text).toMatch(/→ 办公室 oc_office[\s\S]*区林业局/);
  });

  it('labels the message of units without any work group with where it is sent: the office chat, or nowhere', () => {
    const plan = samplePlan();
    const toOffice = { ...plan.messages[0], chat: 'oc_office', route: 'office' as const };
    expect(renderReminderText({ ...plan, messages: [toOffice] })).toContain('→ 办公室 oc_office（未配置工作群 chats.default，请转达）');
    const nowhere = { ...plan.messages[0], chat: null, route: 'none' as const };
    expect(renderReminderText({ ...plan, officeChat: null, messages: [nowhere] })).toContain('→ 未配置工作群（chats.default），不会发送');
  });

  it('says when there is nothing to remind, and on non-working days', () => {
    const plan = samplePlan();
    expect(renderReminderText({ ...plan, messages: [] })).toBe('2026-03-04 没有需要提醒的任务。\n');
    expect(renderReminderText({ ...plan, workday: false, messages: [] })).toBe('2026-03-04 不是工作日，不发送提醒。\n');
  });

  it('renders answers with sections and notices', () => {
    const any = renderAnswerText(sampleAnswer('双江镇的任务'));
    expect(any).toContain('【牵头负责（3）】');
    expect(any).toContain('#1 道路巡检 · 区交通局 · 截止 2026-02-20 · 逾期 12 天');
    const unknown = renderAnswerText(sampleAnswer('交通运输部负责的'));
    expect(unknown).toBe(`没有找到单位 交通运输部\n${'='.repeat(23)}\n您是不是要找：区交通局\n`);
  });

  it('renders sheet problems naming row and column', () => {
    const text = renderProblemsText(sampleLedger().problems, 'test.csv');
    expect(text).toContain('第 3 行「截止日期」：无法识别的日期');
    expect(text).toContain('【提醒（1）】');
    expect(renderProblemsText([])).toContain('表格体检：没有发现问题');
  });
});
