import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPlan } from '../../src/workplan/import-plan.js';
import { runImportPlan } from '../../src/workplan/run-import-plan.js';

const read = (name: string) => readFileSync(new URL(`../fixtures/plans/${name}`, import.meta.url), 'utf8');
// The task's full text, as the plan words it (the title is its first clause).
const row = (t: { category: string; detail: string; lead: string[]; assist: string[]; due?: string }) => ({
  category: t.category,
  text: t.detail.replace(/[。；;，,]$/, ''),
  lead: t.lead,
  assist: t.assist,
  due: t.due ?? null,
});

describe('a 优化营商环境 plan: 牵头单位 then 责任单位 lines under each numbered task', () => {
  const plan = importPlan(read('yingshang-huanjing-2024.txt'));
  it('finds the ten tasks and no others', () => {
    expect(plan.tasks).toHaveLength(10);
    expect(plan.problems).toEqual([]);
    expect([...new Set(plan.tasks.map((t) => t.category))]).toEqual(['提升政务服务效能', '优化市场准入环境', '加强要素保障', '强化法治保障']);
  });
  it('makes the 牵头单位 the lead and the 责任单位 the assisting units, and reads the deadline in the sentence', () => {
    expect(row(plan.tasks[1])).toEqual({
      category: '提升政务服务效能',
      text: '推行“高效办成一件事”，于2024年9月底前完成企业开办、员工招聘等13个重点事项集成办理',
      lead: ['市政务服务管理局'],
      assist: ['市市场监管局', '市人力资源社会保障局', '市公安局'],
      due: '2024-09-30',
    });
  });
  it('makes a lone 责任单位 line the lead', () => {
    expect(row(plan.tasks[2])).toMatchObject({ lead: ['各区县人民政府'], assist: [], due: null });
  });
});

describe('a 乡村振兴 task table turned into text: square brackets under 第X部分', () => {
  const plan = importPlan(read('xiangcun-zhenxing-2024.txt'));
  it('finds eighteen tasks in five parts', () => {
    expect(plan.tasks).toHaveLength(18);
    expect(plan.tasks.filter((t) => t.category === '加强党对“三农”工作的全面领导')).toHaveLength(5);
  });
  it('splits 【牵头单位：X；配合单位：Y】 and [责任单位：X、Y]', () => {
    expect(row(plan.tasks[1])).toEqual({
      category: '确保粮食安全',
      text: '建设高标准农田3.2万亩，2024年11月底前完成年度建设任务',
      lead: ['县农业农村局'],
      assist: ['县财政局', '县自然资源局', '县水利局'],
      due: '2024-11-30',
    });
    expect(row(plan.tasks[2])).toMatchObject({ lead: ['县自然资源局', '各乡镇人民政府'], assist: [] });
  });
  it('reads "2024年底前" as the year end', () => {
    expect(plan.tasks.find((t) => t.detail.includes('高素质农民'))?.due).toBe('2024-12-31');
  });
});

describe('a 安全生产 plan: phases with a sentence after them, closing parentheses by role word', () => {
  const plan = importPlan(read('anquan-shengchan-2024.txt'));
  it('finds fourteen tasks and three phases', () => {
    expect(plan.tasks).toHaveLength(14);
    expect(plan.phases.map((p) => [p.name, p.start, p.due])).toEqual([
      ['动员部署阶段', '2024-03-01', '2024-03-31'],
      ['排查整治阶段', '2024-04-01', '2024-10-31'],
      ['总结提升阶段', '2024-11-01', '2024-12-31'],
    ]);
  });
  it('reads "（各镇街负责，区应急管理局指导）" and keeps the numbered item a task, not a heading', () => {
    const task = plan.tasks.find((t) => t.title.startsWith('加强基层应急队伍建设'))!;
    expect(row(task)).toMatchObject({ category: '提升应急处置能力', lead: ['各镇街'], assist: ['区应急管理局'] });
    expect(plan.tasks.find((t) => t.title === '推进城市生命线安全工程建设')!.category).toBe('提升应急处置能力');
  });
  it('reads 牵头/配合, 负责 and 按职责分工负责 clauses, and a day deadline', () => {
    expect(row(plan.tasks[0])).toEqual({
      category: '开展重大事故隐患专项排查整治',
      text: '全面排查燃气、危化品、消防等重点行业领域重大事故隐患，建立隐患清单和整改责任清单，于2024年6月底前完成首轮排查',
      lead: ['区应急管理局'],
      assist: ['区住房城乡建设局', '区消防救援大队', '区市场监管局'],
      due: '2024-06-30',
    });
    expect(plan.tasks.find((t) => t.title.startsWith('开展危险化学品'))!.due).toBe('2024-07-31');
    expect(plan.tasks.at(-1)!.lead).toEqual(['区规划自然资源局', '区水务局']);
  });
});

