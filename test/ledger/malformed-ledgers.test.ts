import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../src/domain/types.js';
import { parseLedger } from '../../src/ledger/parse-ledger.js';
import { hasErrors } from '../../src/ledger/problems.js';
import { readLocalTable, readLocalUnits } from '../../src/ledger/read-local.js';

const DIR = 'test/fixtures/ledgers/';
type Expected = [code: string, row: number | null, column: string, severity: 'error' | 'warning'];

async function check(name: string, units?: string): Promise<Ledger> {
  const table = await readLocalTable(DIR + name);
  return parseLedger(table, units ? await readLocalUnits(DIR + units) : null);
}

const shape = (ledger: Ledger): Expected[] => ledger.problems.map((p) => [p.code, p.row, p.column, p.severity]);

describe('malformed ledgers: the exact problems', () => {
  it.each<[string, Expected[]]>([
    ['missing-header.csv', [['no_header', null, '', 'error']]],
    ['missing-columns.csv', [['missing_column', null, '责任单位', 'error'], ['missing_column', null, '编号', 'warning']]],
    ['duplicate-ids.csv', [['duplicate_id', 4, '编号', 'error']]],
    ['missing-ids.csv', [['missing_id', 3, '编号', 'warning']]],
    ['merged-blanks.csv', [
      ['filled_down', 3, '类别', 'warning'], ['filled_down', 3, '责任单位', 'warning'], ['filled_down', 3, '截止日期', 'warning'],
    ]],
    ['formulas-as-text.csv', [
      ['formula_error', 2, '责任单位', 'error'], ['formula_text', 2, '进度', 'warning'], ['formula_error', 3, '截止日期', 'error'],
    ]],
    ['bad-dates.csv', [['bad_date', 2, '截止日期', 'error'], ['bad_date', 3, '截止日期', 'error'], ['bad_date', 4, '截止日期', 'error']]],
    ['year-missing.csv', [['bad_date', 2, '截止日期', 'error'], ['bad_date', 3, '截止日期', 'error']]],
    ['unknown-status.csv', [['unknown_status', 2, '状态', 'warning']]],
    ['due-before-start.csv', [['due_before_start', 2, '截止日期', 'error']]],
    ['done-under-100.csv', [['mixed_status_words', null, '状态', 'warning'], ['done_below_100', 2, '进度', 'warning']]],
    ['bad-progress.csv', [['bad_progress', 2, '进度', 'warning'], ['progress_out_of_range', 3, '进度', 'warning']]],
    ['ragged-rows.csv', [['missing_due', 2, '截止日期', 'warning']]],
    ['header-only.csv', [['no_tasks', null, '', 'warning']]],
    ['missing-title-and-lead.csv', [['missing_lead', 2, '责任单位', 'error'], ['missing_title', 3, '任务', 'error']]],
    ['malformed-quotes.csv', [['csv_quotes', null, '', 'warning']]],
    ['title-row.csv', []],
    ['gbk-excel.csv', []],
    ['bom-tabs.csv', []],
    ['year-inferred.csv', []],
  ])('%s', async (name, expected) => {
    const ledger = await check(name);
    expect(shape(ledger)).toEqual(expected);
    expect(hasErrors(ledger.problems)).toBe(expected.some((p) => p[3] === 'error'));
    for (const p of ledger.problems) expect(p.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('unit-not-in-directory.csv with its directory', async () => {
    const ledger = await check('unit-not-in-directory.csv', 'unit-not-in-directory.units.csv');
    expect(shape(ledger)).toEqual([['unknown_unit', 3, '责任单位', 'warning']]);
    expect(ledger.problems[0].message).toContain('区气象局');
    expect(ledger.tasks.map((t) => [t.lead, t.assist])).toEqual([[['区民政局'], ['区财政局']], [['区民政局', '区气象局'], []]]);
  });

  it.each([
    ['empty.csv', 'empty'],
    ['garbage.csv', 'binary'],
    ['legacy.xls', 'legacy_xls'],
    ['no-such-file.csv', 'not_found'],
  ])('%s is refused with a LedgerReadError (%s) naming the file', async (name, problem) => {
    const error = await readLocalTable(DIR + name).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'LedgerReadError', problem, path: DIR + name });
    expect((error as Error).message).toContain(DIR + name);
    expect((error as { logMessage: string }).logMessage).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe('malformed ledgers: what is kept', () => {
  it('merged-cell blanks take the value above and no task is lost', async () => {
    const ledger = await check('merged-blanks.csv');
    expect(ledger.tasks.map((t) => [t.id, t.category, t.lead, t.due])).toEqual([
      ['1', '拥军优属', ['区民政局'], '2022-06-30'],
      ['2', '拥军优属', ['区民政局'], '2022-06-30'],
      ['3', '拥军优属', ['区民政局'], '2022-06-30'],
      ['4', '拥政爱民', ['区人武部'], '2022-03-31'],
    ]);
    expect(ledger.problems[0].message).toContain('第 3–4 行为空，已按合并单元格沿用第 2 行的「拥军优属」');
  });

  it('duplicate ids name both rows', async () => {
    const ledger = await check('duplicate-ids.csv');
    expect(ledger.problems[0].message).toContain('第 2 行和第 4 行');
    expect(ledger.tasks).toHaveLength(3);
  });

  it('missing ids fall back to R<row>', async () => {
    expect((await check('missing-columns.csv')).tasks.map((t) => t.id)).toEqual(['R2', 'R3']);
    expect((await check('missing-ids.csv')).tasks.map((t) => t.id)).toEqual(['1', 'R3']);
  });

  it('rows with problems stay tasks, blank rows are skipped', async () => {
    const ledger = await check('missing-title-and-lead.csv');
    expect(ledger.tasks.map((t) => [t.row, t.title])).toEqual([[2, '走访慰问'], [3, ''], [6, '优待证发放']]);
  });

  it('an unknown status is not_started, 已延期 is in progress and extended', async () => {
    const ledger = await check('unknown-status.csv');
    expect(ledger.tasks.map((t) => [t.status, t.extended])).toEqual([['not_started', false], ['in_progress', true]]);
    expect(ledger.problems[0].message).toContain('「差不多了」，暂按“未开始”处理');
  });

  it('the cell text of an unreadable date is named', async () => {
    const ledger = await check('bad-dates.csv');
    expect(ledger.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('「2022-02-30」'), expect.stringContaining('「尽快」'), expect.stringContaining('「13月」'),
    ]);
    expect(ledger.tasks.map((t) => [t.start, t.due, t.raw.due])).toEqual([
      [null, null, '2022-02-30'], [null, null, '尽快'], ['2022-01-01', null, '13月'],
    ]);
  });

  it('a year-less date takes its own start year, else the ledger\'s most common year', async () => {
    const ledger = await check('year-inferred.csv');
    expect(ledger.tasks.map((t) => t.due)).toEqual(['2021-06-30', '2021-08-01', '2023-03-31', '2021-12-31']);
  });

  it('a GBK file from Excel reads the same as UTF-8', async () => {
    const ledger = await check('gbk-excel.csv');
    expect(ledger.tasks.map((t) => [t.id, t.title, t.lead, t.due])).toEqual([
      ['1', '开展“八一”走访慰问', ['区退役军人事务局'], '2022-07-31'],
      ['2', '双拥模范城创建', ['区双拥办', '区民政局'], '2022-12-31'],
    ]);
  });

  it('a title row above the header keeps the sheet\'s row numbers', async () => {
    const table = await readLocalTable(DIR + 'title-row.csv');
    expect([table.headerRow, table.rows[0].row]).toEqual([3, 4]);
    expect(parseLedger(table, null).tasks[0]).toMatchObject({ id: '1', row: 4, progress: 50, status: 'in_progress' });
  });

  it('formula cells are set aside, not read as data', async () => {
    const ledger = await check('formulas-as-text.csv');
    expect(ledger.tasks.map((t) => [t.lead, t.progress, t.due, t.raw.lead])).toEqual([
      [[], null, '2022-06-30', '#REF!'], [['区委宣传部'], null, null, '区委宣传部'],
    ]);
  });
});
