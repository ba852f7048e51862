import { describe, expect, it } from 'vitest';
import { deadlineInText, planYear } from '../../src/workplan/deadline.js';

describe('deadlineInText', () => {
  it.each([
    ['于2024年6月底前完成首轮排查', 2023, '2024-06-30'],
    ['2024年7月31日前完成评估', null, '2024-07-31'],
    ['9月30日前建成', 2024, '2024-09-30'],
    ['年底前全部投入使用', 2024, '2024-12-31'],
    ['2025年底前完成', null, '2025-12-31'],
    ['二〇二四年十月底前建成', null, '2024-10-31'],
    ['6月底前完成摸底，2024年11月底前全面完成', 2024, '2024-11-30'],
  ])('%s → %s', (text, year, due) => {
    expect(deadlineInText(text, year)).toBe(due);
  });
  it.each([
    ['每月25日前报送进展', 2024],
    ['每年6月底前报送总结', 2024],
    ['6月底前完成', null],
    ['2024年完成建设任务', 2024],
    ['第三季度开展检查', 2024],
  ])('no deadline in %s', (text, year) => {
    expect(deadlineInText(text, year)).toBeNull();
  });
});

describe('planYear', () => {
  it('reads the year of the title line', () => {
    expect(planYear('\n××区2024年全国文明城市创建工作方案\n一、目标（2025年）')).toBe(2024);
    expect(planYear('关于做好走访慰问工作的通知\n2024年1月')).toBeNull();
  });
});
