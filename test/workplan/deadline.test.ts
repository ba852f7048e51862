import { describe, expect, it } from 'vitest';
import { deadlineInField, deadlineInText, planYear } from '../../src/workplan/deadline.js';

describe('deadlineInText', () => {
  it.each([
    ['于2024年6月底前完成首轮排查', 2023, '2024-06-30', '2024年6月底前'],
    ['2024年7月31日前完成评估', null, '2024-07-31', '2024年7月31日前'],
    ['9月30日前建成', 2024, '2024-09-30', '9月30日前'],
    ['年底前全部投入使用', 2024, '2024-12-31', '年底前'],
    ['2025年底前完成', null, '2025-12-31', '2025年底前'],
    ['二〇二四年十月底前建成', null, '2024-10-31', '2024年10月底前'],
    ['6月底前完成摸底，2024年11月底前全面完成', 2024, '2024-11-30', '2024年11月底前'],
    ['2019年1月1日至12月31日，对面临暂时性困难的企业', 2018, '2019-12-31', '2019年1月1日至12月31日'],
    ['2021年1月——12月开展', 2021, '2021-12-31', '2021年1月——12月'],
    ['5年内重点引进和培养1万名人才', 2012, '2016-12-31', '5年内'],
    ['6月底完成改造', 2022, '2022-06-30', '6月底'],
    ['全年实现脱贫20万人', 2016, '2016-12-31', '全年'],
    ['第一季度完成摸底', 2024, '2024-03-31', '第1季度'],
    ['上半年完成', 2024, '2024-06-30', '上半年'],
    ['2016年战略性新兴产业增加值增长11%', 2016, '2016-12-31', '2016年'],
  ])('%s (plan year %s) → %s', (text, year, due, phrase) => {
    expect(deadlineInText(text, year)).toEqual({ due, text: phrase });
  });
  it.each([
    ['每月25日前报送进展', 2024],
    ['每年6月底前报送总结', 2024],
    ['6月底前完成', null],
    ['第三季度开展检查', 2024],
    ['从2019年1月1日起实施', 2018],
    ['抓好2016年度省重点项目建设', 2016],
    ['本政策自2012年起执行', 2016],
    ['办理情况列入全年考核情况通报', 2018],
    ['形成全年工作总结报县政府', 2024],
    ['对毕业3年内的高校毕业生给予补贴', 2024],
    ['对成立2年内的小微企业减免房租', 2024],
  ])('no deadline in %s', (text, year) => {
    expect(deadlineInText(text, year)).toEqual({});
  });
});

describe('deadlineInField', () => {
  it('reads a date, a date in words, and keeps ongoing words as text', () => {
    expect(deadlineInField('2024年9月30日', 2024)).toEqual({ due: '2024-09-30', text: '2024年9月30日' });
    expect(deadlineInField('5月底取得阶段性成效并持续推进', 2022)).toEqual({ due: '2022-05-31', text: '5月底取得阶段性成效并持续推进' });
    expect(deadlineInField('持续推进', 2022)).toEqual({ text: '持续推进' });
    expect(deadlineInField('2022-02-29', 2022).problem).toMatch(/2022年2月没有29日/);
  });
});

describe('planYear', () => {
  it('reads the document number, the title, the signing date or the first year named', () => {
    expect(planYear(['', '××区2024年全国文明城市创建工作方案', '一、目标（2025年）'])).toBe(2024);
    expect(planYear(['国务院关于做好就业工作的若干意见', '国发〔2018〕39号', '到2020年……'])).toBe(2018);
    expect(planYear(['××行动计划（2021-2023年）'])).toBe(2021);
    expect(planYear(['关于做好走访慰问工作的通知', '请认真落实。', '2024年1月5日'])).toBe(2024);
    expect(planYear(['关于推进人才集聚工程的实施意见', '1.目标。2012年起5年内……'])).toBe(2012);
    expect(planYear(['关于做好走访慰问工作的通知', '请认真落实。'])).toBeNull();
  });
});
