import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../src/domain/types.js';
import { parseLedger } from '../../src/ledger/parse-ledger.js';
import { readLocalWorkbook } from '../../src/ledger/read-local.js';
import { buildDigest } from '../../src/reports/digest.js';
import { weekendCalendar } from '../../src/calendar/weekend-calendar.js';
import { DEFAULT_REPORT_OPTIONS } from '../../src/reports/options.js';
import { parseCsvText } from '../../src/ledger/csv.js';
import { tableFromRows } from '../../src/ledger/header-row.js';
import { matchHeader } from '../../src/ledger/headers.js';

const TODAY = '2024-06-20';

async function ledgerOf(dir: string, file = 'tasks.csv'): Promise<Ledger> {
  const { ledger, units } = await readLocalWorkbook(`test/fixtures/ledgers/${dir}/${file}`);
  return parseLedger(ledger, units, { today: TODAY });
}

const rows = (ledger: Ledger) => ledger.tasks.map((t) => [t.id, t.lead.join('、'), t.assist.join('、'), t.due, t.status]);
const codes = (ledger: Ledger) => ledger.problems.map((p) => [p.code, p.row, p.severity]);

describe('ledgers kept the way offices keep them', () => {
  it('a title row, a merged 序号 over numbered sub-items, 牵头领导 and 备注 columns ignored', async () => {
    const ledger = await ledgerOf('real-title-merged');
    expect(rows(ledger)).toEqual([
      ['1', '区政务服务中心', '', '2024-06-30', 'in_progress'],
      ['1.1', '区市场监管局', '', '2024-06-30', 'done'],
      ['1.2', '区人力社保局', '', '2024-06-30', 'in_progress'],
      ['2', '区住建委', '', '2024-09-30', 'in_progress'],
      ['3', '区金融办', '', '2024-06-30', 'in_progress'],
      ['4', '区司法局', '', '2024-09-30', 'in_progress'],
      ['5', '区司法局', '', '2024-06-30', 'not_started'],
    ]);
    expect(ledger.tasks[1].title).toBe('（1）企业开办“一件事”集成办理');
    expect(ledger.tasks[0].note).toBe('已完成87项，剩余13项正在对接省平台');
    expect(ledger.tasks[4].recurring).toBe('每月底前');
    expect(codes(ledger)).toEqual([['missing_id', 5, 'warning'], ['missing_id', 6, 'warning']]);
    expect(ledger.problems[0].message).toContain('编号为空（合并单元格下的子项），暂用“1.1”');
  });

  it('责任领导 and 牵头领导 are people, not units', async () => {
    const ledger = await ledgerOf('real-leaders');
    expect(rows(ledger)).toEqual([
      ['1', '区教委', '区住建委、区规划自然资源局', '2024-08-31', 'in_progress'],
      ['2', '区住建委', '各街道办事处', '2024-12-31', 'in_progress'],
      ['3', '区城市管理局', '区公安分局', '2024-10-31', 'in_progress'],
      ['4', '区卫生健康委', '', '2024-06-30', 'done'],
    ]);
    expect(ledger.units.map((u) => u.name)).not.toContain('钱副区长');
    expect(ledger.problems).toEqual([]);
  });

  it('status words offices use: 正常推进, 已完成销号, 序时推进, 未启动, 滞后, 暂缓实施', async () => {
    const ledger = await ledgerOf('real-status-words');
    expect(ledger.tasks.map((t) => t.status)).toEqual([
      'done', 'in_progress', 'in_progress', 'in_progress', 'not_started', 'done', 'in_progress', 'paused',
    ]);
    // Two words for done: a filter on one misses the other (正常推进 and 序时推进 say more than the state, so they are not counted).
    expect(ledger.problems).toEqual([{
      row: null, column: '完成情况', severity: 'warning', code: 'mixed_status_words',
      message: '“完成情况”列中表示“已完成”的写法不统一：已完成销号（1 行）、完成销号（1 行）；按其中一个词筛选会漏掉其他行，建议统一为“已完成销号”（duban 写回时也用这个词）',
    }]);
  });

  it('a 责任单位 cell that says who leads and who helps', async () => {
    const ledger = await ledgerOf('real-role-cells');
    expect(ledger.tasks.map((t) => [t.lead, t.assist])).toEqual([
      [['区交通局'], ['区公安分局']],
      [['区发改委'], ['区财政局']],
      [['区城市管理局'], ['区住建委', '区水利局']],
      [['区教委', '区公安分局'], []],
      [['各镇街'], ['区应急管理局']],
      [['区委办（区委督查室）'], []],
    ]);
  });

  it('an XLSX whose first tab is 填报说明: the ledger tab is found by its header row', async () => {
    const { ledger: table } = await readLocalWorkbook('test/fixtures/ledgers/real-two-tabs/tasks.xlsx');
    expect(table.source).toMatch(/\[重点任务台账\]$/);
    const ledger = await ledgerOf('real-two-tabs', 'tasks.xlsx');
    expect(ledger.problems).toEqual([]);
    expect(ledger.tasks.map((t) => [t.title, t.start, t.due, t.ongoing])).toEqual([
      ['新增普惠性托育位300个', null, '2024-09-30', false],
      ['建设社区嵌入式养老服务综合体2个', '2024-07-01', '2024-09-30', false],
      ['新开优化公交线路5条', '2024-06-01', '2024-06-30', false],
      ['新建城市书房2个', null, '2024-06-30', false],
      ['为辖区中小学校园周边设置护学岗', null, null, true],
    ]);
  });

  it('a GBK CSV exported by WPS with CRLF and a line break inside a quoted cell', async () => {
    const ledger = await ledgerOf('real-wps-gbk');
    expect(ledger.problems).toEqual([]);
    expect(rows(ledger)).toEqual([
      ['1', '县农业农村局', '县卫生健康局、县住房城乡建设局', '2024-12-31', 'in_progress'],
      ['2', '县生态环境局', '县住房城乡建设局、各乡镇人民政府', '2024-11-30', 'in_progress'],
      ['3', '县交通运输局', '', '2024-10-31', 'not_started'],
      ['4', '县水利局', '', '2024-06-30', 'done'],
    ]);
    expect(ledger.tasks[1].note).toBe('已完成7个行政村，\r\n另有3个在建');
  });

  it('one row per unit under a merged 序号 and 项目名称 (XLSX with real merges): the same task for each unit', async () => {
    const ledger = await ledgerOf('real-unit-rows', 'tasks.xlsx');
    expect(ledger.tasks.map((t) => [t.id, t.title, t.lead.join('、'), t.due, t.status])).toEqual([
      ['1', '县城污水处理厂提标改造', '县住建局', '2024-10-31', 'in_progress'],
      ['1.1', '县城污水处理厂提标改造', '县生态环境局', '2024-10-31', 'done'],
      ['2', '农村公路提档升级', '县交通运输局', '2024-12-31', 'in_progress'],
      ['2.1', '农村公路提档升级', '各乡镇', '2024-12-31', 'in_progress'],
      ['2.2', '农村公路提档升级', '县自然资源局', '2024-12-31', 'done'],
      ['3', '县人民医院住院楼建设', '县卫健委', '2025-06-30', 'in_progress'],
    ]);
    expect(ledger.problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(codes(ledger).filter(([code]) => code === 'filled_down')).toEqual([
      ['filled_down', 4, 'warning'], ['filled_down', 4, 'warning'], ['filled_down', 6, 'warning'], ['filled_down', 6, 'warning'],
    ]);
  });

  it('a row with its own number and no task text is still an error', () => {
    const csv = parseCsvText('序号,任务,责任单位,完成时限\n1,道路巡检,区交通局,2024-06-30\n2,,区公安分局,2024-06-30\n');
    const ledger = parseLedger(tableFromRows('inline.csv', csv.rows, (t) => matchHeader(t) !== null), null);
    expect(codes(ledger)).toEqual([['missing_title', 3, 'error']]);
  });

  it('the digest counts the office’s own 滞后 as behind schedule', async () => {
    const ledger = await ledgerOf('real-two-tabs', 'tasks.xlsx');
    const digest = buildDigest(ledger, TODAY, weekendCalendar, DEFAULT_REPORT_OPTIONS);
    expect(digest.behind.map((v) => v.task.id)).toEqual(['3']);
    expect(digest.lights.yellow).toBe(1);
  });
});
