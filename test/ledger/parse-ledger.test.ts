import ExcelJS from 'exceljs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEDGER_FIELDS, type Cell, type RawTable } from '../../src/domain/types.js';
import { parseLedger } from '../../src/ledger/parse-ledger.js';
import { readLocalTable, readLocalWorkbook } from '../../src/ledger/read-local.js';

function table(headers: string[], rows: Cell[][], firstRow = 2): RawTable {
  return { source: 'test', headerRow: firstRow - 1, headers, rows: rows.map((cells, i) => ({ row: firstRow + i, cells })) };
}

const HEADERS = ['编号', '任务', '牵头单位', '配合单位', '开始时间', '完成时限', '完成情况', '完成进度', '推进情况', '更新时间'];
const UNITS = table(['单位', '别名', '联络员', '联络员账号', '工作群'], [
  ['区退役军人事务局', '退役军人事务局、退役军人局', '王五', 'ou_1', 'oc_1'],
  ['区民政局', '民政局', '张三', 'ou_2', 'oc_2'],
]);

describe('parseLedger', () => {
  it('parses a clean ledger with aliases for headers and units', () => {
    const ledger = parseLedger(table(HEADERS, [
      [1, '开展“八一”走访慰问', '退役军人局', '民政局、区民政局', '2022-07-01', '2022年7月31日前', '推进中', '60%', '已走访 12 户', '2022-07-20'],
      ['2', '双拥模范城创建', '区民政局', '', null, '2022年1月——12月', '已完成', 1, '', ''],
    ]), UNITS);
    expect(ledger.problems).toEqual([]);
    expect(ledger.tasks).toEqual([
      {
        id: '1', row: 2, category: '', title: '开展“八一”走访慰问', lead: ['区退役军人事务局'], assist: ['区民政局'],
        start: '2022-07-01', due: '2022-07-31', ongoing: false, recurring: null, status: 'in_progress', extended: false,
        progress: 60, note: '已走访 12 户', updated: '2022-07-20',
        raw: {
          id: '1', category: '', title: '开展“八一”走访慰问', lead: '退役军人局', assist: '民政局、区民政局', start: '2022-07-01',
          due: '2022年7月31日前', status: '推进中', progress: '60%', note: '已走访 12 户', updated: '2022-07-20', detail: '', leader: '',
          originalDue: '', extensions: '', closed: '', evidence: '', warning: '',
        },
      },
      expect.objectContaining({ id: '2', start: '2022-01-01', due: '2022-12-31', status: 'done', progress: 100 }),
    ]);
    expect(ledger.units.map((u) => [u.name, u.inDirectory])).toEqual([['区退役军人事务局', true], ['区民政局', true]]);
  });

  it('keeps ongoing and recurring deadlines; a recurring due is its next occurrence when today is given', () => {
    const rows: Cell[][] = [
      [1, '双拥宣传', '区委宣传部', '', '', '长期坚持', '', '', '', ''],
      [2, '报送进展', '区民政局', '', '', '每季度末', '', '', '', ''],
    ];
    const withToday = parseLedger(table(HEADERS, rows), null, { today: '2022-05-10' });
    expect(withToday.tasks.map((t) => [t.ongoing, t.recurring, t.due])).toEqual([[true, null, null], [false, '每季度末', '2022-06-30']]);
    expect(parseLedger(table(HEADERS, rows), null).tasks[1].due).toBeNull();
    expect(withToday.problems).toEqual([]);
  });

  it('takes a 工作内容 column as the task when the table has no shorter task column', () => {
    const ledger = parseLedger(table(['序号', '工作内容', '责任单位', '完成时限'], [[1, '开展走访慰问', '区民政局', '2022-07-31']]), null);
    expect([ledger.tasks[0].title, ledger.tasks[0].raw.detail, ledger.problems]).toEqual(['开展走访慰问', '开展走访慰问', []]);
  });

  it('uses opts.referenceYear when no date in the ledger has a year', () => {
    const ledger = parseLedger(table(HEADERS, [[1, '走访', '区民政局', '', '', '6月底前', '', '', '', '']]), null, { referenceYear: 2024 });
    expect([ledger.tasks[0].due, ledger.problems]).toEqual(['2024-06-30', []]);
  });

  it('derives the state from progress when the status cell is empty', () => {
    const ledger = parseLedger(table(HEADERS, [
      [1, 'a', '区民政局', '', '', '2022-06-30', '', '100%', '', ''],
      [2, 'b', '区民政局', '', '', '2022-06-30', '', '30%', '', ''],
      [3, 'c', '区民政局', '', '', '2022-06-30', '', '', '', ''],
    ]), null);
    expect(ledger.tasks.map((t) => t.status)).toEqual(['done', 'in_progress', 'not_started']);
  });

  it('reads the first of two columns naming the same field and says so', () => {
    const ledger = parseLedger(table(['编号', '任务', '责任单位', '牵头单位', '截止日期'], [[1, '走访', '区民政局', '区财政局', '2022-06-30']]), null);
    expect(ledger.tasks[0].lead).toEqual(['区民政局']);
    expect(ledger.problems.map((p) => [p.code, p.column, p.severity])).toEqual([['duplicate_column', '牵头单位', 'warning']]);
  });

  it('without a directory, names seen in the ledger are the units and none is reported unknown', () => {
    const ledger = parseLedger(table(HEADERS, [[1, '走访', '区气象局', '区民政局', '', '2022-06-30', '', '', '', '']]), null);
    expect(ledger.problems).toEqual([]);
    expect(ledger.units.map((u) => [u.name, u.inDirectory])).toEqual([['区气象局', false], ['区民政局', false]]);
  });

  it('reports directory problems with the ledger\'s', () => {
    const ledger = parseLedger(table(HEADERS, []), table(['名称'], [['区民政局']]));
    expect(ledger.problems.map((p) => p.code)).toEqual(['missing_column', 'no_tasks']);
  });

  it('keeps an overlong cell whole and warns (a 1 MB cell)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'duban-long-'));
    const long = '进展'.repeat(512 * 1024);
    const path = join(dir, 'long.csv');
    await writeFile(path, `编号,任务,责任单位,截止日期,进展情况\n1,走访,区民政局,2022-06-30,"${long}"\n`);
    const ledger = parseLedger(await readLocalTable(path), null);
    expect(ledger.tasks[0].note).toHaveLength(long.length);
    expect(ledger.problems.map((p) => [p.code, p.row, p.column, p.severity])).toEqual([['overlong_cell', 2, '进展情况', 'warning']]);
  });

  it('never throws on arbitrary cells', () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pool: Cell[] = [null, '', '=A1', '#N/A', '2022-02-30', '每周', '长期', '、，', '150%', -3, 1e12, true, '（', '年', '6月', '"'];
    const rows = Array.from({ length: 200 }, () => HEADERS.map(() => pool[Math.floor(random() * pool.length)]));
    const ledger = parseLedger(table(HEADERS, rows), UNITS, { today: '2022-01-01' });
    expect(ledger.tasks.length + ledger.problems.length).toBeGreaterThan(0);
    for (const task of ledger.tasks) expect(Object.keys(task.raw)).toHaveLength(LEDGER_FIELDS.length);
  });
});

