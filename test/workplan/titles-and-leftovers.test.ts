/** Short titles, categories to the plan's depth, and nothing dropped silently: what gave no task is listed with its place. */
import { describe, expect, it } from 'vitest';
import { importPlan } from '../../src/workplan/import-plan.js';
import { shortTitle } from '../../src/workplan/titles.js';

describe('titles', () => {
  it.each([
    ['（二）建设一个双拥主题文化园。为进一步丰富我区双拥文化……', '建设一个双拥主题文化园'],
    ['继续加强对“双拥大道”的维护管理，丰富大道两侧的双拥文化氛围', '继续加强对“双拥大道”的维护管理'],
    ['1.拓展两个市场。积极稳妥地在综合保税区推广增值税一般纳税人资格试点。', '拓展两个市场'],
    ['一是推动潼南退役军人产业孵化园建设工作。积极争取……', '推动潼南退役军人产业孵化园建设工作'],
    ['建设“包头知识产权智慧监管平台”“包头市知识产权质押融资平台”，通过大数据实现知识产权侵权预警', '建设“包头知识产权智慧监管平台”“包头市知识产权质押融资平台”'],
    ['2024年6月底前，完成全县老旧小区排查，建立改造台账', '完成全县老旧小区排查'],
    ['9月中下旬，组织开展秋季森林防火检查', '组织开展秋季森林防火检查'],
  ])('%s → %s', (text, title) => {
    expect(shortTitle(text)).toBe(title);
  });

  it('never lets an item number leak into the title: "11.121人才梯队项目" is item 11', () => {
    const text = [
      '10.“羊城学者”特聘岗位项目。设立50个特聘岗位。（牵头单位：市委组织部，配合单位：各有关单位）',
      '11.121人才梯队项目。重点培养不少于10名院士后备人才。（牵头单位：市人力资源和社会保障局，配合单位：各区、县级市）',
      '12.博士后培养项目。5年内培养资助博士后研究人员不少于400名。（牵头单位：市人力资源和社会保障局）',
    ].join('\n');
    const tasks = importPlan(text).tasks;
    expect(tasks.map((t) => t.title)).toEqual(['“羊城学者”特聘岗位项目', '121人才梯队项目', '博士后培养项目']);
    expect(tasks[1].detail).toBe('121人才梯队项目。重点培养不少于10名院士后备人才。');
    expect(tasks[1].assist).toEqual(['各区', '各县级市']);
  });
});

describe('titles end where the item’s name ends', () => {
  it('at a line break, at a half-width full stop between Chinese words, and after a quote closed by a half-width mark', () => {
    const text = [
      '1.建立巡查制度',
      '每月开展一次巡查，发现问题及时整改。',
      '责任单位：区城管局',
      '2.规划建设区级物流园.将其列入年度重点项目。（区商务局）',
      '3.推行“一网通办"改革。实现企业开办一天办结。（区行政审批局）',
    ].join('\n');
    expect(importPlan(text).tasks.map((t) => t.title)).toEqual(['建立巡查制度', '规划建设区级物流园', '推行“一网通办"改革']);
  });
});

describe('categories', () => {
  it('are the nearest enclosing heading, at whatever depth the plan uses, without scores', () => {
    const text = [
      '包头市2022年数字政府建设考评指标',
      '一、政务服务“一网通办”（25分）',
      '（一）一体化政务服务平台建设（3分）',
      '1．各级政务服务事项全部开通全程网办。（5月底取得明显成效并持续推进，牵头考核单位：市审批服务局）',
      '（二）政务服务便民热线升级（2分）',
      '2．全面提升“12345”政务热线服务水平。（6月底完成，牵头考核单位：市政府办公室、市公安局）',
      '二、政府治理“一网统管”（20分）',
      '3．建设城市大脑。（持续推进，牵头考核单位：市大数据局）',
    ].join('\n');
    expect(importPlan(text).tasks.map((t) => [t.category, t.lead.join('、'), t.due ?? null, t.dueText])).toEqual([
      ['一体化政务服务平台建设', '市审批服务局', '2022-05-31', '5月底取得明显成效并持续推进'],
      ['政务服务便民热线升级', '市政府办公室、市公安局', '2022-06-30', '6月底完成'],
      ['政府治理“一网统管”', '市大数据局', null, '持续推进'],
    ]);
  });
});

describe('what gave no task is listed, with its place', () => {
  it('lists a numbered item without units where the plan numbers its tasks, and a sentence naming a unit’s part', () => {
    const text = [
      '一、总体目标',
      '1.目标。2012年起5年内，重点引进和培养高层次人才2000名左右。',
      '二、重点项目',
      '2.战略性主导产业紧缺人才开发项目。引进紧缺人才。（牵头单位：市发展改革委，配合单位：市委组织部）',
      '本意见由市人力资源和社会保障局负责解释。',
    ].join('\n');
    const plan = importPlan(text);
    expect(plan.tasks.map((t) => t.title)).toEqual(['战略性主导产业紧缺人才开发项目']);
    expect(plan.unrecognized).toEqual([
      { line: 2, place: '第2行', text: '1.目标。2012年起5年内，重点引进和培养高层…', reason: '像是一项任务，但没有写明责任单位' },
      { line: 5, place: '第5行', text: '本意见由市人力资源和社会保障局负责解释。', reason: '提到了单位，但没有找到对应的任务和分工' },
    ]);
  });

  it('lists unit lines with no task above them, and does not list section headings, phases or their items', () => {
    const text = [
      '牵头单位：区财政局',
      '一、工作步骤',
      '（一）动员部署阶段（2024年3月）',
      '二、重点任务',
      '（一）推进项目建设。（责任单位：区发改委）',
      '三、保障措施',
      '（一）加强组织领导。各单位要高度重视。',
    ].join('\n');
    const plan = importPlan(text);
    expect(plan.tasks.map((t) => t.title)).toEqual(['推进项目建设']);
    expect(plan.unrecognized).toEqual([{ line: 1, place: '第1行', text: '牵头单位：区财政局', reason: '分工说明前面没有任务内容，未生成任务' }]);
  });
});
