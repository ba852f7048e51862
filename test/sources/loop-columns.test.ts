import { describe, expect, it } from 'vitest';
import type { Cell, RawTable } from '../../src/domain/types.js';
import { dateFormOf, formatDate } from '../../src/sources/date-form.js';
import type { ColumnRules } from '../../src/sources/source.js';
import { planWriteBack } from '../../src/sources/write-back.js';

const DATE = '2022-06-27';

function table(headers: string[], rows: Cell[][]): RawTable {
  return { source: 'test.csv', headerRow: 1, headers, rows: rows.map((cells, i) => ({ row: i + 2, cells })) };
}
const cells = (plan: ReturnType<typeof planWriteBack>) => plan.cells.map((c) => [c.column, c.after]);

describe('planWriteBack: an approved extension', () => {
  const HEAD = ['编号', '任务', '状态', '截止日期', '原截止日期', '延期次数', '进展情况', '更新时间'];

  it('writes the new deadline, keeps the original at the first extension and counts it', () => {
    const ledger = table(HEAD, [['6', '建设双拥公园', '进行中', '2022-06-30', '', '', '', '2022-06-01']]);
    const plan = planWriteBack(ledger, '6', { status: '已延期', newDue: '2022-07-31', note: '同意延期，原因：雨季停工', by: '督查室', date: DATE });
    expect(cells(plan)).toEqual([
      ['状态', '已延期'],
      ['原截止日期', '2022-06-30'],
      ['截止日期', '2022-07-31'],
      ['延期次数', '1'],
      ['进展情况', `[${DATE} 督查室] 同意延期，原因：雨季停工`],
      ['更新时间', DATE],
    ]);
    expect(plan.cells.map((c) => c.kind)).toEqual(['choice', 'date', 'date', 'count', 'text', 'date']);
    expect([plan.warnings, plan.unwritten]).toEqual([[], []]);
  });

  it('keeps the first original deadline at a second extension, and counts on from "1次"', () => {
    const ledger = table(HEAD, [['6', '建设双拥公园', '已延期', '2022-07-31', '2022-06-30', '1次', '', '']]);
    expect(cells(planWriteBack(ledger, '6', { newDue: '2022-08-31', date: DATE }))).toEqual([
      ['截止日期', '2022-08-31'],
      ['延期次数', '2次'],
      ['更新时间', DATE],
    ]);
  });

  it('writes dates in the form the column uses, and copies a deadline written in words as it is', () => {
    const ledger = table(HEAD, [
      ['6', 'a', '进行中', '6月底前', '', '', '', '2022年6月1日'],
      ['7', 'b', '进行中', '2022年9月30日', '', '', '', '2022年6月2日'],
    ]);
    expect(cells(planWriteBack(ledger, '6', { newDue: '2022-07-05', date: DATE }))).toEqual([
      ['原截止日期', '6月底前'],
      ['截止日期', '2022年7月5日'],
      ['延期次数', '1'],
      ['更新时间', '2022年6月27日'],
    ]);
  });

  it('without 原截止日期 and 延期次数 columns: the original deadline goes into the note once, the count is reported', () => {
    const head = ['编号', '任务', '截止日期', '进展情况'];
    const plan = planWriteBack(table(head, [['6', 'a', '2022-06-30', '旧进展']]), '6', { newDue: '2022-07-31', note: '同意延期', date: DATE });
    expect(cells(plan)).toEqual([
      ['截止日期', '2022-07-31'],
      ['进展情况', `旧进展\n[${DATE}] 同意延期；原截止日期：2022-06-30`],
    ]);
    expect(plan.unwritten).toEqual([
      { field: 'originalDue', column: '原截止日期', value: '2022-06-30', reason: 'no_column', inNote: true },
      { field: 'extensions', column: '延期次数', value: '1', reason: 'no_column', inNote: false },
      { field: 'updated', column: '更新时间', value: DATE, reason: 'no_column', inNote: false },
    ]);
    expect(plan.warnings).toEqual([
      '台账没有“原截止日期”列，已记入“进展情况”；如需单独记录请在表头添加“原截止日期”列。',
      '台账没有“延期次数”列，本次未记录延期次数；如需记录请在表头添加“延期次数”列。',
      '台账没有“更新时间”列，本次未记录更新日期；如需记录请在表头添加“更新时间”列。',
    ]);
    const second = table(head, [['6', 'a', '2022-07-31', `旧进展\n[${DATE}] 同意延期；原截止日期：2022-06-30`]]);
    expect(cells(planWriteBack(second, '6', { newDue: '2022-08-31', date: DATE }))).toEqual([['截止日期', '2022-08-31']]);
  });

  it('refuses, writing nothing, an extension that would lose the original deadline (no column, no note)', () => {
    const ledger = table(['编号', '任务', '截止日期'], [['6', 'a', '2022-06-30']]);
    expect(() => planWriteBack(ledger, '6', { newDue: '2022-07-31', date: DATE })).toThrow(
      '台账没有“进展情况”列，无法记下“原截止日期：2022-06-30”，本次未写入；请先在表头添加该列。',
    );
  });

  it('refuses a date that does not exist before reading anything', () => {
    const ledger = table(HEAD, [['6', 'a', '进行中', '2022-06-30', '', '', '', '']]);
    expect(() => planWriteBack(ledger, '6', { newDue: '2022-02-30', date: DATE })).toThrow('新的截止日期“2022-02-30”不是有效的日期，请写成 YYYY-MM-DD，如 2022-07-31。');
    expect(() => planWriteBack(ledger, '6', { closedOn: '7月31日', date: DATE })).toThrow('办结时间“7月31日”不是有效的日期');
  });

  it('leaves a count it cannot read, and says so', () => {
    const ledger = table(HEAD, [['6', 'a', '进行中', '2022-06-30', '2022-05-31', '一次', '', '']]);
    const plan = planWriteBack(ledger, '6', { newDue: '2022-07-31', date: DATE });
    expect(cells(plan)).toEqual([['截止日期', '2022-07-31'], ['更新时间', DATE]]);
    expect(plan.warnings).toEqual(['“延期次数”中的“一次”不是次数，未自动加一；请办公室核对。']);
  });
});