describe('parseLedger on an XLSX with merged cells and a units tab', () => {
  it('fills merged-cell blanks with a warning and resolves through the units tab', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['编号', '类别', '任务', '责任单位', '截止日期']);
    ws.addRow([1, '拥军优属', '走访慰问', '民政局', new Date(Date.UTC(2022, 5, 30))]);
    ws.addRow([2, null, '表彰大会', '退役军人局', new Date(Date.UTC(2022, 7, 1))]);
    ws.mergeCells('B2:B3');
    const units = wb.addWorksheet('units');
    units.addRow(['单位', '别名']);
    units.addRow(['区民政局', '民政局']);
    units.addRow(['区退役军人事务局', '退役军人局']);
    const path = join(await mkdtemp(join(tmpdir(), 'duban-merged-')), 'ledger.xlsx');
    await writeFile(path, Buffer.from(await wb.xlsx.writeBuffer()));
    const read = await readLocalWorkbook(path);
    const ledger = parseLedger(read.ledger, read.units);
    expect(ledger.tasks.map((t) => [t.category, t.lead, t.due])).toEqual([
      ['拥军优属', ['区民政局'], '2022-06-30'],
      ['拥军优属', ['区退役军人事务局'], '2022-08-01'],
    ]);
    expect(ledger.problems.map((p) => [p.code, p.row, p.column])).toEqual([['filled_down', 3, '类别']]);
  });
});
