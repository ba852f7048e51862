import { describe, expect, it } from 'vitest';
import { weekendCalendar } from '../../src/calendar/weekend-calendar.js';
import { reportOptionsOf } from '../../src/config/report-options.js';
import { configSchema } from '../../src/config/schema.js';
import { warningIssues } from '../../src/config/warnings.js';
import { classifyTask } from '../../src/reports/classify.js';
import { warningReason } from '../../src/reports/warning-reason.js';
import { makeTask } from '../support/make-task.js';

const config = (yaml: Record<string, unknown> = {}) => configSchema.parse({ sheet: 'tasks.csv', ...yaml });
const TODAY = '2026-03-11'; // a Wednesday

/** A task started 2026-03-01 and due 2026-03-21 (20 days): on 03-11 half the window has passed, 序时进度 50. */
function graded(progress: number | null, fields: Parameters<typeof makeTask>[0] | null = null, yaml: Record<string, unknown> = {}) {
  const { options } = reportOptionsOf(config(yaml));
  const task = makeTask(fields ?? { id: '1', start: '2026-03-01', due: '2026-03-21', progress });
  const view = classifyTask(task, TODAY, weekendCalendar, options);
  return { light: view.light, reason: warningReason(view) };
}

describe('graded warnings on the boundaries (defaults: yellow from 10 points, red above 30, red when overdue more than 5 working days, blue within 3)', () => {
  it('grades the lag behind 序时进度', () => {
    expect(graded(41)).toEqual({ light: 'green', reason: '按序时推进' }); // 9 behind
    expect(graded(40)).toEqual({ light: 'yellow', reason: '落后序时进度 10 个百分点' });
    expect(graded(20)).toEqual({ light: 'yellow', reason: '落后序时进度 30 个百分点' });
    expect(graded(19)).toEqual({ light: 'red', reason: '落后序时进度 31 个百分点' });
  });

  it('grades the working days overdue', () => {
    // Due Wednesday 03-04: Thursday 03-05 … Wednesday 03-11 are 5 working days.
    expect(graded(null, { id: '1', due: '2026-03-04' })).toEqual({ light: 'yellow', reason: '逾期 5 个工作日' });
    expect(graded(null, { id: '1', due: '2026-03-03' })).toEqual({ light: 'red', reason: '逾期 6 个工作日' });
  });

  it('grades the working days left', () => {
    expect(graded(null, { id: '1', due: '2026-03-16' })).toEqual({ light: 'blue', reason: '3 个工作日内到期' });
    expect(graded(null, { id: '1', due: '2026-03-17' })).toEqual({ light: 'green', reason: '' });
    expect(graded(null, { id: '1', due: TODAY })).toEqual({ light: 'blue', reason: '今天到期' });
  });

  it('names every fact behind a level, and the 滞后 mark of the ledger', () => {
    expect(graded(null, { id: '1', start: '2026-02-01', due: '2026-03-03', progress: 10 })).toEqual({ light: 'red', reason: '逾期 6 个工作日，落后序时进度 90 个百分点' });
    expect(graded(null, { id: '1', due: '2026-04-30', raw: { status: '滞后' } as never })).toEqual({ light: 'yellow', reason: '台账标注滞后' });
  });

  it('follows the thresholds set under warnings:', () => {
    const yaml = { warnings: { yellowLag: 5, redLag: 20, redOverdueWorkdays: 2, blueWithinWorkdays: 5 } };
    expect(graded(45, null, yaml).light).toBe('yellow');
    expect(graded(29, null, yaml).light).toBe('red');
    expect(graded(null, { id: '1', due: '2026-03-08' }, yaml).light).toBe('red'); // 3 working days overdue
    expect(graded(null, { id: '1', due: '2026-03-18' }, yaml).light).toBe('blue'); // 5 working days left
  });
});

describe('warnings: configuration', () => {
  it('has the documented defaults', () => {
    expect(reportOptionsOf(config()).options).toEqual({ dueSoonWorkdays: 3, behindPoints: 10, redBehindPoints: 30, redOverdueWorkdays: 5, escalateAfterWorkdays: 5 });
    expect(config().warnings.writeColumn).toBe(false);
  });

  it('reads the older keys (lights:, dueSoonWorkdays) and names them for renaming', () => {
    const { options, renamed } = reportOptionsOf(config({ lights: { behindPoints: 15, redBehindPoints: 40 }, dueSoonWorkdays: 2 }));
    expect(options).toMatchObject({ behindPoints: 15, redBehindPoints: 40, dueSoonWorkdays: 2 });
    expect(renamed).toEqual([
      { old: 'dueSoonWorkdays', now: 'warnings.blueWithinWorkdays' },
      { old: 'lights.behindPoints', now: 'warnings.yellowLag' },
      { old: 'lights.redBehindPoints', now: 'warnings.redLag' },
    ]);
  });

  it('refuses an older key that disagrees with its new name, and red below yellow', () => {
    expect(warningIssues(config({ lights: { behindPoints: 15 }, warnings: { yellowLag: 12 } }))).toEqual([
      { path: 'lights.behindPoints', message: '是 warnings.yellowLag 的旧名称，而 warnings.yellowLag 写的是 12：请删去 lights.behindPoints' },
    ]);
    expect(warningIssues(config({ warnings: { yellowLag: 40 } }))).toEqual([{ path: 'warnings.redLag', message: '不能小于黄色预警的阈值（40 个百分点）' }]);
    expect(warningIssues(config({ lights: { behindPoints: 10, redBehindPoints: 10 }, warnings: { yellowLag: 10 } }))).toEqual([]);
  });
});