describe('planWriteBack: completion, evidence and 预警', () => {
  const HEAD = ['编号', '任务', '状态', '进度', '办结时间', '佐证材料', '预警', '进展情况', '更新时间'];
  const ledger = table(HEAD, [['6', 'a', '进行中', '80%', '', '', '黄灯', '', DATE], ['7', 'b', '进行中', '', '', '', '红灯', '', DATE]]);

  it('writes 办结时间 and appends evidence as a dated line, each item with its link', () => {
    const plan = planWriteBack(ledger, '6', {
      status: '已完成', progress: '100', closedOn: DATE, by: '张三', date: DATE,
      evidence: [{ name: '验收报告.pdf', url: 'https://tn.feishu.cn/file/abc' }, { name: '现场照片.jpg' }],
    });
    expect(cells(plan)).toEqual([
      ['状态', '已完成'],
      ['进度', '100%'],
      ['办结时间', DATE],
      ['佐证材料', `[${DATE} 张三] 验收报告.pdf（https://tn.feishu.cn/file/abc）；现场照片.jpg`],
    ]);
    expect(plan.cells[3].entry).toBe(`[${DATE} 张三] 验收报告.pdf（https://tn.feishu.cn/file/abc）；现场照片.jpg`);
  });

  it('puts evidence into the note where there is no 佐证材料 column', () => {
    const plan = planWriteBack(table(['编号', '任务', '进展情况'], [['6', 'a', '']]), '6', { evidence: [{ name: '验收报告.pdf' }], note: '已办结', date: DATE });
    expect(cells(plan)).toEqual([['进展情况', `[${DATE}] 已办结；佐证材料：验收报告.pdf`]]);
  });

  it('writes the 预警 column\'s own word for the level, the template word in an empty free column, nothing outside a list', () => {
    // A 预警 is no report on the task: 更新时间 stays.
    expect(cells(planWriteBack(ledger, '6', { warning: 'red', date: '2022-06-28' }))).toEqual([['预警', '红灯']]);
    const worded = table(HEAD, [['6', 'a', '', '', '', '', '', '', DATE], ['7', 'b', '', '', '', '', '红色预警', '', DATE]]);
    expect(cells(planWriteBack(worded, '6', { warning: 'red', date: DATE }))).toEqual([['预警', '红色预警']]);
    expect(cells(planWriteBack(worded, '6', { warning: 'blue', date: DATE }))).toEqual([['预警', '蓝灯']]);
    const list: ColumnRules = new Map([[6, { takes: 'choice', options: ['红', '黄', '绿'], label: '下拉列表' }]]);
    expect(cells(planWriteBack(worded, '6', { warning: 'yellow', date: DATE }, list))).toEqual([['预警', '黄']]);
    const blue = planWriteBack(worded, '6', { warning: 'blue', date: DATE }, list);
    expect([cells(blue), blue.unwritten]).toEqual([[], [{ field: 'warning', column: '预警', value: '蓝灯', reason: 'no_option', inNote: false }]]);
  });

  it('notes what a typed column cannot take, and leaves a column the backend fills itself', () => {
    const rules: ColumnRules = new Map([
      [4, { takes: 'none', label: '公式字段' }],
      [5, { takes: 'none', label: '附件字段' }],
    ]);
    const plan = planWriteBack(ledger, '6', { closedOn: DATE, evidence: [{ name: '报告.pdf' }], date: DATE }, rules);
    expect(cells(plan)).toEqual([['进展情况', `[${DATE}] 佐证材料：报告.pdf`]]);
    expect(plan.warnings).toEqual([
      '“办结时间”是公式字段，不能写入“2022-06-27”，本次未记录办结时间。',
      '“佐证材料”是附件字段，不能写入“报告.pdf”，已记入“进展情况”。',
    ]);
    const auto: ColumnRules = new Map([[3, { takes: 'auto', label: '修改时间字段' }]]);
    const updated = table(['编号', '任务', '状态', '更新时间'], [['6', 'a', '未开始', '2022-06-01']]);
    const plan2 = planWriteBack(updated, '6', { status: '进行中', date: DATE }, auto);
    expect([cells(plan2), plan2.warnings]).toEqual([[['状态', '进行中']], []]);
  });
});

describe('date forms', () => {
  it('finds the form a column writes its dates in and writes a date the same way', () => {
    const cases: [string[], string][] = [
      [['2022-06-30', '2022-07-01'], '2022-06-05'],
      [['2022/6/30', '2022/7/1', '2022-06-01'], '2022/6/5'],
      [['2022.06.30'], '2022.06.05'],
      [['2022年6月30日', '6月底前', ''], '2022年6月5日'],
      [['2022年06月30日'], '2022年06月05日'],
      [['6月底前', '长期坚持'], '2022-06-05'],
    ];
    for (const [texts, written] of cases) expect(formatDate('2022-06-05', dateFormOf(texts))).toBe(written);
  });
});
