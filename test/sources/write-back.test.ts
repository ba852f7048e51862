import { describe, expect, it } from 'vitest';
import type { RawTable } from '../../src/domain/types.js';
import type { ColumnRules } from '../../src/sources/source.js';
import { appendNote, neutraliseFormula, normaliseProgress, planWriteBack, WriteBackError } from '../../src/sources/write-back.js';

const DATE = '2026-11-29';

function table(headers: string[], rows: string[][]): RawTable {
  return { source: 'test.csv', headerRow: 1, headers, rows: rows.map((cells, i) => ({ row: i + 2, cells })) };
}

const LEDGER = table(
  ['序号', '工作任务', '牵头单位', '完成情况', '完成进度', '推进情况', '最后更新'],
  [
    ['1', '任务一', '区交通局', '进行中', '60%', '已启动', '2026-11-01'],
    ['2', '任务二', '区林业局', '未开始', '', '', ''],
  ],
);

describe('neutraliseFormula', () => {
  it('prefixes an apostrophe to text that would start a formula, and only then', () => {
    for (const text of ['=1+1', '+86 123', '-5', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(text)).toBe(`'${text}`);
    for (const text of ['已完成', 'a=b', '80%', '']) expect(neutraliseFormula(text)).toBe(text);
  });
});

describe('normaliseProgress', () => {
  it('writes progress as a percent the ledger reader reads back the same', () => {
    expect(['80%', '80', '0.8', '８０％', '八成'].map(normaliseProgress)).toEqual(['80%', '80%', '80%', '80%', '80%']);
    expect(normaliseProgress('1.0')).toBe('100%');
  });
  it('refuses unreadable or out-of-range progress', () => {
    expect(() => normaliseProgress('快了')).toThrow(WriteBackError);
    expect(() => normaliseProgress('150')).toThrow(/0 到 100/);
  });
});

describe('appendNote', () => {
  it('appends a dated, signed line and never replaces the note', () => {
    expect(appendNote('已启动', { note: '完成招标', by: '张三', date: DATE })).toBe(`已启动\n[${DATE} 张三] 完成招标`);
    expect(appendNote('', { note: '完成招标', date: DATE })).toBe(`[${DATE}] 完成招标`);
  });
});

describe('planWriteBack', () => {
  it('finds the row through header aliases and plans only the cells that change', () => {
    const plan = planWriteBack(LEDGER, ' 1 ', { status: '进行中', progress: '0.9', note: '过半', by: '李四', date: DATE });
    expect(plan.row).toBe(2);
    expect(plan.cells.map((c) => [c.column, c.before, c.after])).toEqual([
      ['完成进度', '60%', '90%'],
      ['推进情况', '已启动', `已启动\n[${DATE} 李四] 过半`],
      ['最后更新', '2026-11-01', DATE],
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('refuses a missing id, a duplicated id, an empty update and a missing column', () => {
    expect(() => planWriteBack(LEDGER, '9', { status: '已完成', date: DATE })).toThrow('找不到编号为“9”的任务');
    const dup = table(LEDGER.headers, [...LEDGER.rows.map((r) => r.cells as string[]), ['2', '重复', '', '', '', '', '']]);
    expect(() => planWriteBack(dup, '2', { status: '已完成', date: DATE })).toThrow('编号“2”在台账中出现了 2 次（第 3、4 行）');
    expect(() => planWriteBack(LEDGER, '1', { date: DATE })).toThrow('没有要写入的内容');
    const noNote = table(['编号', '任务', '状态'], [['1', 't', '进行中']]);
    expect(() => planWriteBack(noNote, '1', { note: 'x', date: DATE })).toThrow('台账没有“进展情况”列');
  });

  it('refuses a note that would grow the cell past the 32,767 characters Excel holds, naming the column', () => {
    expect(() => planWriteBack(LEDGER, '1', { note: 'x'.repeat(40_000), date: DATE })).toThrow(/写入后“.+”将有 \d+ 个字符，超过表格单元格的上限 32767 个/);
    expect(planWriteBack(LEDGER, '1', { note: 'x'.repeat(30_000), date: DATE }).cells.map((c) => c.field)).toContain('note');
  });

  it('takes "#2" as reports show ids, and keeps an id cell that really holds "#" text', () => {
    expect(planWriteBack(LEDGER, '＃2', { status: '已完成', date: DATE })).toMatchObject({ id: '2', row: 3 });
    const hashIds = table(LEDGER.headers, [['#7', '任务七', '区交通局', '进行中', '', '', '']]);
    expect(planWriteBack(hashIds, '#7', { status: '已完成', date: DATE })).toMatchObject({ id: '#7', row: 2 });
  });

  it('tells to fill in the id of a row that had none, instead of "not found", for its stand-in id R<row>', () => {
    const noId = table(LEDGER.headers, [...LEDGER.rows.map((r) => r.cells as string[]), ['', '任务三', '区水利局', '进行中', '', '', '']]);
    expect(() => planWriteBack(noId, 'R4', { status: '已完成', date: DATE })).toThrow('第 4 行的任务没有填写编号（“R4”是临时编号），无法按编号写回；请先在台账“序号”列填写编号');
    expect(() => planWriteBack(noId, 'R3', { status: '已完成', date: DATE })).toThrow('找不到编号为“R3”的任务');
  });

  it('warns instead of inventing a 更新时间 column', () => {
    const plan = planWriteBack(table(['编号', '任务', '状态'], [['1', 't', '进行中']]), '1', { status: '已完成', date: DATE });
    expect(plan.cells).toHaveLength(1);
    expect(plan.warnings[0]).toContain('没有“更新时间”列');
  });
});

describe('planWriteBack: the ledger\'s own status words', () => {
  const HEAD = ['编号', '任务', '责任单位', '状态', '进展情况', '更新时间'];
  const ledger = (statuses: string[]) => table(HEAD, statuses.map((s, i) => [String(i + 1), `任务${i + 1}`, '区民政局', s, '', '']));
  const statusOf = (plan: ReturnType<typeof planWriteBack>) => plan.cells.find((c) => c.field === 'status')?.after;
  const choice = (options: string[], multiple = false): ColumnRules => new Map([[3, { takes: 'choice', options, multiple, label: '单选字段' }]]);

  it('writes the word the column uses most for the state, whatever was typed (issue: 推进中 must not become 进行中)', () => {
    const mostly推进中 = ledger(['未开始', '推进中', '推进中', '进行中', '已完成']);
    expect(statusOf(planWriteBack(mostly推进中, '1', { status: '推进中', date: DATE }))).toBe('推进中');
    expect(statusOf(planWriteBack(mostly推进中, '1', { status: '进行中', date: DATE }))).toBe('推进中');
    expect(statusOf(planWriteBack(mostly推进中, '1', { status: 'in progress', date: DATE }))).toBe('推进中');
    const mostlyDone = ledger(['未开始', '已办结', '已办结', '已完成']);
    expect(statusOf(planWriteBack(mostlyDone, '1', { status: 'done', date: DATE }))).toBe('已办结');
  });

  it('breaks a tie by the typed word, then the template word; a column without the state gets the template word', () => {
    const tie = ledger(['未开始', '推进中', '进行中']);
    expect(statusOf(planWriteBack(tie, '1', { status: '推进中', date: DATE }))).toBe('推进中');
    expect(statusOf(planWriteBack(tie, '1', { status: '正在推进', date: DATE }))).toBe('进行中');
    expect(statusOf(planWriteBack(ledger(['未开始', '推进中']), '1', { status: '已延期', date: DATE }))).toBe('已延期');
  });

  it('leaves a cell that already says the state in a word of the column, and replaces a word that says more', () => {
    const words = ledger(['推进中', '进行中', '进行中', '滞后']);
    expect(statusOf(planWriteBack(words, '1', { status: '进行中', date: DATE }))).toBeUndefined();
    expect(statusOf(planWriteBack(words, '4', { status: '推进中', date: DATE }))).toBe('进行中');
  });

  it('never counts a word that also says how the work goes: 滞后 is written only where the column has it, else noted', () => {
    const lagging = ledger(['滞后', '滞后', '滞后', '推进中', '未开始']);
    expect(statusOf(planWriteBack(lagging, '5', { status: '推进中', date: DATE }))).toBe('推进中');
    expect(statusOf(planWriteBack(lagging, '5', { status: '滞后', date: DATE }))).toBe('滞后');
    const plain = planWriteBack(ledger(['推进中', '未开始']), '2', { status: '滞后', note: '受天气影响', by: '张三', date: DATE });
    expect(statusOf(plain)).toBe('推进中');
    expect(plain.cells.find((c) => c.field === 'note')?.after).toBe(`[${DATE} 张三] 受天气影响；状态说明：滞后`);
  });

  it('takes a word only from a fixed list, and writes the nearest allowed (noted, said, reported) when the list lacks it', () => {
    const plan = planWriteBack(ledger(['未开始', '', '']), '1', { status: '已延期', by: '督查室', date: DATE }, choice(['未开始', '推进中', '已完成']));
    expect(statusOf(plan)).toBe('推进中');
    expect(plan.cells.find((c) => c.field === 'note')?.after).toBe(`[${DATE} 督查室] 状态：已延期`);
    expect(plan.unwritten).toEqual([{ field: 'status', column: '状态', value: '已延期', reason: 'no_option', inNote: true }]);
    expect(plan.warnings[0]).toBe(
      '“状态”（单选字段）没有表示“已延期”的选项，duban 不新增选项：已写“推进中”，“已延期”已记入“进展情况”；请办公室在“状态”中添加“已延期”选项。',
    );
    const none = planWriteBack(ledger(['未开始']), '1', { status: '已完成', date: DATE }, choice(['未开始', '推进中']));
    expect(statusOf(none)).toBeUndefined();
    expect(none.warnings[0]).toContain('状态未改，“已完成”已记入“进展情况”');
    expect(planWriteBack(ledger(['未开始']), '1', { status: '已完成', date: DATE }, choice(['未开始', '办结', '已办结'])).cells[0].after).toBe('办结');
    expect(planWriteBack(ledger(['未开始']), '1', { status: '已办结', date: DATE }, choice(['未开始', '办结', '已办结'])).cells[0].after).toBe('已办结');
  });

  it('sets one status option of a multi-select and keeps its other tags', () => {
    const plan = planWriteBack(ledger(['未开始、重点']), '1', { status: '已完成', date: DATE }, choice(['未开始', '已完成', '重点'], true));
    expect(plan.cells[0]).toMatchObject({ after: '重点、已完成', options: ['重点', '已完成'], kind: 'choice' });
  });

  it('puts the status into the note when the ledger has no status column', () => {
    const plan = planWriteBack(table(['编号', '任务', '进展情况'], [['1', 't', '']]), '1', { status: '已完成', date: DATE });
    expect(plan.cells.map((c) => [c.column, c.after])).toEqual([['进展情况', `[${DATE}] 状态：已完成`]]);
    expect(plan.warnings[0]).toBe('台账没有“状态”列，已记入“进展情况”；如需单独记录请在表头添加“状态”列。');
  });
});
