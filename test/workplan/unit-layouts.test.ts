/** Every common way plans name units (issue list): keys, role words, rules stated once, people, collectives, glued names. */
import { describe, expect, it } from 'vitest';
import { importPlan } from '../../src/workplan/import-plan.js';

const units = (text: string, knownUnits?: string[]) =>
  importPlan(text, { knownUnits }).tasks.map((t) => ({ title: t.title, lead: t.lead, assist: t.assist, leader: t.leader }));

describe('keyed clauses in full- or half-width punctuation, in or out of brackets', () => {
  it.each([
    ['1. 开展走访慰问。（责任单位：区民政局、区退役军人事务局）', ['区民政局', '区退役军人事务局'], []],
    ['1. 开展走访慰问。(责任单位:区民政局,区退役军人事务局)', ['区民政局', '区退役军人事务局'], []],
    ['1. 开展走访慰问。（牵头单位：区民政局；责任单位：区财政局）', ['区民政局'], ['区财政局']],
    ['1. 开展走访慰问。（牵头单位：区民政局；配合单位：区财政局、各街道）', ['区民政局'], ['区财政局', '各街道']],
    ['1. 开展走访慰问。（牵头单位：区民政局，协办单位：区财政局）', ['区民政局'], ['区财政局']],
    ['1. 开展走访慰问。（牵头单位：区民政局，参与单位：区财政局）', ['区民政局'], ['区财政局']],
    ['1. 开展走访慰问。（牵头责任单位：区民政局；协同责任单位：区财政局）', ['区民政局'], ['区财政局']],
    ['1. 开展走访慰问。【主办：区民政局 协办：区财政局】', ['区民政局'], ['区财政局']],
    ['1. 开展走访慰问。[牵头:区民政局 配合:区财政局]', ['区民政局'], ['区财政局']],
    ['1. 开展走访慰问。牵头单位：区民政局；配合单位：区财政局。', ['区民政局'], ['区财政局']],
    ['1. 开展走访慰问。【牵头单位】区民政局【配合单位】区财政局', ['区民政局'], ['区财政局']],
    ['1. 开展走访慰问。（主要责任单位：区民政局；协同配合单位：区财政局）', ['区民政局'], ['区财政局']],
    ['1. 开展走访慰问。（区民政局牵头，区财政局等部门配合，2024年底前完成）', ['区民政局'], ['区财政局']],
  ])('%s', (text, lead, assist) => {
    expect(units(text)).toMatchObject([{ title: '开展走访慰问', lead, assist }]);
  });

  it('reads unit lines under the task, with blank lines between, and field lines among them', () => {
    const text = ['一、组织保障', '1．成立创建工作专班，明确专人负责。', '', '牵头单位：区委办', '', '责任领导：张三副区长', '', '责任单位：区政府办、区双拥办', '', '2．把双拥工作纳入年度目标考核。', '责任单位：区考核办'].join('\n');
    expect(units(text)).toEqual([
      { title: '成立创建工作专班', lead: ['区委办'], assist: ['区政府办', '区双拥办'], leader: ['张三副区长'] },
      { title: '把双拥工作纳入年度目标考核', lead: ['区考核办'], assist: [], leader: [] },
    ]);
  });

  it('adds a unit line under a task closed by its own clause to that task', () => {
    expect(units('1. 开展走访慰问（牵头单位：区民政局）\n（配合单位：区财政局、各街道）')).toMatchObject([{ lead: ['区民政局'], assist: ['区财政局', '各街道'] }]);
  });

  it('reads a numbered item whose units close its last paragraph, the paragraphs between being its text', () => {
    const text = [
      '12．深化融合应用。（责任单位：省经济和信息化厅）',
      '13．开展新模式推广。',
      '智能化制造。鼓励企业加大数字技术应用力度。',
      '网络化协同。支持企业间利用平台实现资源共享。',
      '数字化管理。推动重点行业企业打通内部各管理环节。（责任单位：省经济和信息化厅、省商务厅）',
    ].join('\n');
    const plan = importPlan(text);
    expect(plan.tasks.map((t) => [t.title, t.lead.join('、'), t.line])).toEqual([
      ['深化融合应用', '省经济和信息化厅', 1],
      ['开展新模式推广', '省经济和信息化厅、省商务厅', 2],
    ]);
    expect(plan.tasks[1].detail).toBe('开展新模式推广。\n智能化制造。鼓励企业加大数字技术应用力度。\n网络化协同。支持企业间利用平台实现资源共享。\n数字化管理。推动重点行业企业打通内部各管理环节。');
  });
});

