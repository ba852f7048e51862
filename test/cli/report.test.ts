/** `duban report` on the bundled example: JSON, Word and Excel files, and usage mistakes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openDocx, paragraphs } from '../support/office-xml.js';
import { runDuban } from '../support/run-cli.js';

const TODAY = '2022-06-27';

describe('duban report', () => {
  it('gives the weekly 周调度 as JSON: the warned tasks with reasons, 建议督办, the charts’ data', async () => {
    const run = await runDuban(['report', 'weekly', '--json', '--today', TODAY]);
    expect(run.code).toBe(0);
    const json = run.json();
    expect(json).toMatchObject({ kind: 'weekly', period: '2022-06-21~2022-06-27', asOf: TODAY, total: 16, done: 4, scores: null });
    expect(json.escalate.map((t: { id: string; workdaysOverdue: number }) => [t.id, t.workdaysOverdue])).toEqual([['8', 59], ['10', 38], ['4', 18]]);
    expect(json.warnings[0]).toEqual({ id: '8', level: 'red', reason: '逾期 59 个工作日，落后序时进度 60 个百分点' });
    expect(json.charts.map((c: { id: string }) => c.id)).toEqual(['completion']);
  });

  // Drawing the chart with a CJK font takes a few seconds on a busy machine.
  it('writes the monthly 督办通报 as Word and Excel files', { timeout: 60_000 }, async () => {
    const docx = await runDuban(['report', 'monthly', '--format', 'docx', '--out', 'tongbao.docx', '--today', TODAY]);
    expect(docx.code).toBe(0);
    const out = docx.stdout.match(/^已生成 (.+tongbao\.docx)（\d+ KB）$/m)?.[1];
    expect(out).toBeDefined();
    const text = paragraphs(await (await openDocx(readFileSync(out!))).xml('word/document.xml'));
    expect(text.slice(0, 3)).toEqual(['督办通报', '督通〔2022〕6号', '（2022年6月）']);

    const xlsx = await runDuban(['report', 'monthly', '--format', 'xlsx', '--today', TODAY]);
    const file = xlsx.stdout.match(/^已生成 (.+)（\d+ KB）$/m)![1];
    expect(file.endsWith(join('督办通报（2022年6月）.xlsx'))).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.getWorksheet('考核排名')!.rowCount).toBe(17); // the header and 16 lead units
  });

  it('refuses a kind it does not know and documents for other commands', async () => {
    expect((await runDuban(['report', 'daily'])).code).toBe(2);
    const digest = await runDuban(['digest', '--format', 'docx']);
    expect(digest.code).toBe(2);
    expect(digest.stderr).toBe('duban digest 的 --format 只能是 text | markdown | card | json，收到 "docx"。\n');
  });
});
