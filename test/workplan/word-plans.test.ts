/** Word plans (.docx) built with the `docx` library as offices write them: list numbering, heading styles, tables with merged cells. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, type ILevelsOptions } from 'docx';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/workplan/docx/read-docx.js';
import { importPlan } from '../../src/workplan/import-plan.js';
import { readPlanFile } from '../../src/workplan/read-plan-file.js';

const LEVELS: ILevelsOptions[] = [
  { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
  { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
  { level: 2, format: LevelFormat.DECIMAL, text: '%3.' },
];

function docx(children: (Paragraph | Table)[]): Promise<Buffer> {
  const doc = new Document({ numbering: { config: [{ reference: 'plan', levels: LEVELS }] }, sections: [{ children }] });
  return Packer.toBuffer(doc);
}

const numbered = (text: string, level: number) => new Paragraph({ text, numbering: { reference: 'plan', level } });
const cell = (text: string, span: { rowSpan?: number; columnSpan?: number } = {}) =>
  new TableCell({ children: text.split('\n').map((line) => new Paragraph(line)), ...span });
const row = (...cells: TableCell[]) => new TableRow({ children: cells });

const brief = (tasks: ReturnType<typeof importPlan>['tasks']) =>
  tasks.map((t) => ({ category: t.category, title: t.title, lead: t.lead, assist: t.assist, due: t.due ?? null, place: t.place }));

describe('readDocx', () => {
  it('puts the number Word shows before each list paragraph, and keeps heading levels', async () => {
    const doc = await readDocx(await docx([
      new Paragraph({ text: '××区2024年重点工作任务分工方案', heading: HeadingLevel.TITLE }),
      numbered('重点任务', 0),
      numbered('扩大有效投资', 1),
      numbered('开展营商环境评价。（责任单位：区发改委）', 2),
      numbered('推进智慧交通建设。（区交通局牵头，区公安分局配合）', 2),
      numbered('保障改善民生', 1),
      numbered('实施老旧小区改造。（责任单位：区住建委）', 2),
      new Paragraph({ text: '组织保障', heading: HeadingLevel.HEADING_1 }),
    ]));
    expect(doc.unit).toBe('段');
    expect(doc.blocks.map((b) => (b.kind === 'paragraph' ? [b.text, b.heading ?? null] : null))).toEqual([
      ['××区2024年重点工作任务分工方案', null],
      ['一、重点任务', null],
      ['（一）扩大有效投资', null],
      ['1.开展营商环境评价。（责任单位：区发改委）', null],
      ['2.推进智慧交通建设。（区交通局牵头，区公安分局配合）', null],
      ['（二）保障改善民生', null],
      ['1.实施老旧小区改造。（责任单位：区住建委）', null],
      ['组织保障', 1],
    ]);
    expect(importPlan(doc).tasks.map((t) => [t.category, t.title, t.lead.join('、')])).toEqual([
      ['扩大有效投资', '开展营商环境评价', '区发改委'],
      ['扩大有效投资', '推进智慧交通建设', '区交通局'],
      ['保障改善民生', '实施老旧小区改造', '区住建委'],
    ]);
  });

  it('reads a task table cell by cell: merged categories and units filled down, a spanning row as a section', async () => {
    const table = new Table({
      rows: [
        row(cell('序号'), cell('类别'), cell('工作任务'), cell('牵头单位'), cell('配合单位'), cell('完成时限')),
        row(cell('一、扩大有效投资', { columnSpan: 6 })),
        row(cell('1'), cell('项目建设', { rowSpan: 2 }), cell('推进重大项目建设，全年完成投资50亿元'), cell('区发改委', { rowSpan: 2 }), cell('区财政局'), cell('2024年12月底前')),
        row(cell('2'), cell('开展营商环境第三方评价'), cell('区司法局、\n区市场监管局'), cell('6月底前')),
        row(cell('3'), cell('民生实事'), cell('建设口袋公园10个'), cell('区城管局牵头，各街道配合'), cell(''), cell('持续推进')),
      ],
    });
    const plan = importPlan(await readDocx(await docx([new Paragraph('××区2024年重点工作任务分解表'), table])));
    expect(brief(plan.tasks)).toEqual([
      { category: '项目建设', title: '推进重大项目建设', lead: ['区发改委'], assist: ['区财政局'], due: '2024-12-31', place: '表1第3行' },
      { category: '项目建设', title: '开展营商环境第三方评价', lead: ['区发改委'], assist: ['区司法局', '区市场监管局'], due: '2024-06-30', place: '表1第4行' },
      { category: '民生实事', title: '建设口袋公园10个', lead: ['区城管局'], assist: ['各街道'], due: null, place: '表1第5行' },
    ]);
    expect(plan.tasks[2].dueText).toBe('持续推进');
    expect(plan.problems).toEqual([]);
  });

  it('reads a spanning section row whose words look like a column name ("主要预期目标") as a section, not a second header', async () => {
    const table = new Table({
      rows: [
        row(cell('序号'), cell('重点工作任务'), cell('主要责任单位'), cell('协同配合单位')),
        row(cell('一、2025年经济社会发展的主要预期目标', { columnSpan: 4 })),
        row(cell('1'), cell('地区生产总值增长6.5%左右。'), cell('区发改委'), cell('区政府各部门，各乡镇人民政府、街道办事处，区经开区管委会。')),
        row(cell('2'), cell('一般公共预算收入增长5%左右。'), cell('区财政局\n区税务局'), cell('区政府有关部门。')),
      ],
    });
    const plan = importPlan(await readDocx(await docx([new Paragraph('××区2025年政府工作报告重点工作任务分解表'), table])));
    expect(plan.tasks.map((t) => ({ category: t.category, title: t.title, lead: t.lead, assist: t.assist }))).toEqual([
      { category: '2025年经济社会发展的主要预期目标', title: '地区生产总值增长6.5%左右', lead: ['区发改委'], assist: ['区政府各部门', '各乡镇人民政府', '各街道办事处', '区经开区管委会'] },
      { category: '2025年经济社会发展的主要预期目标', title: '一般公共预算收入增长5%左右', lead: ['区财政局', '区税务局'], assist: ['区政府有关部门'] },
    ]);
  });

  it('reads a row of a section number and a cell merged over the rest ("一 | 推进综合管理") as a section', async () => {
    const table = new Table({
      rows: [
        row(cell('序号'), cell('重点任务'), cell('具体工作'), cell('时间进度'), cell('责任部门')),
        row(cell('一'), cell('推进碳达峰碳中和综合管理', { columnSpan: 4 })),
        row(cell('1'), cell('全力推进节能降碳目标进度。', { columnSpan: 2 }), cell('全年推进'), cell('发展改革委、生态环境局')),
      ],
    });
    const plan = importPlan(await readDocx(await docx([new Paragraph('2025年节能减排重点工作分工'), table])));
    expect(plan.tasks.map((t) => ({ category: t.category, title: t.title, lead: t.lead, due: t.due ?? null }))).toEqual([
      { category: '推进碳达峰碳中和综合管理', title: '全力推进节能降碳目标进度', lead: ['发展改革委', '生态环境局'], due: '2025-12-31' },
    ]);
  });

  it('keeps the divisions inside a unit (市卫健委内牵头处室) beside the units\' columns in the task\'s text, not as units', async () => {
    const table = new Table({
      rows: [
        row(cell('序号'), cell('工作事项'), cell('主要内容'), cell('牵头单位'), cell('配合单位'), cell('市卫健委内牵头处室'), cell('市卫健委内配合处室')),
        row(cell('1'), cell('扩大家庭医生来源。'), cell('推动二级医院医生到基层执业。'), cell('各区政府'), cell('市卫生健康委、市人社局'), cell('基层处'), cell('医政处')),
      ],
    });
    const plan = importPlan(await readDocx(await docx([new Paragraph('2023年家庭医生签约服务重点任务表'), table])));
    expect(plan.tasks.map((t) => ({ title: t.title, lead: t.lead, assist: t.assist, detail: t.detail }))).toEqual([
      { title: '扩大家庭医生来源', lead: ['各区政府'], assist: ['市卫生健康委', '市人社局'], detail: '推动二级医院医生到基层执业。\n市卫健委内牵头处室：基层处\n市卫健委内配合处室：医政处' },
    ]);
  });

  it('reads two header rows under a merged "责任单位", and a task cell merged over one row per unit', async () => {
    const table = new Table({
      rows: [
        row(cell('序号', { rowSpan: 2 }), cell('重点任务', { rowSpan: 2 }), cell('责任单位', { columnSpan: 2 }), cell('完成时限', { rowSpan: 2 })),
        row(cell('牵头单位'), cell('配合单位')),
        row(cell('1', { rowSpan: 2 }), cell('（一）落实稳岗政策', { rowSpan: 2 }), cell('区人力社保局'), cell('区财政局'), cell('2024年6月', { rowSpan: 2 })),
        row(cell('区税务局'), cell('区医保局')),
      ],
    });
    const plan = importPlan(await readDocx(await docx([new Paragraph('2024年稳就业工作方案'), table])));
    expect(brief(plan.tasks)).toEqual([
      { category: '', title: '落实稳岗政策', lead: ['区人力社保局', '区税务局'], assist: ['区财政局', '区医保局'], due: '2024-06-30', place: '表1第3行' },
    ]);
  });

  it('reads a table without task columns as its cells’ text', async () => {
    const table = new Table({ rows: [row(cell('1'), cell('开展走访慰问。（责任单位：区民政局）')), row(cell('2'), cell('建立联络员制度。'), cell('牵头单位：区双拥办'))] });
    const plan = importPlan(await readDocx(await docx([table])));
    expect(plan.tasks.map((t) => [t.title, t.lead])).toEqual([['开展走访慰问', ['区民政局']], ['建立联络员制度', ['区双拥办']]]);
  });

  it('reads a .docx file, and a Word file saved with a .doc name, through readPlanFile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-docx-'));
    const bytes = await docx([new Paragraph('1. 开展走访慰问。（责任单位：区民政局）')]);
    for (const name of ['方案.docx', '方案.doc']) {
      writeFileSync(join(dir, name), bytes);
      const plan = importPlan(await readPlanFile(join(dir, name)));
      expect(plan.tasks.map((t) => [t.title, t.place])).toEqual([['开展走访慰问', '第1段']]);
    }
  });
});