describe('a bare list of bodies closing an item', () => {
  it('names the item’s units, all leading; other closing brackets are left alone', () => {
    expect(units('1. 推进电力体制改革。（省发展改革委、省能源局）')).toMatchObject([{ title: '推进电力体制改革', lead: ['省发展改革委', '省能源局'] }]);
    expect(units('1. 开展技能培训（含技工院校）。')).toEqual([]);
    expect(units('（一）动员部署阶段（2024年3月）')).toEqual([]);
  });

  it('reads "任务名称：…；责任单位：…" lines, the label not being the task', () => {
    expect(units('任务名称：建设口袋公园；责任单位：区城管局；完成时限：2024年9月底')).toMatchObject([{ title: '建设口袋公园', lead: ['区城管局'] }]);
  });
});

describe('role words', () => {
  it.each([
    ['（区发改委牵头，区财政局、区商务局配合）', ['区发改委'], ['区财政局', '区商务局']],
    ['（区发改委牵头，区财政局参与）', ['区发改委'], ['区财政局']],
    ['（各镇街负责，区应急管理局指导）', ['各镇街'], ['区应急管理局']],
    ['（区发改委、区财政局负责）', ['区发改委', '区财政局'], []],
    ['(区发改委牵头,区财政局配合)', ['区发改委'], ['区财政局']],
    ['（区发改委牵头，各有关部门按职责分工负责）', ['区发改委'], ['各有关部门']],
    ['（区发改委为牵头单位，区财政局为配合单位）', ['区发改委'], ['区财政局']],
    ['（区发改委牵头落实，区财政局配合实施）', ['区发改委'], ['区财政局']],
    ['（区发改委会同有关部门负责）', ['区发改委'], ['有关部门']],
    ['（区发改委、区财政局会同有关部门负责）', ['区发改委', '区财政局'], ['有关部门']],
    ['（区发改委牵头，区财政局会同各街道配合）', ['区发改委'], ['区财政局', '各街道']],
    ['（商务部、农业农村部等和各有关省级人民政府负责）', ['商务部', '农业农村部', '各有关省级人民政府'], []],
  ])('%s', (clause, lead, assist) => {
    expect(units(`加强项目调度${clause}。`)).toMatchObject([{ lead, assist }]);
  });

  it('reads role words closing a paragraph without brackets, but not prose', () => {
    expect(units('三、重点任务\n1．加强项目调度。区发改委牵头，区财政局配合。')).toMatchObject([{ lead: ['区发改委'], assist: ['区财政局'] }]);
    expect(units('三、重点任务\n1．各单位要加强协作。主要领导要亲自负责。')).toEqual([]);
  });
});

