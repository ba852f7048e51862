/** Text files that are almost right: the ledger is read, and the check says what is wrong and where, never "not a CSV". */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseLedger } from '../../src/ledger/parse-ledger.js';
import { readLocalTable } from '../../src/ledger/read-local.js';

const dir = mkdtempSync(join(tmpdir(), 'duban-hostile-'));
const HEADER = '编号,任务,责任单位,截止日期\r\n';
const ROWS = ['1,走访慰问,区民政局,2022-06-30\r\n', '2,双拥公园维护,区住房城乡建委,2022-07-31\r\n', '3,八一座谈会,区退役军人事务局,2022-08-01\r\n'];

async function read(name: string, bytes: Buffer) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const ledger = parseLedger(await readLocalTable(path), null, { today: '2022-06-27' });
  return { path, ledger };
}

describe('hostile text ledgers', () => {
  it('a UTF-8 CSV with one GBK line: every task read, the line and its encoding named', async () => {
    const bytes = Buffer.concat([Buffer.from(HEADER + ROWS[0], 'utf8'), iconv.encode(ROWS[1], 'gbk'), Buffer.from(ROWS[2], 'utf8')]);
    const { path, ledger } = await read('one-gbk-line.csv', bytes);
    expect(ledger.tasks.map((t) => [t.id, t.title, t.lead])).toEqual([
      ['1', '走访慰问', ['区民政局']],
      ['2', '双拥公园维护', ['区住房城乡建委']],
      ['3', '八一座谈会', ['区退役军人事务局']],
    ]);
    expect(ledger.problems.map((p) => [p.code, p.severity, p.message])).toEqual([
      ['mixed_encoding', 'warning', `文件 ${path} 是 UTF-8 编码，但第 3 行是 GBK 编码（可能是从另一个文件粘贴的），已按 GBK 读取这些行；请在 Excel/WPS 中把整个文件另存为“CSV UTF-8”`],
    ]);
  });

  it('a CSV with a few NUL bytes: read without them, the lines named', async () => {
    const text = HEADER + ROWS[0] + ROWS[1].replace('维护', '维\0\0护') + ROWS[2].replace('座谈会', '座谈会\0');
    const { path, ledger } = await read('nul-bytes.csv', Buffer.from(text, 'utf8'));
    expect(ledger.tasks.map((t) => t.title)).toEqual(['走访慰问', '双拥公园维护', '八一座谈会']);
    expect(ledger.problems.map((p) => [p.code, p.message])).toEqual([
      ['nul_bytes', `文件 ${path} 的第 3、4 行含有空字符（NUL 字节，正常的表格不会有），已忽略这些字符；请核对这些行，或在 Excel/WPS 中重新另存为 CSV`],
    ]);
  });

  it('one cell full of semicolons does not turn a comma ledger into a headerless one', async () => {
    const text = HEADER + ROWS[0] + `2,双拥公园维护;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;,区住房城乡建委,2022-07-31\r\n` + ROWS[2];
    const { ledger } = await read('semicolons.csv', Buffer.from(text, 'utf8'));
    expect(ledger.tasks.map((t) => t.id)).toEqual(['1', '2', '3']);
    expect(ledger.problems).toEqual([]);
  });

  it('still refuses a file that is not text at all', async () => {
    const path = join(dir, 'random.csv');
    writeFileSync(path, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    await expect(readLocalTable(path)).rejects.toMatchObject({ name: 'LedgerReadError', problem: 'binary' });
  });
});
