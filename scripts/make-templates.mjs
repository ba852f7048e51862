// Generates the ledger and unit-directory templates from the column guide in sheets-templates/README.md:
// ledger-template.csv, units-template.csv and ledger-template.xlsx. Run: node scripts/make-templates.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

const DIR = new URL('../sheets-templates/', import.meta.url);
const BOM = '\uFEFF';
const STATUS_WORDS = ['未开始', '进行中', '已完成', '暂缓'];
// A fixed creation date keeps the generated file the same from run to run.
const CREATED = new Date(Date.UTC(2022, 0, 1));

/** The "- **列名**：说明" lines under a README section, as [header, guide] pairs. */
function columnGuide(readme, section) {
  const start = readme.indexOf(`## ${section}`);
  if (start < 0) throw new Error(`sheets-templates/README.md has no section "## ${section}"`);
  const body = readme.slice(start).split('\n## ')[0];
  return [...body.matchAll(/^- \*\*(.+?)\*\*：(.+)$/gm)].map((m) => [m[1], m[2]]);
}

function headerSheet(book, name, headers, widths) {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((header, i) => ({ header, width: widths[i] }));
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

const readme = readFileSync(new URL('README.md', DIR), 'utf8');
const ledger = columnGuide(readme, '台账各列');
const units = columnGuide(readme, '单位目录各列');
const ledgerHeaders = ledger.map(([header]) => header);
const unitHeaders = units.map(([header]) => header);

writeFileSync(new URL('ledger-template.csv', DIR), `${BOM}${ledgerHeaders.join(',')}\r\n`);
writeFileSync(new URL('units-template.csv', DIR), `${BOM}${unitHeaders.join(',')}\r\n`);

const book = new ExcelJS.Workbook();
book.creator = 'duban';
book.created = CREATED;
book.modified = CREATED;
const WIDTHS = { 编号: 8, 类别: 20, 任务: 36, 责任单位: 24, 协助单位: 30, 开始日期: 14, 截止日期: 16, 状态: 10, 进度: 8, 进展情况: 48, 更新时间: 14, 工作内容: 60, 责任领导: 16 };
const tasks = headerSheet(book, '台账', ledgerHeaders, ledgerHeaders.map((h) => WIDTHS[h] ?? 16));
const statusColumn = tasks.getColumn(ledgerHeaders.indexOf('状态') + 1).letter;
// A dropdown, not a hard rule: other status words offices use (已延期, 推进中) stay allowed.
tasks.dataValidations.add(`${statusColumn}2:${statusColumn}1000`, {
  type: 'list',
  allowBlank: true,
  formulae: [`"${STATUS_WORDS.join(',')}"`],
  showErrorMessage: false,
});
const guide = headerSheet(book, '填写说明', ['表', '列', '填写说明'], [10, 14, 100]);
for (const [header, text] of ledger) guide.addRow(['台账', header, text]);
for (const [header, text] of units) guide.addRow(['单位', header, text]);
guide.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
headerSheet(book, '单位', unitHeaders, [20, 36, 10, 40, 40, 10, 40]);
await book.xlsx.writeFile(new URL('ledger-template.xlsx', DIR).pathname);
console.log('wrote sheets-templates/ledger-template.csv, units-template.csv, ledger-template.xlsx');
