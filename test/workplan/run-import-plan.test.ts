import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runImportPlan } from '../../src/workplan/run-import-plan.js';
import { PlanFileError, readPlanFile } from '../../src/workplan/read-plan-file.js';
import { parseCsvText } from '../../src/ledger/csv.js';
import type { PlanDocument } from '../../src/workplan/types.js';

const PLAN = '一、重点任务\n（一）宣传发动阶段（2022年1月——3月）\n1. 设置宣传栏，营造氛围。（牵头单位：区城管局；配合单位：区交通局、双江镇）\n2. 开展走访慰问。（工作分工见《慰问方案》）';

describe('runImportPlan', () => {
  const result = runImportPlan(PLAN);

  it('renders the tasks as template rows: ids, units joined with 、, status 未开始, blank dates', () => {
    const rows = parseCsvText(result.csv).rows.filter((r) => r.some((c) => c));
    expect(rows).toEqual([
      ['编号', '类别', '任务', '责任单位', '协助单位', '开始日期', '截止日期', '状态', '进度', '进展情况', '更新时间', '工作内容', '责任领导'],
      ['1', '宣传发动阶段', '设置宣传栏', '区城管局', '区交通局、双江镇', '', '', '未开始', '', '', '', '设置宣传栏，营造氛围。', ''],
    ]);
  });

  it('summarises tasks, phases and problems in Chinese', () => {
    const lines = result.summary.split('\n');
    expect(lines[0]).toBe('从工作方案中找到 1 项任务，涉及 3 个单位（其中责任单位 1 个）。');
    expect(result.summary).toContain('宣传发动阶段：2022-01-01 至 2022-03-31（原文：2022年1月——3月）');
    expect(result.summary).toContain('第4行：工作分工见外部文件，未生成任务');
    expect(result.plan.tasks).toHaveLength(1);
  });

  it('says so when nothing was found', () => {
    const empty = runImportPlan('请各单位认真落实。');
    expect(empty.summary).toContain('从工作方案中找到 0 项任务');
    expect(empty.summary).toContain('没有在文档中找到带责任单位的任务');
    expect(parseCsvText(empty.csv).rows.filter((r) => r.some((c) => c))).toHaveLength(1);
  });
});

describe('readPlanFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'duban-plan-'));

  const lines = (doc: PlanDocument) => doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join('\n');

  it('reads GBK and UTF-8 text files', async () => {
    writeFileSync(join(dir, 'gbk.txt'), iconv.encode(PLAN, 'gbk'));
    writeFileSync(join(dir, 'utf8.txt'), `\uFEFF${PLAN}`, 'utf8');
    expect(lines(await readPlanFile(join(dir, 'gbk.txt')))).toBe(PLAN);
    expect(lines(await readPlanFile(join(dir, 'utf8.txt')))).toBe(PLAN);
  });

  it('refuses a damaged Word file, a PDF, an old .xls and an empty file, saying what to do', async () => {
    writeFileSync(join(dir, '方案.docx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    await expect(readPlanFile(join(dir, '方案.docx'))).rejects.toThrow('“方案.docx”不是可读取的 Word 文档（可能已损坏或加了密码）：请在 Word/WPS 中打开它，“另存为” Word 文档（.docx）后再导入。');
    writeFileSync(join(dir, '方案.pdf'), '%PDF-1.4');
    await expect(readPlanFile(join(dir, '方案.pdf'))).rejects.toThrow(/暂不支持读取 PDF 文件“方案.pdf”/);
    writeFileSync(join(dir, '分解表.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]));
    await expect(readPlanFile(join(dir, '分解表.xls'))).rejects.toThrow(/旧版 Excel 表格.*另存为” Excel 工作簿（\.xlsx）/);
    writeFileSync(join(dir, '空.txt'), '');
    await expect(readPlanFile(join(dir, '空.txt'))).rejects.toBeInstanceOf(PlanFileError);
  });

  it('names a missing file or a folder instead of failing with a raw system error', async () => {
    const missing = join(dir, '方案.txt');
    await expect(readPlanFile(missing)).rejects.toThrow(`找不到工作方案文件 ${missing}，请检查路径。`);
    await expect(readPlanFile(dir)).rejects.toThrow(/无法读取工作方案文件 .*EISDIR/);
    await expect(readPlanFile(dir)).rejects.toBeInstanceOf(PlanFileError);
  });
});
