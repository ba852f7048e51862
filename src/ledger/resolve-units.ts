/**
 * Unit names in lead/assist cells to canonical names through one directory built for the whole ledger.
 * A name the directory cannot settle is kept as written and reported once, at its first row, with a count.
 */
import type { Problem, Task, Unit } from '../domain/types.js';
import { createDirectory } from '../domain/directory.js';
import type { UnitDirectory } from '../domain/unit-directory.js';
import type { ColumnMap } from './columns.js';
import { problem } from './problems.js';

interface Sighting {
  row: number;
  column: string;
  count: number;
}

/** Builds the directory from the directory units and every name seen, rewrites task units to canonical names. */
export function resolveUnits(tasks: Task[], directoryUnits: Unit[], columns: ColumnMap, problems: Problem[]): UnitDirectory {
  const sightings = new Map<string, Sighting>();
  const see = (name: string, row: number, column: string): void => {
    const known = sightings.get(name);
    if (known) known.count++;
    else sightings.set(name, { row, column, count: 1 });
  };
  for (const task of tasks) {
    for (const name of task.lead) see(name, task.row, columns.header.lead);
    for (const name of task.assist) see(name, task.row, columns.header.assist);
  }
  const directory = createDirectory(directoryUnits, [...sightings.keys()]);
  const canonical = new Map<string, string>();
  for (const [name, sighting] of sightings) {
    canonical.set(name, settle(directory, name, sighting, directoryUnits.length > 0, problems));
  }
  // map() sizes the array exactly (these arrays live as long as the ledger); two spellings of one unit become one.
  const rename = (names: string[]): string[] => {
    const renamed = names.map((name) => canonical.get(name) ?? name);
    return renamed.every((name, i) => renamed.indexOf(name) === i) ? renamed : renamed.filter((name, i) => renamed.indexOf(name) === i);
  };
  for (const task of tasks) {
    task.lead = rename(task.lead);
    task.assist = rename(task.assist);
  }
  return directory;
}

function settle(directory: UnitDirectory, name: string, at: Sighting, hasDirectory: boolean, problems: Problem[]): string {
  const match = directory.resolve(name);
  const where = at.count > 1 ? `（共 ${at.count} 处）` : '';
  if (match.kind === 'found') {
    if (hasDirectory && !match.unit.inDirectory) {
      problems.push(problem(at.row, at.column, 'warning', 'unknown_unit',
        `单位「${name}」不在单位通讯录中${where}，提醒无法发给联络员；请在通讯录中添加该单位，或改写为通讯录中的名称`));
    }
    return match.unit.name;
  }
  if (match.kind === 'ambiguous') {
    const names = match.candidates.map((unit) => unit.name).join('、');
    problems.push(problem(at.row, at.column, 'warning', 'ambiguous_unit', `单位「${name}」可能是 ${names}${where}；请写全称`));
  } else {
    const near = match.near.length > 0 ? `（相近：${match.near.join('、')}）` : '';
    problems.push(problem(at.row, at.column, 'warning', 'unknown_unit', `单位「${name}」无法识别${near}${where}；请核对单位名称`));
  }
  return name;
}
