/**
 * Hostile chat text: long runs that once made a pattern retry at every position (quadratic time, seconds per message
 * at 100k characters). Each case must be read well inside the test timeout and still mean what it says.
 */
import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/ask/read-question.js';
import { createWorkCalendar } from '../../src/calendar/chinese-calendar.js';
import { createDirectory } from '../../src/domain/directory.js';
import { makeLedger, makeTask } from '../support/make-task.js';
import { PLAN_UNITS } from '../domain/example-units.js';

const directory = createDirectory([], PLAN_UNITS);
const ledger = makeLedger([makeTask({ id: '1', title: '双拥公园维护', lead: ['区城管局'] })]);
const read = (text: string) => readQuestion(text, { directory, ledger, today: '2026-03-04', calendar: createWorkCalendar() });
const RUN = 100_000;

describe('readQuestion on long runs', () => {
  it('reads a question followed by a long run of spaces, commas or particles', () => {
    expect(read(`交通局负责哪些任务${' '.repeat(RUN)}？`).units).toEqual([{ unit: '区交通局', role: 'lead', said: '交通局' }]);
    expect(read(`交通局${'，'.repeat(RUN)}x`).units).toEqual([{ unit: '区交通局', role: 'any', said: '交通局' }]);
    expect(read(`交通局${'吗'.repeat(RUN)}x`).units[0]).toMatchObject({ unit: '区交通局' });
  });

  it('reads unclosed <at> tags and runs of separators as text', () => {
    expect(read('<at id=1>'.repeat(RUN / 10)).text).toHaveLength(1000);
    expect(read(`${'<at'.repeat(RUN / 3)} 逾期任务`).states).toEqual([]);
    expect(read('<at user_id="ou_1">督办助手</at> 逾期任务').states).toEqual(['overdue']);
    expect(read(`a${'.'.repeat(RUN)}a 逾期`).text.length).toBeLessThanOrEqual(1000);
  });

  it('scans a run of digits or numerals once', () => {
    expect(read(`${'1'.repeat(RUN)}x`).taskIds).toEqual([]);
    expect(read(`${'一'.repeat(RUN)}x`).understood).toBe(false);
    expect(read('近5天到期的任务').window).toMatchObject({ from: '2026-03-04', to: '2026-03-09' });
  });

  it('reads only the first thousand characters of a long repetition of pieces', () => {
    expect(read('逾期'.repeat(RUN / 2)).states).toEqual(['overdue']);
    expect(read(`${'单位'.repeat(RUN / 2)}逾期最多`).text).toHaveLength(1000);
    expect(read(`交通局负责${'交通局负责'.repeat(RUN / 5)}`).units.length).toBeLessThanOrEqual(200);
    expect(read(`${'双拥公园'.repeat(RUN / 4)}`).keywords.length).toBeLessThanOrEqual(250);
    expect(read(`${'units '.repeat(RUN / 6)}most overdue`).text).toHaveLength(1000);
  });
});