describe('the first unit leads, by a rule stated once', () => {
  it('applies "排在第一位的为牵头单位，下同" to its clause and every later one', () => {
    const text = [
      '1.拓展两个市场。积极稳妥地推广试点。（税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同）',
      '2.提前适用政策。可按现行规定享受政策。（海关总署、财政部、税务总局负责）',
      '3.释放企业产能。允许企业承接委托加工。（海关总署负责）',
    ].join('\n');
    expect(units(text).map((t) => [t.lead, t.assist])).toEqual([
      [['税务总局'], ['财政部', '海关总署']],
      [['海关总署'], ['财政部', '税务总局']],
      [['海关总署'], []],
    ]);
  });

  it('reads "负责。列第一位者为牵头单位，下同", and a rule without 下同 for its own clause only', () => {
    const text = [
      '（一）加大稳岗支持力度。（人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同）',
      '（二）发挥担保机构作用。（财政部、人民银行等有关部门和单位负责）',
    ].join('\n');
    expect(units(text).map((t) => [t.lead, t.assist])).toEqual([
      [['人力资源社会保障部'], ['财政部']],
      [['财政部'], ['人民银行', '有关部门和单位']],
    ]);
    const once = '（一）甲项工作。（区发改委、区财政局负责，排在第一位的为牵头单位）\n（二）乙项工作。（区商务局、区财政局负责）';
    expect(units(once).map((t) => t.lead)).toEqual([['区发改委'], ['区商务局', '区财政局']]);
  });

  it('reads the rule in brackets after a unit line\'s units, with its exception ("除标注“分别牵头”外")', () => {
    const text = [
      '1.固定资产投资增长10%。',
      '责任单位:市发改委、市经信局、市财政局(除标注“分别牵头”外,列第一位为牵头或汇总单位,下同)',
      '2.城乡居民收入增速保持领先。',
      '责任单位:市人力社保局、市农业农村局分别牵头',
      '3.实施招商引资行动。',
      '责任单位:市招商办、市发改委,各县(市、区)政府',
    ].join('\n');
    expect(units(text).map((t) => [t.lead, t.assist])).toEqual([
      [['市发改委'], ['市经信局', '市财政局']],
      [['市人力社保局', '市农业农村局'], []],
      [['市招商办'], ['市发改委', '各县（市、区）政府']],
    ]);
  });

  it('takes the rule from the plan text ("各项任务中排在第一位的为牵头单位")', () => {
    const text = '说明：各项任务中排在第一位的为牵头单位。\n1．开展走访慰问。（区民政局、区财政局负责）';
    expect(units(text)).toMatchObject([{ lead: ['区民政局'], assist: ['区财政局'] }]);
  });
});

describe('leaders are people, never units', () => {
  it('keeps 责任领导 and 牵头负责领导 in the leader column', () => {
    expect(units('1. 开展走访慰问。（责任领导：张三；责任单位：区民政局）')).toEqual([
      { title: '开展走访慰问', lead: ['区民政局'], assist: [], leader: ['张三'] },
    ]);
    expect(units('1. 开展走访慰问。\n牵头负责领导：李四副区长、王五\n牵头单位：区民政局')).toEqual([
      { title: '开展走访慰问', lead: ['区民政局'], assist: [], leader: ['李四副区长', '王五'] },
    ]);
  });
});

describe('several tasks in one paragraph, each closed by its own clause', () => {
  it('makes one task per clause, the text since the previous clause being its own', () => {
    const text = '加强双拥大道维护（责任单位：区交通局，协助单位：双江镇）。打造创业典型。（责任单位：区农业农村委）';
    expect(units(text)).toMatchObject([
      { title: '加强双拥大道维护', lead: ['区交通局'], assist: ['双江镇'] },
      { title: '打造创业典型', lead: ['区农业农村委'] },
    ]);
  });

  it('reads a clause that opens the paragraph, and a deadline in brackets after a clause', () => {
    expect(units('【牵头单位：区民政局】开展走访慰问，做好优抚工作。')).toMatchObject([{ title: '开展走访慰问', lead: ['区民政局'] }]);
    const plan = importPlan('××区2024年工作方案\n1. 建设口袋公园。（责任单位：区城管局）（2024年9月底前完成）');
    expect(plan.tasks.map((t) => [t.title, t.due])).toEqual([['建设口袋公园', '2024-09-30']]);
  });
});

