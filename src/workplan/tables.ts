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
import { isProblemHeader, isStrongLeadHeader, mayNameTaskColumn, matchPlanHeader } from './table-headers.js';
import { shortTitle } from './titles.js';
import type { PlanTable, PlanTask } from './types.js';
import { numberedItems, unitsByItem } from './numbered-units.js';
import { readFieldLine, readUnitCell } from './unit-clause.js';
import { looksLikeUnit, unitNames } from './unit-names.js';

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
  /** The 责任单位 columns beside a 牵头单位 one: they lead a row whose 牵头单位 cell is empty. */
  responsible: number[];
  /** True when the task column describes a problem to fix (督查 findings): its dates tell what happened, not a deadline. */
  problems: boolean;
  /** Columns kept in the task's text under their header: the divisions inside a unit beside the units' columns. */
  notes: number[];
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
  // Not a section row spanning the table ("一、主要预期目标" in every cell of a merged row).
  const names = below.filter((text) => matchPlanHeader(text) !== null && headingMarker(text) === null);
  if (new Set(names).size >= 2 && below.every((text, c) => text === '' || text === headers[c] || matchPlanHeader(text) !== null)) {
    below.forEach((text, c) => (headers[c] = matchPlanHeader(text) ? text : headers[c]));
    first += 1;
  }
  const columns = columnsOf(headers, texts.slice(first));
  if (columns === null) return null;
  readRows(table, texts, first, headers, columns, ctx);
  return headers;
}

// "市卫健委内牵头处室" beside "牵头单位": the divisions inside one of the units, not units of the plan.
const DIVISION_HEADER = /处室|科室|内设机构/;
const UNIT_HEADER = /单位|部门/;

function columnsOf(headers: string[], body: string[][]): Columns | null {
  const { columns } = mapColumns(headers, matchPlanHeader);
  const withRole = (role: LedgerField) => headers.map((text, i) => [text, i] as const).filter(([text]) => matchPlanHeader(text) === role);
  const unitHeaders = [...withRole('lead'), ...withRole('assist')].map(([text]) => text);
  const divisionsBeside = unitHeaders.some((text) => UNIT_HEADER.test(text) && !DIVISION_HEADER.test(text));
  const ofUnits = ([text]: readonly [string, number]) => !(divisionsBeside && DIVISION_HEADER.test(text));
  const unitColumns = withRole('lead').filter(ofUnits);
  const strong = unitColumns.find(([text]) => isStrongLeadHeader(text)) ?? unitColumns[0];
  const responsible = unitColumns.filter((c) => c !== strong).map(([, i]) => i);
  const assist = withRole('assist').filter(ofUnits).map(([, i]) => i);
  const index = (field: LedgerField) => columns.index[field];
  const result: Columns = {
    title: index('title'),
    detail: index('detail') === index('title') ? undefined : index('detail'),
    category: index('category'),
    due: index('due'),
    leader: index('leader'),
    lead: strong?.[1],
    assist: [...responsible, ...assist],
    responsible: strong !== undefined && isStrongLeadHeader(strong[0]) ? responsible : [],
    problems: false,
    notes: [...withRole('lead'), ...withRole('assist')].filter((column) => !ofUnits(column)).map(([, i]) => i),
  };
  if (result.lead === undefined && result.assist.length === 0 && result.leader === undefined) return null;
  if (result.title === undefined && result.detail === undefined) result.title = taskColumnByText(headers, body);
  // A list of problems found (存在问题 | 整改责任单位) with no other task column: each problem is a task to fix.
  if (result.title === undefined && result.detail === undefined && result.category !== undefined && isProblemHeader(headers[result.category])) {
    return { ...result, title: result.category, category: undefined, problems: true };
  }
  return result.title === undefined && result.detail === undefined ? null : result;
}

// A task column holds sentences: its cells run this many Chinese characters on average, and most rows fill it.
const TASK_TEXT_LENGTH = 6;
const HAN = /[\u4e00-\u9fa5]/g;

/**
 * The task column of a table whose header names units but no task ("惠民实事", "攻坚内容"): the column under a header
 * that names no other field whose cells are the longest, when they read like tasks (most rows filled, several words).
 */
