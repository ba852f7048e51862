/** Plans that are not plans, or are hostile: binary files, unreadable deadlines, and very long documents. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPlan } from '../../src/workplan/import-plan.js';
import { PlanFileError, readPlanFile } from '../../src/workplan/read-plan-file.js';

describe('readPlanFile on binary content', () => {
  it('refuses a zip (an .xlsx or .docx renamed .txt) and random bytes, naming the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'duban-plan-'));
    const zip = join(dir, 'plan.txt');
    await writeFile(zip, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 8, 0, 1, 2, 0, 0, 3, 0, 0x14, 0, 0, 0]));
    await expect(readPlanFile(zip)).rejects.toThrow(PlanFileError);
    await expect(readPlanFile(zip)).rejects.toThrow(`“${zip}”不是纯文本文件`);
    const text = join(dir, 'ok.txt');
    await writeFile(text, '一、任务\n（一）做事。（责任单位：区交通局）');
    const doc = await readPlanFile(text);
    expect(doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''))).toEqual(['一、任务', '（一）做事。（责任单位：区交通局）']);
  });
});

describe('importPlan on hostile plans', () => {
  it('names a deadline it cannot read instead of dropping it silently', () => {
    const plan = importPlan('（一）维护双拥大道。（责任单位：区交通局；完成时限：2022-02-29）\n（二）建设标语。（责任单位：区城管局；完成时限：2022年6月底前）');
    expect(plan.tasks.map((t) => t.due)).toEqual([undefined, '2022-06-30']);
    expect(plan.problems).toEqual(['第1行：任务“维护双拥大道”的完成时限无法识别（「2022-02-29」不是有效日期：2022年2月没有29日），截止日期留空，请在台账中填写']);
  });

  it('reads a plan of 200,000 lines in linear time', () => {
    const filler = Array<string>(200_000).fill('加强组织领导。');
    const plan = importPlan(['一、总体要求', ...filler, '（一）维护双拥大道。（责任单位：区交通局）'].join('\n'));
    expect(plan.tasks.map((t) => [t.title, t.line])).toEqual([['维护双拥大道', 200_002]]);
  });
});