describe('collective units stay meaningful', () => {
  it.each([
    ['海关总署、商务部等有关部门', ['海关总署', '商务部'], ['有关部门']],
    ['市委组织部、市司法局、相关单位', ['市委组织部', '市司法局'], ['相关单位']],
    ['人社部、财政部等有关部门和单位负责', ['人社部', '财政部'], ['有关部门和单位']],
  ])('%s: the bodies named lead, the others it concerns assist', (names, lead, assist) => {
    expect(units(`1. 开展走访慰问。（责任单位：${names}）`)).toMatchObject([{ lead, assist }]);
  });
  it.each([
    ['各区、县级市', ['各区', '各县级市']],
    ['各有关区、县级市', ['各有关区', '各有关县级市']],
    ['各有关部门', ['各有关部门']],
    ['各乡镇（街道）', ['各乡镇（街道）']],
    ['区级各有关部门', ['区级各有关部门']],
    ['各县（市、区）人民政府', ['各县（市、区）人民政府']],
    ['区财政局等单位', ['区财政局']],
  ])('%s', (names, expected) => {
    expect(units(`1. 开展走访慰问。（责任单位：${names}）`)[0].lead).toEqual(expected);
  });

  it('keeps "按职责分工" out of the names before it, with or without a role word after it', () => {
    expect(units('1. 推进法治建设。（县发改委、各镇人民政府按职责分工分别负责）')[0].lead).toEqual(['县发改委', '各镇人民政府']);
    expect(units('1. 规范行政执法。\n责任单位：县司法局，各有关部门按照职责分工。')[0].lead).toEqual(['县司法局', '各有关部门']);
  });

  it('does not take "按职责分工负责" or "有关单位" alone for a unit: the item is listed instead', () => {
    for (const clause of ['（按职责分工负责）', '（有关单位按职责分工负责）']) {
      const plan = importPlan(`1. 开展走访慰问。${clause}`);
      expect(plan.tasks).toEqual([]);
      expect(plan.unrecognized).toMatchObject([{ line: 1, place: '第1行', reason: '写了分工，但没有写明具体单位，未生成任务' }]);
    }
  });
});

describe('units glued without a separator', () => {
  it('splits where two names meet, by the endings of body names or the office directory', () => {
    expect(units('1. 加强税收征管。（责任单位：区财政局区税务局）')[0].lead).toEqual(['区财政局', '区税务局']);
    expect(units('1. 加强税收征管。（区发改委和区财政局负责）')[0].lead).toEqual(['区发改委', '区财政局']);
    expect(units('1. 推进信息化。（责任单位：省经济和信息化厅）')[0].lead).toEqual(['省经济和信息化厅']);
    expect(units('1. 打造示范街区。（责任单位：区商务委双江镇）', ['区商务委', '双江镇'])[0].lead).toEqual(['区商务委', '双江镇']);
    expect(units('1. 推进交通治理。（责任单位：区公安分局交警大队）')[0].lead).toEqual(['区公安分局交警大队']);
  });

  it('splits only where the second name starts with its own level: a body under a government stays one unit', () => {
    expect(units('1. 盘活闲置厂房。（责任单位：县政府国资办、县财政局）')[0].lead).toEqual(['县政府国资办', '县财政局']);
    expect(units('1. 盘活闲置厂房。（责任单位：县财政局县税务局）')[0].lead).toEqual(['县财政局', '县税务局']);
  });

  it('leaves out a verb glued after a unit name: "相关村居落实", "东山镇负责"', () => {
    expect(units('1. 清理河道垃圾。（县水利局牵头，相关乡镇落实）')[0]).toMatchObject({ lead: ['县水利局'], assist: ['相关乡镇'] });
    expect(units('1. 清理河道垃圾。（县水利局牵头，东山镇负责）')[0]).toMatchObject({ lead: ['县水利局'], assist: ['东山镇'] });
  });

  it('reads a note in 〈〉, ［］ or 【】 after a name as brackets, and drops a note of what the name includes (…，下同)', () => {
    expect(units('1. 建设算力平台。（责任单位：各县人民政府〈含高新区、综保区管委会，下同〉）')[0].lead).toEqual(['各县人民政府']);
    expect(units('1. 建设算力平台。（责任单位：各镇政府［含街道办事处］、县发改局）')[0].lead).toEqual(['各镇政府', '县发改局']);
  });

  it('keeps a collective word with the level it makes collective: "有关乡" and "各镇" are not names', () => {
    expect(units('1. 加强水源保护。（县住建局、有关乡镇政府）')[0].lead).toEqual(['县住建局', '有关乡镇政府']);
    expect(units('1. 整治农贸市场。（县市场监管局、相关镇政府负责）')[0].lead).toEqual(['县市场监管局', '相关镇政府']);
    expect(units('1. 开展爱国卫生运动。（各乡镇人民政府负责）')[0].lead).toEqual(['各乡镇人民政府']);
  });
});

