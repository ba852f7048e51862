import { beforeEach, describe, expect, it } from 'vitest';
import { toSerial } from '../../src/calendar/dates.js';
import { columnRuleProblems } from '../../src/app/column-check.js';
import { openSource } from '../../src/sources/open-source.js';
import { apiRequests, type FeishuSetup, useFeishuSetup } from './feishu-harness.js';
import { asSpreadsheetCells, csvGrid, EXAMPLE_TASKS } from './example.js';

const TOKEN = 'shtcnWords0001';
const URL_ = `https://tongnan.feishu.cn/sheets/${TOKEN}?sheet=Q7PlXT`;
const DATE = '2026-11-29';
let f: FeishuSetup;

function seed(dropdown: string[] | null) {
  const rows = asSpreadsheetCells(csvGrid(EXAMPLE_TASKS));
  f.sheets.addSpreadsheet(TOKEN, [
    { sheet_id: 'Q7PlXT', title: '台账', rows, dropdowns: dropdown ? [{ ranges: ['Q7PlXT!H2:H17'], values: dropdown }] : undefined },
  ]);
}
const rowOf = (id: number) => f.sheets.tab(TOKEN, '台账').rows.find((r) => r[0] === id)!;

const feishu = useFeishuSetup();
beforeEach(() => {
  f = feishu();
  f.server.requests.length = 0;
  f.sheets.dropdownViolations.length = 0;
});

describe('Feishu Sheets write-back in the sheet\'s own words', () => {
  it('writes a word of the status column\'s dropdown list (v2 dataValidation for the task\'s row), and nothing outside it', async () => {
    seed(['未开始', '正在推进', '已办结', '暂缓']);
    const source = openSource(URL_, f.deps);
    await source.updateTask('4', { status: '进行中', date: DATE });
    expect(rowOf(4)[7]).toBe('正在推进');
    const query = apiRequests(f.server).find((r) => r.path.endsWith('/dataValidation'))!.query;
    expect([query.range, query.dataValidationType]).toEqual(['Q7PlXT!A5:K5', 'list']);
    const outcome = await source.updateTask('4', { status: '已延期', note: '同意延期', date: DATE });
    expect(rowOf(4)[7]).toBe('正在推进');
    expect(String(rowOf(4)[9])).toMatch(new RegExp(`\\n\\[${DATE}\\] 同意延期；状态：已延期$`));
    expect(outcome.unwritten?.map((u) => [u.field, u.reason])).toEqual([['status', 'no_option']]);
    await source.updateTask('5', { status: '完成', date: DATE });
    expect(rowOf(5)[7]).toBe('已办结');
    expect(f.sheets.dropdownViolations).toEqual([]);
  });

  it('without a dropdown writes the column\'s most used word, and writes dates into a serial-date column as serials', async () => {
    seed(null);
    await openSource(URL_, f.deps).updateTask('13', { status: '推进中', date: DATE });
    expect([rowOf(13)[7], rowOf(13)[10]]).toEqual(['进行中', toSerial(DATE)]);
  });

  it('gives the ledger check the dropdown\'s words', async () => {
    seed(['未开始', '正在推进', '已办结', '暂缓', '作废']);
    const problems = await columnRuleProblems(openSource(URL_, f.deps));
    expect(problems.map((p) => p.code)).toEqual(['unmapped_option', 'missing_option']);
    expect(problems[0].message).toContain('“作废”');
    expect(problems[1].message).toContain('没有表示 已延期 的选项');
  });
});
