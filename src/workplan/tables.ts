/**
 * A task-breakdown table (分解表: a Word table, a spreadsheet tab, a CSV) → tasks, its columns found through the
 * ledger's header aliases. Rows spanning the table are section headings; a task cell merged over several rows is one
 * task; a CSV's blank category and unit cells under a filled one are read as merged cells and said so.
 */
import type { LedgerField } from '../domain/types.js';
import { mapColumns } from '../ledger/columns.js';
import { hasHeaderRow, tableFromRows } from '../ledger/header-row.js';
import { cleanText, headingMarker } from './headings.js';
import { addTask, currentCategory, type ImportContext } from './import-context.js';
import { isStrongLeadHeader, matchPlanHeader } from './table-headers.js';
import { shortTitle } from './titles.js';
import type { PlanTable, PlanTask } from './types.js';
import { readFieldLine, readUnitCell } from './unit-clause.js';

/** The columns a table of tasks needs: its task text and at least one unit column. */
interface Columns {
  title: number | undefined;
  detail: number | undefined;
  category: number | undefined;
  due: number | undefined;
  leader: number | undefined;
  lead: number | undefined;
  /** 配合单位 columns, and a 责任单位 column beside a 牵头单位 one. */
  assist: number[];
}

const FILLED: readonly (keyof Columns)[] = ['category', 'lead', 'due'];

/**
 * Reads the table's tasks into the context and returns the header it read them by; null when it is not a table of
 * tasks (no task or unit column). A table without a header row of its own that is as wide as the table before it
 * (a long table split in two) is read by that table's header, `carried`.
 */
export function readTaskTable(table: PlanTable, ctx: ImportContext, carried: string[] | null = null): string[] | null {
  const texts = table.rows.map((row) => row.map((cell) => cell.text.trim()));
  const isHeader = (text: string): boolean => matchPlanHeader(text) !== null;
  // A title merged across the table ("××县2016年重点任务分解表") is one cell, not a header row of its copies.
  const own = texts.map((row, r) => row.map((text, c) => (table.rows[r][c].merged === 'left' ? '' : text)));
  const hasOwn = hasHeaderRow(own, isHeader);
  if (!hasOwn && !(carried && texts.every((row) => row.length === carried.length))) return null;
  const found = hasOwn ? tableFromRows(table.label, own, isHeader) : { headerRow: 0, headers: carried! };
  let first = found.headerRow;
  const headers = [...found.headers];
  // A second header row under a merged one ("责任单位" over "牵头单位 | 配合单位").
  const below = texts[first] ?? [];
  if (below.filter((text) => matchPlanHeader(text) !== null).length >= 2 && below.every((text, c) => text === '' || text === headers[c] || matchPlanHeader(text) !== null)) {
    below.forEach((text, c) => (headers[c] = matchPlanHeader(text) ? text : headers[c]));
    first += 1;
  }
  const columns = columnsOf(headers);
  if (columns === null) return null;
  readRows(table, texts, first, headers, columns, ctx);
  return headers;
}

function columnsOf(headers: string[]): Columns | null {
  const { columns } = mapColumns(headers, matchPlanHeader);
  const unitColumns = headers.map((text, i) => [text, i] as const).filter(([text]) => matchPlanHeader(text) === 'lead');
  const strong = unitColumns.find(([text]) => isStrongLeadHeader(text)) ?? unitColumns[0];
  const assist = headers.map((text, i) => [text, i] as const).filter(([text]) => matchPlanHeader(text) === 'assist').map(([, i]) => i);
  const index = (field: LedgerField) => columns.index[field];
  const result: Columns = {
    title: index('title'),
    detail: index('detail') === index('title') ? undefined : index('detail'),
    category: index('category'),
    due: index('due'),
    leader: index('leader'),
    lead: strong?.[1],
    assist: [...unitColumns.filter((c) => c !== strong).map(([, i]) => i), ...assist],
  };
  if (result.title === undefined && result.detail === undefined) return null;
  return result.lead === undefined && result.assist.length === 0 && result.leader === undefined ? null : result;
}

