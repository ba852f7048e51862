import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../src/calendar/chinese-calendar.js';
import type { Ledger, Task } from '../../src/domain/types.js';
import { diffSnapshots, noteHash, snapshotLedger, staleTasks } from '../../src/reports/changes.js';

const calendar = createWorkCalendar();

function task(id: string, fields: Partial<Task> = {}): Task {
  return {
    id, row: Number(id) + 1, category: '', title: `任务${id}`, lead: ['区交通局'], assist: [], start: null, due: '2026-03-31',
    ongoing: false, recurring: null, status: 'in_progress', extended: false, progress: 50, note: '按序时推进', updated: null,
    raw: { id, category: '', title: '', lead: '', assist: '', start: '', due: '', status: '', progress: '', note: '', updated: '',
      detail: '', leader: '', originalDue: '', extensions: '', closed: '', evidence: '', warning: '' },
    ...fields,
  };
}
const ledger = (tasks: Task[]): Ledger => ({ source: 'test', tasks, units: [], problems: [] });
const options = { calendar, staleAfterWorkdays: 5 };

describe('snapshotLedger', () => {
  it('keeps the compared fields, a note hash, and the first row of a duplicated id', () => {
    const snapshot = snapshotLedger(ledger([task('1'), task('2', { ongoing: true, due: '2026-12-31' }), task('1', { progress: 99 })]), '2026-03-02');
    expect(snapshot).toEqual({
      date: '2026-03-02',
      tasks: {
        '1': { status: 'in_progress', progress: 50, due: '2026-03-31', noteHash: noteHash('按序时推进'), updated: null },
        '2': { status: 'in_progress', progress: 50, due: null, noteHash: noteHash('按序时推进'), updated: null },
      },
    });
    expect(noteHash(' 按序时推进 ')).toBe(noteHash('按序时推进'));
    expect(noteHash('已完成')).not.toBe(noteHash('按序时推进'));
  });
});

describe('diffSnapshots', () => {
  it('finds newly done, newly overdue, status and progress changes since the previous digest', () => {
    const prev = snapshotLedger(
      ledger([task('1'), task('2', { due: '2026-03-03' }), task('3', { status: 'not_started', progress: null }), task('4', { due: '2026-02-27' }), task('5')]),
      '2026-03-02',
    );
    const current = snapshotLedger(
      ledger([
        task('1', { status: 'done', progress: 100 }),
        task('2', { due: '2026-03-03' }), // due yesterday: overdue now
        task('3', { status: 'in_progress', progress: 20 }),
        task('4', { due: '2026-02-27' }), // already overdue before
        task('6', { due: '2026-03-01' }), // new row, already late
      ]),
      '2026-03-04',
    );
    expect(diffSnapshots(prev, current, options)).toEqual({
      since: '2026-03-02',
      newlyDone: ['1'],
      newlyOverdue: ['2', '6'],
      statusChanged: [{ id: '3', from: 'not_started', to: 'in_progress' }],
      progressChanged: [
        { id: '1', from: 50, to: 100 },
        { id: '3', from: null, to: 20 },
      ],
      stale: [],
    });
  });

  it('lists stale open tasks by 更新时间, else by how long the note has stood unchanged in the snapshots', () => {
    const history = [
      snapshotLedger(ledger([task('1'), task('2'), task('3')]), '2026-03-03'),
      snapshotLedger(ledger([task('1'), task('2', { note: '旧' }), task('3')]), '2026-02-24'),
      snapshotLedger(ledger([task('1'), task('2', { note: '旧' }), task('3')]), '2026-02-13'),
    ];
    const current = snapshotLedger(
      ledger([task('1'), task('2'), task('3', { updated: '2026-03-02' }), task('4', { status: 'done', updated: '2026-01-05' })]),
      '2026-03-06',
    );
    // Task 1's note is unchanged since 2026-02-13: working days after it up to 3/6 are 2/14 and 2/28 (补班), 2/24–2/27 and 3/2–3/6.
    expect(staleTasks(current, { ...options, history })).toEqual([{ id: '1', updated: '2026-02-13', workdaysSinceUpdate: 11 }]);
    expect(staleTasks(current, { ...options, staleAfterWorkdays: 3, history }).map((s) => [s.id, s.updated, s.workdaysSinceUpdate])).toEqual([
      ['1', '2026-02-13', 11],
      ['2', '2026-03-03', 3],
      ['3', '2026-03-02', 4],
    ]);
    expect(staleTasks(current, options)).toEqual([]); // no history: nothing is known to be old
  });
});
