/**
 * The work-plan corpus (test/fixtures/workplans/README.md): the import scored against hand labels, per plan and in
 * total, over the development plans and the seen ones (plans once held out, read after their score) together.
 */
import { describe, expect, it } from 'vitest';
import type { PlanTask } from '../../src/workplan/types.js';
import { missList, scoreCorpus, scorePlan, scoreTable, total } from './corpus/score.js';

const DEV = 'test/fixtures/workplans';
const SEEN = 'test/fixtures/workplans/seen';

describe('the work-plan corpus', () => {
  it('development and seen plans: at least 90% of tasks found, 85% with the exact lead units, 80% with the exact assisting units, none invented', async () => {
    const scores = [...(await scoreCorpus(DEV)), ...(await scoreCorpus(SEEN))];
    console.log(`development and seen plans\n${scoreTable(scores)}`);
    if (process.env.DUBAN_SCORE_DETAIL === '1') console.log(missList(scores));
    const sum = total(scores);
    expect(sum.labelled).toBeGreaterThan(760);
    expect(sum.found / sum.labelled).toBeGreaterThanOrEqual(0.9);
    expect(sum.lead / sum.labelled).toBeGreaterThanOrEqual(0.85);
    expect(sum.assist / sum.labelled).toBeGreaterThanOrEqual(0.8);
    expect(sum.invented).toBe(0);
  }, 120_000);

  it('finds a task by its anchor with or without the item number the label kept, and by nothing else', () => {
    const task: PlanTask = { category: '', title: '公开财政预算', detail: '全面公开预算信息。', lead: ['县财政局'], assist: [], leader: [], line: 3, place: '第3行' };
    const label = (anchor: string) => ({ anchor, title: '公开财政预算', lead: ['县财政局'], assist: [], due: null });
    const score = scorePlan('plan', { year: 2024, tasks: [label('1.公开财政预算'), label('（二）全面公开预算信息'), label('2.公开权责清单')] }, [task]);
    expect([score.found, score.lead, score.invented, score.misses]).toEqual([2, 2, 0, ['not found: 2.公开权责清单']]);
  });
});