describe('units and the people answering for them in one field', () => {
  it('reads "责任单位及责任人：X张三": the units lead, the people are leaders', () => {
    const text = '（一）扩大就业。\n任务目标：城镇新增就业5000人。\n责任单位及责任人：县人社局王明、县财政局副局长李强';
    expect(units(text)).toEqual([{ title: '扩大就业', lead: ['县人社局', '县财政局'], assist: [], leader: ['王明', '副局长李强'] }]);
  });
});

describe('a rule stated once that units take part in every later task', () => {
  it('adds the units of "以下…均需X配合，不再一一列出" to its own task and every later one, as assisting units', () => {
    const text = [
      '一、主要任务',
      '1.开展河道巡查',
      '全面排查辖区河道，建立问题清单。',
      '责任单位：县水利局牵头，县农业农村局参与。以下各项均需各镇人民政府配合，不再一一列出',
      '2.建立河长制台账',
      '逐河建立台账。',
      '责任单位：县水利局负责',
      '3.整治入河排污口。（县生态环境局牵头，县住建局配合）',
    ].join('\n');
    expect(units(text)).toEqual([
      { title: '开展河道巡查', lead: ['县水利局'], assist: ['县农业农村局', '各镇人民政府'], leader: [] },
      { title: '建立河长制台账', lead: ['县水利局'], assist: ['各镇人民政府'], leader: [] },
      { title: '整治入河排污口', lead: ['县生态环境局'], assist: ['县住建局', '各镇人民政府'], leader: [] },
    ]);
  });

  it('takes the rule from a paragraph of its own, for the tasks after it only; 牵头 in the rule makes the units lead', () => {
    const text = ['1.开展河道巡查。（县水利局负责）', '以下任务均由各街道办事处负责落实，不再一一列出。', '2.建立河长制台账。（县水利局负责）'].join('\n');
    expect(units(text).map((t) => [t.lead, t.assist])).toEqual([
      [['县水利局'], []],
      [['县水利局'], ['各街道办事处']],
    ]);
    const leading = ['以下各项工作均由县委督查室牵头，不再列出。', '1.开展专项督查。（县政府办配合）'].join('\n');
    expect(units(leading).map((t) => [t.lead, t.assist])).toEqual([[['县委督查室'], ['县政府办']]]);
  });
});

describe('a sentence that opens by giving the work to units', () => {
  it('makes an item without a unit clause a task: "由X牵头，Y配合，…", "…由X统筹安排", its text kept whole', () => {
    const text = [
      '三、保障措施',
      '（一）加强组织领导。成立工作专班，统筹推进各项工作。',
      '（二）强化资金保障。所需资金由县财政局统筹安排。',
      '（三）加强督查考核。由县委督查室牵头，县政府督查室配合，定期通报工作进展。',
    ].join('\n');
    const plan = importPlan(text);
    expect(plan.tasks.map((t) => ({ title: t.title, category: t.category, lead: t.lead, assist: t.assist, detail: t.detail }))).toEqual([
      { title: '强化资金保障', category: '保障措施', lead: ['县财政局'], assist: [], detail: '强化资金保障。所需资金由县财政局统筹安排。' },
      { title: '加强督查考核', category: '保障措施', lead: ['县委督查室'], assist: ['县政府督查室'], detail: '加强督查考核。由县委督查室牵头，县政府督查室配合，定期通报工作进展。' },
    ]);
  });
});

