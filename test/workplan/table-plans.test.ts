/** Plans that are task tables (分解表): XLSX with merged cells, CSV, and tables typed into a text file. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importPlan } from '../../src/workplan/import-plan.js';
import { readPlanFile } from '../../src/workplan/read-plan-file.js';

const dir = mkdtempSync(join(tmpdir(), 'duban-table-plan-'));
const brief = (tasks: ReturnType<typeof importPlan>['tasks']) =>
  tasks.map((t) => ({ category: t.category, title: t.title, lead: t.lead, assist: t.assist, due: t.due ?? null, place: t.place }));

describe('an XLSX task table', () => {
  it('reads merged categories and a row merged with the one above, through the plan headers “存在问题” and “整改目标和措施”', async () => {
    const rows = [
      ['2016年“立项挂牌办理”任务分解表'],
      ['存在问题', '整改目标和措施', '责任单位'],
      ['投资增长动力不足', '出台扩大有效投资的实施意见，谋划实施一批项目。', '区经发局牵头，区交建局、环土局'],
      [null, '创新投融资方式，总结推广PPP等模式。', '区财金局、经发局牵头，区环土局、\n交建局'],
      ['脱贫攻坚任务繁重', '健全长效机制，全年实现脱贫20万人。', '区经发局牵头，区直有关单位'],
      [null, null, null],
    ];
    const path = await writeBook('分解表.xlsx', [
      { name: '附件', rows, merges: ['A1:C1', 'A3:A4', 'A5:A6', 'B5:B6', 'C5:C6'] },
      { name: '通知', rows: [['岚综管办〔2016〕20号'], ['各有关单位：现将任务分解表印发给你们。']] },
    ]);
    const plan = importPlan(await readPlanFile(path));
    expect(brief(plan.tasks)).toEqual([
      { category: '投资增长动力不足', title: '出台扩大有效投资的实施意见', lead: ['区经发局'], assist: ['区交建局', '环土局'], due: null, place: '工作表“附件”第3行' },
      { category: '投资增长动力不足', title: '创新投融资方式', lead: ['区财金局', '经发局'], assist: ['区环土局', '交建局'], due: null, place: '工作表“附件”第4行' },
      { category: '脱贫攻坚任务繁重', title: '健全长效机制', lead: ['区经发局'], assist: ['区直有关单位'], due: '2016-12-31', place: '工作表“附件”第5行' },
    ]);
    expect(plan.tasks[0].detail).toBe('出台扩大有效投资的实施意见，谋划实施一批项目。');
    expect(plan.year).toBe(2016);
  });
});

describe('a list of problems found (督查发现问题汇总表)', () => {
  it('takes each problem for a task to fix: spaced headers, names broken over lines, units given item numbers, no deadline from what happened', async () => {
    const rows = [
      ['附件'],
      ['2024年第二轮专项督查', '', ''],
      ['发现问题汇总表', '', ''],
      ['序号', '存  在  问  题', '整改责任单位'],
      ['1', '城东路改造项目（总投资2亿元），计划2024年3月开工，督查时征地协议未签订，2025年6月完工无保障。', '城东片区\n建设管理局、县交通局'],
      ['2', '县文旅局：⑴审批事项未进驻中心。⑵办事指南未更新。', '县文旅局'],
      ['3', '回访情况：(1)上轮通报问题只整改3个。(2)县水利局办件超时2个工作日。(3)县卫健委未公开办事指南。', '县督查室（1）、县水利局（2）县卫健委（3）'],
    ];
    const path = await writeBook('问题汇总表.xlsx', [{ name: '附件', rows, merges: ['A2:C2', 'A3:C3'] }]);
    const plan = importPlan(await readPlanFile(path), { year: 2024 });
    expect(plan.tasks.map((t) => ({ title: t.title, lead: t.lead, assist: t.assist, due: t.due ?? null, place: t.place }))).toEqual([
      { title: '城东路改造项目（总投资2亿元）', lead: ['城东片区建设管理局', '县交通局'], assist: [], due: null, place: '第5行' },
      { title: '县文旅局', lead: ['县文旅局'], assist: [], due: null, place: '第6行' },
      { title: '上轮通报问题只整改3个', lead: ['县督查室'], assist: [], due: null, place: '第7行' },
      { title: '县水利局办件超时2个工作日', lead: ['县水利局'], assist: [], due: null, place: '第7行' },
      { title: '县卫健委未公开办事指南', lead: ['县卫健委'], assist: [], due: null, place: '第7行' },
    ]);
    expect(plan.tasks[2].detail).toBe('上轮通报问题只整改3个。');
  });
});

describe('a CSV task table', () => {
  it('reads 牵头单位 and 责任单位 columns as lead and assist, and says where blanks were read as merged cells', async () => {
    const csv = [
      '序号,类别,重点任务,具体措施,牵头单位,责任单位,责任领导,完成时限',
      '1,项目建设,推进重大项目建设,"全年完成投资50亿元，新开工项目20个",区发改委,区财政局,张副区长,2024年12月底前',
      '2,,优化营商环境,开展营商环境第三方评价,区司法局,,,6月底前',
      '3,民生实事,建设口袋公园,新建口袋公园10个,区城管局,各街道,李副区长,',
    ].join('\r\n');
    writeFileSync(join(dir, '分解表.csv'), `\uFEFF${csv}`);
    const plan = importPlan(await readPlanFile(join(dir, '分解表.csv')), { year: 2024 });
    expect(brief(plan.tasks)).toEqual([
      { category: '项目建设', title: '推进重大项目建设', lead: ['区发改委'], assist: ['区财政局'], due: '2024-12-31', place: '第2行' },
      { category: '项目建设', title: '优化营商环境', lead: ['区司法局'], assist: [], due: '2024-06-30', place: '第3行' },
      { category: '民生实事', title: '建设口袋公园', lead: ['区城管局'], assist: ['各街道'], due: '2024-06-30', place: '第4行' },
    ]);
    expect(plan.tasks.map((t) => [t.detail, t.leader])).toEqual([
      ['全年完成投资50亿元，新开工项目20个', ['张副区长']],
      ['开展营商环境第三方评价', []],
      ['新建口袋公园10个', ['李副区长']],
    ]);
    expect(plan.problems).toEqual(['「完成时限」列有空白单元格，已按合并单元格沿用上一行的内容，请核对']);
  });

  it('lists a task row without units instead of dropping it (its merged cells known, as in a Word or XLSX table)', () => {
    const plan = importPlan({ blocks: [{ ...table([['序号', '工作任务', '责任单位'], ['1', '开展走访慰问', '区民政局'], ['2', '建立联络员制度', '']]), mergesKnown: true }], unit: '行' });
    expect(plan.tasks.map((t) => t.title)).toEqual(['开展走访慰问']);
    expect(plan.unrecognized).toEqual([{ line: 3, place: '第3行', text: '建立联络员制度', reason: '写了分工，但没有写明具体单位，未生成任务' }]);
  });
});

describe('headers offices write in their own words', () => {
  it('finds the columns by the words in them, and reads a table split in two by the first one’s header', () => {
    const first = table([['编号', '工作目标任务', '具体工作措施及要求', '牵头负责单位', '协同配合部门', '完成时间要求', '工作进展情况'], ['1', '推进项目建设', '全年开工20个项目', '区发改委', '区财政局', '年底前', '']]);
    const second = { ...table([['2', '优化营商环境', '开展第三方评价', '区司法局', '', '6月底前', '已启动']]), label: '表2' };
    const plan = importPlan({ blocks: [{ kind: 'paragraph', text: '××区2024年重点工作任务分解表', line: 1 }, { ...first, label: '表1' }, second], unit: '段' }, {});
    expect(brief(plan.tasks)).toEqual([
      { category: '', title: '推进项目建设', lead: ['区发改委'], assist: ['区财政局'], due: '2024-12-31', place: '表1第2行' },
      { category: '', title: '优化营商环境', lead: ['区司法局'], assist: [], due: '2024-06-30', place: '表2第1行' },
    ]);
    expect(plan.tasks[0].detail).toBe('全年开工20个项目');
  });
});

describe('a table typed into a text file', () => {
  it('reads one cell per line under a header of one column name per line', () => {
    const text = [
      '2024年重点工作任务分解表',
      '序号',
      '重点任务',
      '牵头单位',
      '配合单位',
      '完成时限',
      '一、扩大有效投资',
      '1',
      '推进重大项目建设',
      '区发改委',
      '区财政局、区自然资源局',
      '2024年12月底前',
      '2',
      '开展营商环境第三方评价',
      '区司法局',
      '6月底前',
      '二、其他事项',
    ].join('\n');
    const plan = importPlan(text);
    expect(brief(plan.tasks)).toEqual([
      { category: '扩大有效投资', title: '推进重大项目建设', lead: ['区发改委'], assist: ['区财政局', '区自然资源局'], due: '2024-12-31', place: '第8行' },
      { category: '扩大有效投资', title: '开展营商环境第三方评价', lead: ['区司法局'], assist: [], due: '2024-06-30', place: '第13行' },
    ]);
  });

  it('reads sub-rows "（1）…" under a numbered group whose merged cells were copied once, on the first row they cover', () => {
    const text = [
      '2024年主要目标任务责任分解表',
      '序号', '目标名称', '工 作 标 准', '县政府', '分管领导', '牵头单位', '配合单位',
      '1',
      '主要预期目标',
      '（1）地区生产总值增长6%左右。', '张明', '县发改局', '开发区', '各乡镇',
      '（2）一般公共预算收入稳定增长。', '县财政局',
      '（3）外贸进出口稳中提质。', '李 华', '县商务局', '县城投集团',
      '（4）社会消费品零售总额增长5%。',
      '（5）安全生产形势平稳。', '县应急管理局', '县安委会各成员单位',
      '2',
      '民生实事',
      '（6）新建口袋公园10个。', '王强', '县住建局', '城关镇',
    ].join('\n');
    const plan = importPlan(text);
    expect(plan.tasks.map((t) => ({ category: t.category, title: t.title, lead: t.lead, assist: t.assist, leader: t.leader }))).toEqual([
      { category: '主要预期目标', title: '地区生产总值增长6%左右', lead: ['县发改局'], assist: ['开发区', '各乡镇'], leader: ['张明'] },
      { category: '主要预期目标', title: '一般公共预算收入稳定增长', lead: ['县财政局'], assist: ['开发区', '各乡镇'], leader: ['张明'] },
      { category: '主要预期目标', title: '外贸进出口稳中提质', lead: ['县商务局', '县城投集团'], assist: ['开发区', '各乡镇'], leader: ['李华'] },
      { category: '主要预期目标', title: '社会消费品零售总额增长5%', lead: ['县商务局', '县城投集团'], assist: ['开发区', '各乡镇'], leader: ['李华'] },
      { category: '主要预期目标', title: '安全生产形势平稳', lead: ['县应急管理局'], assist: ['县安委会各成员单位'], leader: ['李华'] },
      { category: '民生实事', title: '新建口袋公园10个', lead: ['县住建局'], assist: ['城关镇'], leader: ['王强'] },
    ]);
    expect(plan.problems).toContain('「配合单位」列有空白单元格，已按合并单元格沿用上一行的内容，请核对');
  });

  it('reads rows of tab-separated cells', () => {
    const text = '序号\t工作任务\t责任单位\t完成时限\n1\t开展走访慰问\t区民政局、区退役军人事务局\t2024年8月1日前\n2\t建立联络员制度\t区双拥办\t长期坚持';
    expect(brief(importPlan(text).tasks)).toEqual([
      { category: '', title: '开展走访慰问', lead: ['区民政局', '区退役军人事务局'], assist: [], due: '2024-08-01', place: '第2行' },
      { category: '', title: '建立联络员制度', lead: ['区双拥办'], assist: [], due: null, place: '第3行' },
    ]);
  });
});

describe('task tables as offices lay them out', () => {
  it('finds the task column by its text when no header names it, a number and units merged over two rows', async () => {
    const rows = [
      ['2024年惠民实事分解表'],
      ['序号', '惠民实事', '责任单位', '完成时限', '联系电话'],
      ['1', '新建城区公厕10座。', '县城管局\n县住建局', '10月底前', '0818-1234567'],
      ['2', '改造老旧小区3个。', '县住建局', '6月底前动工', '0818-7654321'],
      [null, '建成社区食堂2个。', null, '12月底前', '0818-7654321'],
    ];
    const path = await writeBook('惠民实事.xlsx', [{ name: '分解表', rows, merges: ['A1:E1', 'A4:A5', 'C4:C5'] }]);
    expect(brief(importPlan(await readPlanFile(path), { year: 2024 }).tasks)).toEqual([
      { category: '', title: '新建城区公厕10座', lead: ['县城管局', '县住建局'], assist: [], due: '2024-10-31', place: '第3行' },
      { category: '', title: '改造老旧小区3个', lead: ['县住建局'], assist: [], due: '2024-06-30', place: '第4行' },
      { category: '', title: '建成社区食堂2个', lead: ['县住建局'], assist: [], due: '2024-12-31', place: '第5行' },
    ]);
  });

  it('takes no column of names, numbers or units for the task column', () => {
    const contacts = table([['序号', '单位名称', '责任单位', '联系人', '联系电话'], ['1', '县发展和改革委员会', '县发展和改革委员会', '张三', '13800000000'], ['2', '县财政局', '县财政局', '李四', '13900000000']]);
    expect(importPlan({ blocks: [contacts], unit: '行' }).tasks).toEqual([]);
  });

  it('skips the header row where it is repeated inside the table, and lets the 责任单位 lead a row with no 牵头单位', () => {
    const rows = [
      ['工作任务', '牵头单位', '责任单位', '工作要求'],
      ['1.公开财政预算', '县财政局', '县直有关单位', '全面公开预算信息。'],
      ['2.公开权责清单', '', '县直有关单位，各镇人民政府', '及时公开权责清单。'],
      ['工作任务', '牵头单位', '责任单位', '工 作 要 求'],
      ['3.办好政务热线', '县政务服务中心', '县直有关单位', '提高热线服务水平。'],
    ];
    const plan = importPlan({ blocks: [{ ...table(rows), mergesKnown: true }], unit: '行' });
    expect(plan.tasks.map((t) => ({ title: t.title, lead: t.lead, assist: t.assist, detail: t.detail }))).toEqual([
      { title: '公开财政预算', lead: ['县财政局'], assist: ['县直有关单位'], detail: '全面公开预算信息。' },
      { title: '公开权责清单', lead: ['县直有关单位', '各镇人民政府'], assist: [], detail: '及时公开权责清单。' },
      { title: '办好政务热线', lead: ['县政务服务中心'], assist: ['县直有关单位'], detail: '提高热线服务水平。' },
    ]);
  });
});

/** An XLSX workbook of the given tabs (rows, and the ranges merged), written to the test folder; returns its path. */
async function writeBook(file: string, tabs: { name: string; rows: (string | null)[][]; merges?: string[] }[]): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const tab of tabs) {
    const sheet = book.addWorksheet(tab.name);
    sheet.addRows(tab.rows);
    for (const range of tab.merges ?? []) sheet.mergeCells(range);
  }
  const path = join(dir, file);
  await book.xlsx.writeFile(path);
  return path;
}

function table(rows: string[][]) {
  const numbers = rows.map((_, i) => i + 1);
  return { kind: 'table' as const, rows: rows.map((r) => r.map((text) => ({ text }))), rowNumbers: numbers, rowLines: numbers, label: '', mergesKnown: false };
}

describe('a table copied from a web page, its cells separated by spaces', () => {
  it('is read under its header of column names; prose lines around it stay text', () => {
    const text = [
      '2024年重点工作任务分解表',
      '序号 重点任务 牵头单位 配合单位 完成时限',
      '1 推进重大项目建设 区发改委 区财政局、区自然资源局 2024年12月底前',
      '2 开展营商环境第三方评价 区司法局 区市场监管局 6月底前',
      '各单位要按照分工抓好落实。',
    ].join('\n');
    const plan = importPlan(text);
    expect(brief(plan.tasks)).toEqual([
      { category: '', title: '推进重大项目建设', lead: ['区发改委'], assist: ['区财政局', '区自然资源局'], due: '2024-12-31', place: '第3行' },
      { category: '', title: '开展营商环境第三方评价', lead: ['区司法局'], assist: ['区市场监管局'], due: '2024-06-30', place: '第4行' },
    ]);
  });
});
