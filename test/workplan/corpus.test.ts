/**
 * The work-plan corpus (test/fixtures/workplans/README.md): the import scored against hand labels, per plan and in
 * total, over the development plans and the seen ones (plans once held out, read after their score) together.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPlan } from '../../src/workplan/import-plan.js';
import type { PlanTask } from '../../src/workplan/types.js';
import { corpusPlans, missList, scoreCorpus, scorePlan, scoreTable, total } from './corpus/score.js';

const DEV = 'test/fixtures/workplans';
const SEEN = 'test/fixtures/workplans/seen';

describe('the work-plan corpus', () => {
  it('development and seen plans: at least 90% of tasks found, 85% with the exact lead units, 80% with the exact assisting units, none invented', async () => {
    const scores = [...(await scoreCorpus(DEV)), ...(await scoreCorpus(SEEN))];
    console.log(`development and seen plans\n${scoreTable(scores)}`);
    if (process.env.DUBAN_SCORE_DETAIL === '1') console.log(missList(scores));
    const sum = total(scores);
    expect(sum.labelled).toBeGreaterThan(1190);
    expect(sum.found / sum.labelled).toBeGreaterThanOrEqual(0.9);
    expect(sum.lead / sum.labelled).toBeGreaterThanOrEqual(0.85);
    expect(sum.assist / sum.labelled).toBeGreaterThanOrEqual(0.8);
    expect(sum.invented).toBe(0);
  }, 120_000);

  // The same plans as other offices type them: half-width punctuation, blank lines between paragraphs, Windows line
  // ends with full-width indents, and the unit clause on a line of its own instead of in brackets after the task.
  const HALF_WIDTH: Record<string, string> = { '（': '(', '）': ')', '：': ':', '；': ';', '，': ',' };
  const retyped: Record<string, (text: string) => string> = {
    'half-width punctuation': (text) => text.replace(/[（）：；，]/g, (c) => HALF_WIDTH[c]),
    'blank lines between paragraphs': (text) => text.split('\n').join('\n\n'),
    'CRLF and full-width indents': (text) => text.split('\n').map((line) => (line.trim() ? `\u3000\u3000${line}` : line)).join('\r\n'),
    'clauses on their own lines': (text) => text.replace(/([。；])\s*[（(]((?:牵头|责任|配合)单位[：:][^）)]*)[）)]/g, '$1\n$2\n'),
  };
  it.each(Object.keys(retyped))('text plans score the same when retyped with %s', (form) => {
    const plans = [...corpusPlans(DEV), ...corpusPlans(SEEN)].filter((plan) => plan.file.endsWith('.txt'));
    const scoreAll = (change: (text: string) => string) =>
      total(plans.map((plan) => scorePlan(plan.id, plan.labels, importPlan(change(readFileSync(plan.file, 'utf8'))).tasks)));
    const asPublished = scoreAll((text) => text);
    expect(asPublished.labelled).toBeGreaterThan(350);
    expect(scoreAll(retyped[form])).toEqual(asPublished);
  }, 60_000);

  it('finds a task by its anchor with or without the item number the label kept, and by nothing else', () => {
    const task: PlanTask = { category: '', title: '公开财政预算', detail: '全面公开预算信息。', lead: ['县财政局'], assist: [], leader: [], line: 3, place: '第3行' };
    const label = (anchor: string) => ({ anchor, title: '公开财政预算', lead: ['县财政局'], assist: [], due: null });
    const score = scorePlan('plan', { year: 2024, tasks: [label('1.公开财政预算'), label('（二）全面公开预算信息'), label('2.公开权责清单')] }, [task]);
    expect([score.found, score.lead, score.invented, score.misses]).toEqual([2, 2, 0, ['not found: 2.公开权责清单']]);
  });
});