function taskColumnByText(headers: string[], body: string[][]): number | undefined {
  const rows = body.filter((row) => row.some((text) => text !== ''));
  let best: { column: number; length: number } | undefined;
  headers.forEach((header, c) => {
    if (!mayNameTaskColumn(header)) return;
    const cells = rows.map((row) => row[c] ?? '').filter((text) => text !== '');
    // Most rows fill it, and with more than names of bodies (a column of units is not one of tasks).
    if (cells.length * 2 < rows.length || cells.filter(namesBodies).length * 2 > cells.length) return;
    // Chinese characters, not digits: a column of phone numbers or dates is no task column.
    const length = cells.reduce((n, text) => n + (text.match(HAN)?.length ?? 0), 0) / cells.length;
    if (length >= TASK_TEXT_LENGTH && (best === undefined || length > best.length)) best = { column: c, length };
  });
  return best?.column;
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
    if (values.length === 0 || repeatsHeader(cells, headers)) continue;
    const titleColumn = columns.title ?? columns.detail!;
    if (isSectionRow(row, cells, values, columns, titleColumn)) {
      section = cleanText(values[values.length - 1]);
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
      const fillable = [...FILLED.map((key) => columns[key] as number | undefined), ...(table.rowSpansLost ? [...columns.assist, columns.leader] : [])];
      for (const c of fillable) {
        if (c !== undefined && cells[c] === '' && above[c] !== '') {
          cells[c] = above[c];
          if (c !== columns.category) filledRuns.add(`${table.label}「${headers[c]}」列`);
        }
      }
    }
    above = cells;
    const titleText = cellOf(cells, columns.title);
    const detailText = cellOf(cells, columns.detail);
    const units = unitsOf(cells, columns, ctx);
    const category = columns.category !== undefined && cells[columns.category] !== '' ? cleanText(cells[columns.category]) : section;
    const draft = { category, dueFromFieldsOnly: columns.problems, line: table.rowLines[r], place };
    if (itemTasks(ctx, detailText || titleText, cellOf(cells, columns.lead), draft)) {
      previous = null;
      continue;
    }
    const both = titleText !== '' && detailText !== '';
    const notes = columns.notes.filter((c) => cellOf(cells, c) !== '').map((c) => `${headers[c]}：${cellOf(cells, c)}`);
    previous = addTask(ctx, {
      texts: [...(both && shortTitle(titleText) === cleanText(titleText) ? [detailText] : [titleText, detailText].filter((t) => t !== '')), ...notes],
      title: both ? shortTitle(titleText) : undefined,
      ...units,
      dueFields: columns.due !== undefined && cells[columns.due] !== '' ? [cells[columns.due]] : [],
      ...draft,
    });
  }
  for (const run of filledRuns) ctx.problems.push(`${run}有空白单元格，已按合并单元格沿用上一行的内容，请核对`);
}

/**
 * A row whose unit cell gives each unit its item numbers ("X（1-2）、Y（3）") over a task cell of items "(1)…(2)…(3)…":
 * one task per item with its units. False when the row is not laid out so.
 */
function itemTasks(ctx: ImportContext, text: string, unitCell: string, draft: { category: string; dueFromFieldsOnly: boolean; line: number; place: string }): boolean {
  const byItem = unitsByItem(unitCell);
  const items = byItem ? numberedItems(text) : [];
  if (!byItem || items.length === 0 || !items.every((item) => byItem.has(item.number))) return false;
  for (const item of items) {
    const units = readUnitCell(byItem.get(item.number)!.join('、'), 'lead', ctx);
    addTask(ctx, { texts: [item.text], ...units, dueFields: [], ...draft });
  }
  return true;
}

function unitsOf(cells: string[], columns: Columns, ctx: ImportContext): { lead: string[]; assist: string[]; leader: string[] } {
  // A row with its 牵头单位 cell empty: its 责任单位 lead (they are the only units the row makes responsible).
  const leadColumns = columns.lead !== undefined && (cells[columns.lead] ?? '') === '' && columns.responsible.length > 0 ? columns.responsible : [columns.lead];
  const leadCells = leadColumns.flatMap((c) => (c === undefined || (cells[c] ?? '') === '' ? [] : [cells[c]]));
  const lead = leadCells.length === 0 ? { lead: [], assist: [], leader: [] } : readUnitCell(leadCells.join('\n'), 'lead', ctx);
  const assist = columns.assist.filter((c) => !leadColumns.includes(c)).flatMap((c) => readUnitCell(cells[c] ?? '', 'assist', ctx).assist);
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

/** True when the cell only names bodies ("县发展和改革委员会", "县城管局\n县住建局"). */
function namesBodies(text: string): boolean {
  const names = unitNames(text);
  return names.length > 0 && names.every(looksLikeUnit);
}

/** A header row repeated inside the table (where it went over a page): every filled cell is its column's header. */
function repeatsHeader(cells: string[], headers: string[]): boolean {
  const bare = (text: string) => text.replace(/\s+/g, '');
  const filled = cells.filter((text) => text !== '');
  return filled.length >= 2 && cells.every((text, c) => text === '' || bare(text) === bare(headers[c] ?? ''));
}

function cellOf(cells: string[], column: number | undefined): string {
  return column === undefined ? '' : (cells[column] ?? '').trim();
}

const SECTION_NUMBER = /^(?:[一二三四五六七八九十]+|[（(][一二三四五六七八九十]+[）)])[、.．]?$/;

/**
 * A row naming a section ("一、经济发展"): one text, no units, spanning the table, outside the task columns, or
 * numbered like a section ("一、", "（一）"). A task cell alone is a task without units (listed, not a heading).
 */
function isSectionRow(row: PlanTable['rows'][number], cells: string[], values: string[], columns: Columns, titleColumn: number): boolean {
  // "一 | 推进碳达峰碳中和综合管理 (merged over the rest)": a section with its number in a column of its own.
  if (new Set(values).size === 2 && SECTION_NUMBER.test(cells[0] ?? '') && row.slice(2).every((cell) => cell.merged === 'left')) return true;
  if (new Set(values).size !== 1) return false;
  if (row.some((cell) => cell.merged === 'left')) return true;
  if ([columns.lead, ...columns.assist].some((c) => c !== undefined && (cells[c] ?? '') !== '')) return false;
  const inTaskColumn = cells[titleColumn] === values[0] || (columns.detail !== undefined && cells[columns.detail] === values[0]);
  return !inTaskColumn || (headingMarker(values[0])?.level ?? 9) <= 2;
}