describe('national plans: summary items, 及各地区, quoted names', () => {
  it('takes the 具体措施 under an item with its own clause as the tasks, the item as their heading', () => {
    const text = [
      '一、把实施好宏观政策和深化改革结合起来',
      '（一）研究将好做法制度化，落实减税降费政策。（财政部、税务总局等国务院相关部门及各地区按职责分工负责）',
      '具体措施：',
      '1．及时总结经验做法，完善直达机制。（财政部牵头，国务院相关部门及各地区按职责分工负责）',
      '2．2021年6月底前简化税费优惠政策适用程序。（税务总局、银保监会及各地区按职责分工负责）',
      '（二）稳定和扩大就业。（人力资源社会保障部牵头，各地区按职责分工负责）',
      '3．对省级“专精特新”企业给予奖励。（工业和信息化部、省推进“三地一区”建设领导小组成员单位按职责分工负责）',
    ].join('\n');
    expect(importPlan(text).tasks.map((t) => ({ category: t.category, title: t.title, lead: t.lead, assist: t.assist, due: t.due ?? null }))).toEqual([
      { category: '研究将好做法制度化，落实减税降费政策', title: '及时总结经验做法', lead: ['财政部'], assist: ['国务院相关部门', '各地区'], due: null },
      { category: '研究将好做法制度化，落实减税降费政策', title: '2021年6月底前简化税费优惠政策适用程序', lead: ['税务总局', '银保监会', '各地区'], assist: [], due: '2021-06-30' },
      { category: '把实施好宏观政策和深化改革结合起来', title: '稳定和扩大就业', lead: ['人力资源社会保障部'], assist: ['各地区'], due: null },
      { category: '把实施好宏观政策和深化改革结合起来', title: '对省级“专精特新”企业给予奖励', lead: ['工业和信息化部', '省推进“三地一区”建设领导小组成员单位'], assist: [], due: null },
    ]);
  });
});

describe('provincial and city report breakdowns', () => {
  it('reads "部门分工：X牵头，Y配合" with "分管省领导：" above it, and a bare list of bodies in brackets on the line under an item', () => {
    const text = [
      '一、主要预期目标',
      '1.地区生产总值增长6%以上。',
      '分管省领导:林××',
      '部门分工:省发展改革委牵头,各地、各部门配合。',
      '2、主要污染物排放量较2010年削减4%。',
      '(市环保局、发改委、经信委)',
      '3、城镇登记失业率控制在3.5%以内。',
      '(市人保局,各区、县(市)政府(管委会))',
    ].join('\n');
    expect(importPlan(text).tasks.map((t) => ({ title: t.title, lead: t.lead, assist: t.assist, leader: t.leader }))).toEqual([
      { title: '地区生产总值增长6%以上', lead: ['省发展改革委'], assist: ['各地', '各部门'], leader: ['林××'] },
      { title: '主要污染物排放量较2010年削减4%', lead: ['市环保局', '发改委', '经信委'], assist: [], leader: [] },
      { title: '城镇登记失业率控制在3.5%以内', lead: ['市人保局', '各区', '各县（市）政府（管委会）'], assist: [], leader: [] },
    ]);
  });
});

describe('a heading that names the lead of the items under it', () => {
  it('makes each item without units under "一、X牵头工作（8项）" a task of X, until the next heading', () => {
    const text = [
      '2025年县政府工作报告任务清单',
      '一、县示范区管委会牵头工作（2项）',
      '1.投资3000万元建设水产养殖基地。',
      '2.打造食用菌生产基地。',
      '二、县发改局牵头工作（1项）',
      '3.建设3个产业园。',
      '三、其他工作',
      '4.做好宣传。',
    ].join('\n');
    const plan = importPlan(text);
    expect(plan.tasks.map((t) => [t.title, t.lead])).toEqual([
      ['投资3000万元建设水产养殖基地', ['县示范区管委会']],
      ['打造食用菌生产基地', ['县示范区管委会']],
      ['建设3个产业园', ['县发改局']],
    ]);
    expect(plan.unrecognized.map((u) => u.text)).toEqual(['4.做好宣传。']);
  });
});

