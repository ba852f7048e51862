/**
 * Large inputs: sheets beyond the documented size (src/ledger/limits.ts) are refused with a sentence, in a child
 * process whose peak memory stays under 500 MB; renderers and reports take lists of 200,000 items without spreading
 * them into one call (which overflows the stack).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/render/card.js';
import { fitCard } from '../../src/render/fit-card.js';
import { renderDocMarkdown } from '../../src/render/render-markdown.js';
import { renderDocText } from '../../src/render/render-text.js';
import type { Doc } from '../../src/render/doc.js';
import { writeFilledColumnXlsx } from '../support/tiny-xlsx.js';

const MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const MB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'duban-large-'));

/** Runs `duban ...argv` in a child process; resolves with its exit code, stderr and peak memory (resident set, bytes). */
async function dubanPeak(argv: string[]): Promise<{ code: number; stderr: string; peak: number }> {
  const script = `const { runCli } = await import(${JSON.stringify(MAIN)});
    const code = await runCli(${JSON.stringify(argv)});
    process.stdout.write(JSON.stringify({ code, peak: process.resourceUsage().maxRSS * 1024 }));`;
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, env: { PATH: process.env.PATH }, maxBuffer: 16 * MB });
  return { ...(JSON.parse(stdout) as { code: number; peak: number }), stderr };
}

describe('sheets beyond the limits', () => {
  it('an XLSX with one column filled down to row 1,048,576 is refused, under 500 MB', async () => {
    const path = join(dir, 'column.xlsx');
    writeFilledColumnXlsx(path, 1_048_576);
    const run = await dubanPeak(['validate', '--sheet', path]);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(`${path} [台账] 第 100,001 行还有内容，超过 100,000 行的上限，duban 不读取这么大的表格：请删除表格末尾多余的行（或整列填充到底的内容），或把台账拆成几个文件\n`);
    expect(run.peak).toBeLessThan(500 * MB);
  }, 120_000);

  it('a CSV of 1,000,000 id-only lines is refused, under 500 MB', async () => {
    const path = join(dir, 'ids.csv');
    writeFileSync(path, `编号\n${Array.from({ length: 1_000_000 }, (_, i) => i + 1).join('\n')}\n`);
    const run = await dubanPeak(['digest', '--sheet', path, '--today', '2022-06-27']);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(`${path} 超过 100,000 行，duban 不读取这么大的表格：请删除表格末尾多余的行（或整列填充到底的内容），或把台账拆成几个文件\n`);
    expect(run.peak).toBeLessThan(500 * MB);
  }, 120_000);

  it('a CSV whose rows reach far to the right is refused by its cells', async () => {
    const path = join(dir, 'wide.csv');
    const row = `1,任务,区民政局${','.repeat(16_380)}x\n`;
    writeFileSync(path, `编号,任务,责任单位\n${row.repeat(150)}`);
    const run = await dubanPeak(['validate', '--sheet', path]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`${path} 的单元格超过 2,000,000 个`);
  }, 120_000);
});

describe('long lists in renderers', () => {
  const items = Array.from({ length: 200_000 }, (_, i) => [`任务 ${i + 1}：双拥工作落实`]);
  const doc: Doc = {
    title: '督办提醒',
    severity: 'red',
    summary: '逾期 200000 项',
    blocks: [
      { kind: 'list', items },
      { kind: 'table', columns: [{ key: 'unit', label: '单位' }, { key: 'n', label: '任务', numeric: true }], rows: items.map((_, i) => ({ unit: `单位${i}`, n: i })) },
    ],
  };

  it('text and markdown render 200,000 list items and table rows', () => {
    // Title and rule, the list, the table (header, rule, rows), and the final line break.
    expect(renderDocText(doc).split('\n')).toHaveLength(2 + 200_000 + 2 + 200_000 + 1);
    expect(renderDocMarkdown(doc).split('\n').filter((line) => line.startsWith('- '))).toHaveLength(200_000);
  });

  it('fitCard cuts a card of 200,000 lines to the Feishu limits', () => {
    const card: Card = { schema: '2.0', body: { elements: [{ tag: 'markdown', element_id: 'list1', content: items.map(([text]) => text).join('\n') }] } };
    const fitted = fitCard(card);
    const content = (fitted.body as { elements: { content: string }[] }).elements[0].content;
    expect(content.split('\n').at(-1)).toMatch(/^…还有 \d+ 项$/);
    expect(Buffer.byteLength(JSON.stringify(JSON.stringify(fitted)))).toBeLessThanOrEqual(29_700);
  });
});