describe('a city 民生实事 list: ① items under 一、 headings', () => {
  const plan = importPlan(read('minsheng-shishi-2024.txt'));
  it('finds seventeen items in ten categories; the closing notes are not tasks', () => {
    expect(plan.tasks).toHaveLength(17);
    expect(new Set(plan.tasks.map((t) => t.category)).size).toBe(10);
  });
  it('reads "（X、Y分别负责）" as two lead units', () => {
    expect(plan.tasks.find((t) => t.title.startsWith('新建城市书房'))).toMatchObject({
      lead: ['市文化广电旅游局', '市城市管理局'],
      assist: [],
    });
  });
  it('gives "年底前" the plan title’s year', () => {
    expect(plan.tasks.find((t) => t.title.startsWith('加装电梯'))!.due).toBe('2024-12-31');
  });
});

describe('a 文明城市 plan: （1） items and a unit name with its own parentheses', () => {
  const plan = importPlan(read('wenming-chengshi-2024.txt'));
  it('finds fourteen tasks in five categories', () => {
    expect(plan.tasks).toHaveLength(14);
    expect([...new Set(plan.tasks.map((t) => t.category))]).toEqual([
      '提升市容环境秩序',
      '加强公共文明引导',
      '完善公共服务设施',
      '加强未成年人思想道德建设',
      '营造浓厚创建氛围',
    ]);
  });
  it('reads "（区委宣传部（区文明办）牵头，…配合）" and keeps the name whole', () => {
    expect(row(plan.tasks[3])).toEqual({
      category: '加强公共文明引导',
      text: '开展“文明餐桌”“文明交通”等系列主题实践活动',
      lead: ['区委宣传部（区文明办）'],
      assist: ['区商务局', '区公安分局'],
      due: null,
    });
    expect(plan.tasks.at(-1)).toMatchObject({ lead: ['区委宣传部（区文明办）'], assist: ['区直机关工委', '区工商联', '各街道办事处'] });
  });
  it('keeps "村（社区）" in the text', () => {
    expect(plan.tasks.find((t) => t.title.startsWith('建设新时代文明实践站'))!.detail).toMatch(/^建设新时代文明实践站，实现村（社区）全覆盖/);
  });
});

describe('the imported CSV', () => {
  it('fills the 截止日期 column from the deadline in the task sentence, the 任务 column with its title and 工作内容 with its text', () => {
    const lines = runImportPlan(read('wenming-chengshi-2024.txt')).csv.split('\r\n');
    expect(lines[0]).toBe('编号,类别,任务,责任单位,协助单位,开始日期,截止日期,状态,进度,进展情况,更新时间,工作内容,责任领导');
    expect(lines[2]).toBe(
      '2,提升市容环境秩序,整治背街小巷环境卫生,区城市管理局,区住房城乡建设局、各街道办事处,,2024-06-30,未开始,,,,整治背街小巷环境卫生，2024年6月底前完成80条背街小巷提升改造。,',
    );
    expect(lines[1]).toMatch(/,,,未开始,,,,[^,]+,$/);
  });
});

describe('the import summary', () => {
  it('says how many deadlines were taken from the text', () => {
    expect(runImportPlan(read('anquan-shengchan-2024.txt')).summary).toContain('其中 4 项任务的原文写明了完成时限');
    expect(runImportPlan(read('minsheng-shishi-2024.txt')).summary).toContain('其中 3 项任务');
  });
});

describe('a 政府工作报告 task breakdown: "（牵头）" marks, field lines between the units, short keys, deadlines in the clause', () => {
  const plan = importPlan(read('zhongdian-renwu-fenjie-2024.txt'));
  it('finds eleven tasks and reports the one whose division of work is elsewhere', () => {
    expect(plan.tasks).toHaveLength(11);
    expect(plan.problems).toHaveLength(1);
    expect(plan.problems[0]).toMatch(/^第43行：工作分工见外部文件/);
  });
  it('reads "责任单位：X（牵头）、Y" and "X（牵头），Y；完成时限：…"', () => {
    expect(row(plan.tasks[0])).toMatchObject({ lead: ['区交通局'], assist: ['区公安分局'], due: null });
    expect(row(plan.tasks[1])).toEqual({
      category: '扩大有效投资',
      text: '开展营商环境第三方评价',
      lead: ['区发改委'],
      assist: ['区财政局'],
      due: '2024-06-30',
    });
  });
  it('passes over 牵头领导 and 完成时限 lines around the unit lines and takes the deadline from them', () => {
    expect(row(plan.tasks[2])).toEqual({
      category: '扩大有效投资',
      text: '建设口袋公园10个',
      lead: ['区城市管理局'],
      assist: ['各街道办事处'],
      due: '2024-09-30',
    });
    expect(row(plan.tasks[3])).toMatchObject({ text: '建设智慧停车场', lead: ['区城市管理局'], assist: ['区公安分局'], due: '2024-12-31' });
    expect(row(plan.tasks[8])).toMatchObject({ lead: ['区卫健委'], due: null });
  });
  it('takes a deadline piece out of a role clause, and reads "[牵头:X 配合:Y]"', () => {
    expect(row(plan.tasks[4])).toMatchObject({ text: '实施老旧小区改造', lead: ['区住建委'], assist: ['各街道'], due: '2024-12-31' });
    expect(row(plan.tasks[7])).toMatchObject({ text: '完善公共文化服务体系', lead: ['区文旅委'], assist: ['区财政局'] });
  });
});
