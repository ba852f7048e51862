/** Builders of Task, Unit and Ledger objects for tests: give only the fields a test is about. */
import type { Ledger, LedgerField, Problem, Task, Unit } from '../../src/domain/types.js';
import type { UnitDirectory } from '../../src/domain/unit-directory.js';
import { createDirectory } from '../../src/domain/directory.js';

let nextRow = 2;

/** A task with sensible defaults (in progress, no dates); `raw` mirrors the given fields as text. */
export function makeTask(fields: Partial<Task> & { id: string }): Task {
  const task: Task = {
    row: nextRow++,
    category: '',
    title: `任务${fields.id}`,
    lead: [],
    assist: [],
    start: null,
    due: null,
    ongoing: false,
    recurring: null,
    status: 'in_progress',
    extended: false,
    progress: null,
    note: '',
    updated: null,
    ...fields,
    raw: {} as Record<LedgerField, string>,
  };
  task.raw = {
    id: task.id,
    category: task.category,
    title: task.title,
    lead: task.lead.join('、'),
    assist: task.assist.join('、'),
    start: task.start ?? '',
    due: task.recurring ?? (task.ongoing ? '长期坚持' : task.due ?? ''),
    status: task.status,
    progress: task.progress === null ? '' : `${task.progress}%`,
    note: task.note,
    updated: task.updated ?? '',
    originalDue: '',
    extensions: '',
    closed: '',
    evidence: '',
    warning: '',
    detail: '',
    leader: '',
    ...fields.raw,
  };
  return task;
}

/** A unit; by default only seen in the ledger, with no liaison, chat or leader. */
export function makeUnit(name: string, fields: Partial<Unit> = {}): Unit {
  return {
    name,
    aliases: [],
    liaison: null,
    liaisonAccount: null,
    chat: null,
    leader: null,
    leaderAccount: null,
    inDirectory: false,
    ...fields,
  };
}

/** A ledger of the given tasks; units default to every unit name the tasks mention. */
export function makeLedger(tasks: Task[], units?: Unit[], problems: Problem[] = []): Ledger {
  const names = [...new Set(tasks.flatMap((t) => [...t.lead, ...t.assist]))];
  return { source: 'test.csv', tasks, units: units ?? names.map((n) => makeUnit(n)), problems };
}

/** The real unit directory over the given directory units plus every unit the ledger's tasks name. */
export function makeDirectory(ledger: Ledger, directoryUnits: Unit[] = []): UnitDirectory {
  return createDirectory(directoryUnits, ledger.tasks.flatMap((t) => [...t.lead, ...t.assist]));
}

/** A problem row for ledger fixtures. */
export function makeProblem(fields: Partial<Problem> = {}): Problem {
  return { row: 3, column: '截止日期', severity: 'error', code: 'bad_date', message: '无法识别的日期', ...fields };
}