describe('sentences that give work to units without a clause of their own', () => {
  it('reads "X会同Y、Z等部门，…" as X leading with Y and Z assisting, and "本办法由X和相关责任部门负责牵头组织实施" as a task of both', () => {
    const text = [
      '三、保障措施',
      '县商务局会同县财政局、县市场监管局等部门，建立联席会议制度，定期调度工作。',
      '四、附则',
      '1. 本办法由县商务局和相关责任部门负责牵头组织实施。',
      '2. 本办法自发布之日起施行。',
    ].join('\n');
    expect(units(text)).toEqual([
      { title: '保障措施', lead: ['县商务局'], assist: ['县财政局', '县市场监管局'], leader: [] },
      { title: '本办法由县商务局和相关责任部门负责牵头组织实施', lead: ['县商务局', '相关责任部门'], assist: [], leader: [] },
    ]);
  });

  it('reads "由X会同Y组织开展…" and "由X组织开展…" in a numbered item as a task of those units', () => {
    const text = [
      '（二）认定管理',
      '1.企业认定。由区科技局会同各街道组织开展区级企业认定，对获得认定的企业给予支持。',
      '2.社区认定。由区科技局组织开展区级社区认定，对获得认定的机构给予补贴。',
      '3.指引制定。由上述措施责任单位根据实际情况制定工作指引。',
      '4.组织实施。本措施由各地组织实施。',
    ].join('\n');
    expect(units(text)).toEqual([
      { title: '企业认定', lead: ['区科技局'], assist: ['各街道'], leader: [] },
      { title: '社区认定', lead: ['区科技局'], assist: [], leader: [] },
    ]);
  });

  it('reads clauses in 〔〕 and 支撑单位 as assisting units', () => {
    expect(units('1. 改造老旧管网。〔牵头单位：县住建局（人防办），支撑单位：县水务局〕')).toEqual([
      { title: '改造老旧管网', lead: ['县住建局（人防办）'], assist: ['县水务局'], leader: [] },
    ]);
  });

  it('takes a body\'s other name in brackets after its name for no clause: the notice gives no task', () => {
    const plan = importPlan('2024年5月上旬，县督查组开展专项督查，整改情况于6月20日前报县政府办公室（县督查室）。');
    expect(plan.tasks).toEqual([]);
  });
});

describe('numbered items run together in one paragraph, each closed by a bare list of bodies', () => {
  it('makes a task of each item from its number on; the prose before is not a task, its heading is the category', () => {
    const text = '县直各部门： 现将2024年目标分解如下，请抓好落实。 一、主要目标 1、全县生产总值增长8%（县发改委，各镇人民政府）。 2、城镇新增就业3000人（县人社局）。 3、粮食产量稳定在50万吨（县农业农村局，县统计局）。';
    const plan = importPlan(text);
    expect(plan.tasks.map((t) => ({ category: t.category, title: t.title, lead: t.lead, due: t.due ?? null }))).toEqual([
      { category: '主要目标', title: '全县生产总值增长8%', lead: ['县发改委', '各镇人民政府'], due: null },
      { category: '主要目标', title: '城镇新增就业3000人', lead: ['县人社局'], due: null },
      { category: '主要目标', title: '粮食产量稳定在50万吨', lead: ['县农业农村局', '县统计局'], due: null },
    ]);
    expect(plan.unrecognized).toEqual([]);
  });

  it('leaves other brackets between items alone', () => {
    expect(units('1. 开展技能培训（含技工院校）。 2. 建设实训基地（省级示范）。')).toEqual([]);
  });
});

