import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runDuban } from '../support/run-cli.js';

const HEAD = '编号,任务,责任单位,截止日期,状态,进度,进展情况,更新时间';

describe('duban update in the ledger\'s own words', () => {
  it('writes 推进中 on a ledger whose status column says 推进中 (the template\'s 进行中 never)', async () => {
    const sheet = join(mkdtempSync(join(tmpdir(), 'duban-words-')), 'tasks.csv');
    writeFileSync(sheet, `${HEAD}\n12,a,区民政局,2022-06-30,推进中,,,\n13,b,区民政局,2022-06-30,未开始,,,\n14,c,区民政局,2022-06-30,推进中,,,\n`);
    const run = await runDuban(['update', '13', '--status', '推进中', '--today', '2022-06-20', '--sheet', sheet, '--json']);
    expect(run.code).toBe(0);
    expect(run.json()).toEqual({
      id: '13', row: 3,
      changes: [{ column: '状态', before: '未开始', after: '推进中' }, { column: '更新时间', before: '', after: '2022-06-20' }],
      warnings: [], unwritten: [],
    });
    const typedOther = await runDuban(['update', '13', '--status', '进行中', '--today', '2022-06-21', '--sheet', sheet]);
    expect(typedOther.stdout).toBe('已更新任务 13（第 3 行）：\n  更新时间：2022-06-20 → 2022-06-21\n');
    expect(readFileSync(sheet, 'utf8')).toContain('13,b,区民政局,2022-06-30,推进中,,,2022-06-21');
  });

  it('tells what the ledger could not take and where it went instead', async () => {
    const sheet = join(mkdtempSync(join(tmpdir(), 'duban-words-')), 'tasks.csv');
    writeFileSync(sheet, '编号,任务,责任单位,进展情况\n1,a,区民政局,\n');
    const run = await runDuban(['update', '1', '--status', '已完成', '--progress', '100%', '--today', '2022-06-20', '--sheet', sheet]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(['已更新任务 1（第 2 行）：', '  进展情况：（空） → [2022-06-20] 状态：已完成；进度：100%', ''].join('\n'));
    // Notices go to stderr, so the output stays clean when redirected.
    expect(run.stderr).toBe([
      '提示：台账没有“状态”列，已记入“进展情况”；如需单独记录请在表头添加“状态”列。',
      '提示：台账没有“进度”列，已记入“进展情况”；如需单独记录请在表头添加“进度”列。',
      '提示：台账没有“更新时间”列，本次未记录更新日期；如需记录请在表头添加“更新时间”列。',
      '',
    ].join('\n'));
  });
});

describe('duban validate on the status column\'s words', () => {
  it('reports a status column that writes one state in two words', async () => {
    const sheet = join(mkdtempSync(join(tmpdir(), 'duban-words-')), 'tasks.csv');
    writeFileSync(sheet, `${HEAD}\n1,a,区民政局,2022-06-30,进行中,,,\n2,b,区民政局,2022-06-30,推进中,,,\n3,c,区民政局,2022-06-30,进行中,,,\n4,d,区民政局,2022-06-30,滞后,,,\n`);
    const run = await runDuban(['validate', '--json', '--sheet', sheet]);
    expect(run.code).toBe(0);
    // Without a unit directory, validate also says that no liaison can be @-mentioned (no_liaison).
    expect(run.json().problems.filter((p: { code: string }) => p.code !== 'no_liaison')).toEqual([{
      row: null, column: '状态', severity: 'warning', code: 'mixed_status_words',
      message: '“状态”列中表示“进行中”的写法不统一：进行中（2 行）、推进中（1 行）；按其中一个词筛选会漏掉其他行，建议统一为“进行中”（duban 写回时也用这个词）',
    }]);
  });

  it('reports a word of an XLSX dropdown that duban cannot read', async () => {
    const sheet = join(mkdtempSync(join(tmpdir(), 'duban-words-')), 'tasks.xlsx');
    const book = new ExcelJS.Workbook();
    const tab = book.addWorksheet('台账');
    tab.addRow(['编号', '任务', '责任单位', '截止日期', '状态']);
    tab.addRow([1, 'a', '区民政局', '2022-06-30', '未开始']);
    tab.getCell('E2').dataValidation = { type: 'list', formulae: ['"未开始,进行中,已完成,暂缓,已延期,待定"'] };
    await book.xlsx.writeFile(sheet);
    const run = await runDuban(['validate', '--json', '--sheet', sheet]);
    expect(run.json().problems.filter((p: { code: string }) => p.code !== 'no_liaison').map((p: { code: string; message: string }) => [p.code, p.message])).toEqual([
      ['unmapped_option', '“状态”（下拉列表）的选项 “待定” 不对应 duban 认识的含义（未开始、进行中、已完成、暂缓、已延期），duban 不会写入这些选项；请改名或删除'],
    ]);
  });
});
