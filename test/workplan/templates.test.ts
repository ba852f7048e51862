import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CANONICAL_HEADERS } from '../../src/ledger/headers.js';
import { TEMPLATE_FIELDS } from '../../src/domain/types.js';

const template = (name: string) => new URL(`../../sheets-templates/${name}`, import.meta.url);
const LEDGER_HEADERS = TEMPLATE_FIELDS.map((field) => CANONICAL_HEADERS[field]);
const UNIT_HEADERS = ['单位', '别名', '联络员', '联络员账号', '工作群', '分管领导', '领导账号'];

describe('sheets-templates', () => {
  it('ledger-template.csv is a UTF-8 BOM header row with the canonical headers and no data', () => {
    expect(readFileSync(template('ledger-template.csv'), 'utf8')).toBe(`\uFEFF${LEDGER_HEADERS.join(',')}\r\n`);
    expect(readFileSync(template('units-template.csv'), 'utf8')).toBe(`\uFEFF${UNIT_HEADERS.join(',')}\r\n`);
  });

  it('the README guides every column of both templates', () => {
    const readme = readFileSync(template('README.md'), 'utf8');
    for (const header of [...LEDGER_HEADERS, ...UNIT_HEADERS]) expect(readme).toContain(`- **${header}**：`);
    expect(readme).toContain('2022年6月底');
    expect(readme).toContain('长期坚持');
  });

  it('ledger-template.xlsx has the 台账, 填写说明 and 单位 tabs', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(template('ledger-template.xlsx').pathname);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['台账', '填写说明', '单位']);
    const tasks = book.getWorksheet('台账')!;
    expect((tasks.getRow(1).values as unknown[]).slice(1)).toEqual(LEDGER_HEADERS);
    expect(tasks.rowCount).toBe(1);
    expect(tasks.getRow(1).font?.bold).toBe(true);
    expect(tasks.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const status = tasks.getCell(2, LEDGER_HEADERS.indexOf('状态') + 1).dataValidation;
    expect(status).toMatchObject({ type: 'list', formulae: ['"未开始,进行中,已完成,暂缓"'] });
    const guide = book.getWorksheet('填写说明')!;
    expect(guide.rowCount).toBe(1 + LEDGER_HEADERS.length + UNIT_HEADERS.length);
    expect((book.getWorksheet('单位')!.getRow(1).values as unknown[]).slice(1)).toEqual(UNIT_HEADERS);
  });
});