function readRows(table: PlanTable, texts: string[][], first: number, headers: string[], columns: Columns, ctx: ImportContext): void {
  let section = currentCategory(ctx);
  let previous: PlanTask | null = null;
  let above: string[] | null = null;
  const filledRuns = new Set<string>();
  for (let r = first; r < texts.length; r++) {
    const cells = [...texts[r]];
    const row = table.rows[r];
    const place = `${table.label}第${table.rowNumbers[r]}行`;
    const values = cells.filter((text) => text !== '');
    if (values.length === 0) continue;
    const titleColumn = columns.title ?? columns.detail!;
    if (isSectionRow(row, cells, values, columns, titleColumn)) {
      section = cleanText(values[0]);
      above = null;
      previous = null;
      continue;
    }
    // A task cell merged over this row, its text too: the same task, with more units. (Rows under one merged task name,
    // each with its own measures and units, are tasks of their own.)
    const sameText = columns.detail === undefined || row[columns.detail]?.merged === 'up' || cells[columns.detail] === '';
    if (previous && row[titleColumn]?.merged === 'up' && sameText) {
      addUnits(previous, cells, columns, ctx);
      continue;
    }
    if (!table.mergesKnown && above) {
      for (const key of FILLED) {
        const c = columns[key] as number | undefined;
        if (c !== undefined && cells[c] === '' && above[c] !== '') {
          cells[c] = above[c];
          if (key !== 'category') filledRuns.add(`${table.label}「${headers[c]}」列`);
        }
      }
    }
    above = cells;
    const titleText = cellOf(cells, columns.title);
    const detailText = cellOf(cells, columns.detail);
    const units = unitsOf(cells, columns, ctx);
    const category = columns.category !== undefined && cells[columns.category] !== '' ? cleanText(cells[columns.category]) : section;
    const both = titleText !== '' && detailText !== '';
    previous = addTask(ctx, {
      texts: both && shortTitle(titleText) === cleanText(titleText) ? [detailText] : [titleText, detailText].filter((t) => t !== ''),
      title: both ? shortTitle(titleText) : undefined,
      category,
      ...units,
      dueFields: columns.due !== undefined && cells[columns.due] !== '' ? [cells[columns.due]] : [],
      line: table.rowLines[r],
      place,
    });
  }
  for (const run of filledRuns) ctx.problems.push(`${run}有空白单元格，已按合并单元格沿用上一行的内容，请核对`);
}

function unitsOf(cells: string[], columns: Columns, ctx: ImportContext): { lead: string[]; assist: string[]; leader: string[] } {
  const lead = columns.lead === undefined ? { lead: [], assist: [], leader: [] } : readUnitCell(cells[columns.lead] ?? '', 'lead', ctx);
  const assist = columns.assist.flatMap((c) => readUnitCell(cells[c] ?? '', 'assist', ctx).assist);
  const leaderCell = columns.leader === undefined ? '' : cells[columns.leader] ?? '';
  const leader = leaderCell === '' ? [] : (readFieldLine(`责任领导：${leaderCell}`)?.leader ?? []);
  const assisting = [...lead.assist, ...assist].filter((u, i, all) => all.indexOf(u) === i && !lead.lead.includes(u));
  return { lead: lead.lead, assist: assisting, leader: [...lead.leader, ...leader] };
}

/** A row under a merged task cell: its units join the task's. */
function addUnits(task: PlanTask, cells: string[], columns: Columns, ctx: ImportContext): void {
  const units = unitsOf(cells, columns, ctx);
  for (const [list, more] of [[task.lead, units.lead], [task.assist, units.assist], [task.leader, units.leader]] as const) {
    for (const name of more) if (!list.includes(name) && !task.lead.includes(name)) list.push(name);
  }
}

function cellOf(cells: string[], column: number | undefined): string {
  return column === undefined ? '' : (cells[column] ?? '').trim();
}

/**
 * A row naming a section ("一、经济发展"): one text, no units, spanning the table, outside the task columns, or
 * numbered like a section ("一、", "（一）"). A task cell alone is a task without units (listed, not a heading).
 */
function isSectionRow(row: PlanTable['rows'][number], cells: string[], values: string[], columns: Columns, titleColumn: number): boolean {
  if (new Set(values).size !== 1) return false;
  if (row.some((cell) => cell.merged === 'left')) return true;
  if ([columns.lead, ...columns.assist].some((c) => c !== undefined && (cells[c] ?? '') !== '')) return false;
  const inTaskColumn = cells[titleColumn] === values[0] || (columns.detail !== undefined && cells[columns.detail] === values[0]);
  return !inTaskColumn || (headingMarker(values[0])?.level ?? 9) <= 2;
}
