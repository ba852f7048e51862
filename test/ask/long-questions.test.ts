/**
 * Hostile chat text: long runs that made a pattern retry at every position (quadratic time, seconds per message at
 * 100k characters). Each case must parse well inside the test timeout and still give the right intent.
 */
import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/domain/directory.js';
import { parseQuestion } from '../../src/ask/parse-question.js';
import { PLAN_UNITS } from '../domain/example-units.js';

const directory = createDirectory([], PLAN_UNITS);
const RUN = 100_000;

describe('parseQuestion on long runs', () => {
  it('strips a long run of trailing spaces and commas', () => {
    expect(parseQuestion(`交通局负责哪些任务${' '.repeat(RUN)}？`, directory)).toEqual({ kind: 'unit_tasks', unit: '区交通局', role: 'lead' });
    expect(parseQuestion(`交通局${'，'.repeat(RUN)}x`, directory).kind).toBe('unknown');
    expect(parseQuestion(`交通局${'吗'.repeat(RUN)}x`, directory).kind).toBe('unknown');
  });

  it('reads unclosed <at> tags as text', () => {
    expect(parseQuestion('<at id=1>'.repeat(RUN / 10), directory).kind).toBe('unknown');
    expect(parseQuestion(`${'<at'.repeat(RUN / 3)} 逾期任务`, directory).kind).toBe('overdue');
    expect(parseQuestion('<at user_id="ou_1">督办助手</at> 逾期任务', directory)).toEqual({ kind: 'overdue', unit: null });
  });

  it('scans a run of digits or numerals once', () => {
    expect(parseQuestion(`${'1'.repeat(RUN)}x`, directory).kind).toBe('unknown');
    expect(parseQuestion(`${'一'.repeat(RUN)}x`, directory).kind).toBe('unknown');
    expect(parseQuestion('近5天到期的任务', directory)).toEqual({ kind: 'due', period: 'days', days: 5, unit: null });
  });

  it('trims a long run of filler words', () => {
    expect(parseQuestion(`交通局${'有'.repeat(RUN)}`, directory).kind).not.toBe('unit_tasks');
    expect(parseQuestion('交通局还有哪些任务', directory)).toEqual({ kind: 'unit_tasks', unit: '区交通局', role: 'any' });
  });

  it('finds a ranking question after many repeats of its keywords', () => {
    expect(parseQuestion('逾期'.repeat(RUN / 2), directory)).toEqual({ kind: 'overdue', unit: null });
    expect(parseQuestion(`${'单位'.repeat(RUN / 2)}逾期最多`, directory)).toEqual({ kind: 'ranking' });
    expect(parseQuestion(`${'units '.repeat(RUN / 6)}most overdue`, directory)).toEqual({ kind: 'ranking' });
  });
});
