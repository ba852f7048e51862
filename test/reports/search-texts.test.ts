import { describe, expect, it } from 'vitest';
import { indexTexts, searchTexts } from '../../src/reports/search-texts.js';
import { classifyTasks } from '../../src/reports/classify.js';
import { DEFAULT_REPORT_OPTIONS } from '../../src/reports/options.js';
import { weekendCalendar } from '../../src/calendar/weekend-calendar.js';
import { makeTask } from '../support/make-task.js';

const views = classifyTasks(
  [
    makeTask({ id: '1', title: '双拥公园维护', category: '双拥', note: '公园已开放' }),
    makeTask({ id: '2', title: 'Road Works', category: 'ab', note: 'cd' }),
    makeTask({ id: '3', title: '植树', category: '林业', note: '双拥公园补种' }),
    makeTask({ id: '4', title: '', category: '', note: '' }),
    makeTask({ id: '5', title: 'x\u0000y', category: 'b', note: '' }),
  ],
  '2026-03-04',
  weekendCalendar,
  DEFAULT_REPORT_OPTIONS,
);
const index = indexTexts(views);
const ids = (needle: string) => searchTexts(index, needle).map((v) => v.task.id);

describe('keyword search over title, category and note', () => {
  it('finds each matching task once, in ledger order, in any of its texts', () => {
    expect(ids('双拥公园')).toEqual(['1', '3']);
    expect(ids('公园')).toEqual(['1', '3']);
    expect(ids('林业')).toEqual(['3']);
  });

  it('ignores case (the needle comes lower-cased)', () => {
    expect(ids('road')).toEqual(['2']);
  });

  it('never matches across two texts of a task or across two tasks', () => {
    expect(ids('b\u0000c')).toEqual([]);
    expect(ids('worksab')).toEqual([]);
    expect(ids('cd\u0000')).toEqual([]);
  });

  it('still finds a text that itself contains the separator character', () => {
    expect(ids('x\u0000y')).toEqual(['5']);
  });

  it('finds nothing for a word no task has', () => {
    expect(ids('不存在')).toEqual([]);
  });
});