describe('people named among the units of a clause', () => {
  it('go to the leader column', () => {
    expect(units('1. 推进项目建设。（县委常委、副县长张三负责，县发改局牵头，县财政局配合）')).toEqual([
      { title: '推进项目建设', lead: ['县发改局'], assist: ['县财政局'], leader: ['县委常委', '副县长张三'] },
    ]);
  });
});

describe('an item whose sub-items name no units but the last', () => {
  it('is one task: the units are the item’s, its sub-items its text', () => {
    const text = [
      '二、重点任务',
      '（一）加强基层治理。',
      '1．健全网格化管理体系；',
      '2．推进村（社区）议事协商；',
      '3．开展平安创建活动。（牵头单位：县委政法委；配合单位：各乡镇）',
      '（二）推进项目建设。（责任单位：县发改局）',
    ].join('\n');
    const plan = importPlan(text);
    expect(plan.tasks.map((t) => [t.title, t.lead.join('、'), t.assist.join('、'), t.line])).toEqual([
      ['加强基层治理', '县委政法委', '各乡镇', 2],
      ['推进项目建设', '县发改局', '', 6],
    ]);
    expect(plan.tasks[0].detail).toBe('加强基层治理。\n1．健全网格化管理体系；\n2．推进村（社区）议事协商；\n3．开展平安创建活动。');
    expect(plan.unrecognized).toEqual([]);
  });
});

describe('items of several paragraphs, each closed by a clause in its last paragraph', () => {
  it('are tasks from their number on, even where no item of their level has a clause of its own', () => {
    const text = [
      '一、主要任务',
      '（一）推进工业转型升级。',
      '加快传统产业技术改造，推进信息化与工业化融合。',
      '培育战略性新兴产业，壮大产业集群。（省发展改革委、省工业和信息化厅负责）',
      '（二）加快服务业发展。',
      '发展现代物流、金融等生产性服务业。',
      '提升商贸流通服务水平。（省商务厅负责）',
    ].join('\n');
    const plan = importPlan(text);
    expect(plan.tasks.map((t) => [t.title, t.lead.join('、'), t.line])).toEqual([
      ['推进工业转型升级', '省发展改革委、省工业和信息化厅', 2],
      ['加快服务业发展', '省商务厅', 5],
    ]);
    expect(plan.tasks[1].detail).toBe('加快服务业发展。\n发展现代物流、金融等生产性服务业。\n提升商贸流通服务水平。');
  });
});

describe('the first-comma rule and document titles', () => {
  it('reads "第一个逗号前为牵头单位，下同": the units before the first comma lead, the rest assist, in every later clause', () => {
    const text = [
      '一、重点任务',
      '1. 建设算力平台。（责任单位：市科技局、市数据局，市委网信办、市电信公司；第一个逗号前为牵头单位，多个牵头部门的按照职责分工负责，下同）',
      '2. 开放数据资源。（责任单位：市数据局，市科技局）',
      '3. 培育示范企业。（责任单位：市经信局、市商务局）',
    ].join('\n');
    expect(units(text)).toEqual([
      { title: '建设算力平台', lead: ['市科技局', '市数据局'], assist: ['市委网信办', '市电信公司'], leader: [] },
      { title: '开放数据资源', lead: ['市数据局'], assist: ['市科技局'], leader: [] },
      { title: '培育示范企业', lead: ['市经信局', '市商务局'], assist: [], leader: [] },
    ]);
  });

  it('never reads a document status in brackets (试行, 暂行) as a unit, so a title line is no task', () => {
    const text = ['某市支持创新发展若干措施（试行）', '一、重点任务', '1. 建设创新社区。（市科技局牵头，市财政局配合）'].join('\n');
    expect(units(text)).toEqual([{ title: '建设创新社区', lead: ['市科技局'], assist: ['市财政局'], leader: [] }]);
  });
});
