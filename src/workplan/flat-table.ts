/**
 * Tables inside a text file: a table copied one cell per line ("序号\n重点任务\n牵头单位\n1\n推进……\n区发改委"), or
 * one row per line with tabs between the cells. Found by a header of known column names; the rest stays text.
 */
import { headingMarker } from './headings.js';
import { deadlineInField } from './deadline.js';
import { matchPlanHeader } from './table-headers.js';
import type { PlanBlock, PlanParagraph, PlanTable, TableCell } from './types.js';
import { isPersonName, looksLikeUnit, unitNames } from './unit-names.js';

const MIN_HEADERS = 3;
const UNIT_NAME = /(?:局|委|办|厅|部|署|中心|政府|街道|镇|乡|集团|公司|单位|部门|院|所|队|站|会)(?:[（(][^）)]*[）)])?$/;

/** The paragraphs with the tables among them turned into table blocks. */
export function findTextTables(paragraphs: readonly PlanParagraph[]): PlanBlock[] {
  const blocks: PlanBlock[] = [];
  for (let i = 0; i < paragraphs.length; ) {
    const table = tabbedTable(paragraphs, i) ?? cellPerLineTable(paragraphs, i);
    if (table) {
      blocks.push(table.block);
      i = table.next;
    } else {
      blocks.push(paragraphs[i]);
      i += 1;
    }
  }
  return blocks;
}

interface Found {
  block: PlanTable;
  next: number;
}

/**
 * Rows of cells under a header row of column names, the cells separated by tabs, or by spaces when the header is
 * (a table copied from a web page: "序号 工作任务 责任单位 完成时限"); a space-separated row must have every cell.
 */
function tabbedTable(paragraphs: readonly PlanParagraph[], start: number): Found | null {
  const first = paragraphs[start].text.trim();
  const tabbed = first.includes('\t');
  const separator = tabbed ? /\t/ : /\s+/;
  const header = first.split(separator).map((cell) => cell.trim());
  if (header.length < MIN_HEADERS || !header.every((name) => name === '' || isColumnName(name)) || !isHeader(header)) return null;
  const rows = [header];
  const lines = [paragraphs[start].line];
  let next = start + 1;
  for (; next < paragraphs.length; next++) {
    const text = paragraphs[next].text.trim();
    if (text === '') continue;
    const cells = text.split(separator).map((cell) => cell.trim());
    if (tabbed ? cells.length < 2 : cells.length !== header.length) break;
    rows.push(cells);
    lines.push(paragraphs[next].line);
  }
  return rows.length > 1 ? { block: table(rows, lines), next } : null;
}

/** A header of one name per line (序号 first), then rows of one cell per line, each starting with its number. */
function cellPerLineTable(paragraphs: readonly PlanParagraph[], start: number): Found | null {
  // Rows are told apart by their numbers: the header starts with 序号.
  const first = paragraphs[start].text.trim();
  if (first.length > 4 || matchPlanHeader(first) !== 'id') return null;
  const names: string[] = [];
  let i = start;
  while (i < paragraphs.length && names.length < 12) {
    const text = columnText(paragraphs[i].text);
    if (text === '' && names.length > 0) {
      i++;
      continue;
    }
    // A column name broken over two lines ("区政府" + "分管领导").
    let below = i + 1;
    while (below < paragraphs.length && columnText(paragraphs[below].text) === '') below++;
    const joined = below < paragraphs.length ? `${text}${columnText(paragraphs[below].text)}` : '';
    if (text !== '' && !/\d/.test(text) && !isColumnName(text) && isColumnName(joined)) {
      names.push(joined);
      i = below + 1;
      continue;
    }
    if (text === '' || !isColumnName(text)) break;
    names.push(text);
    i++;
  }
  if (names.length < MIN_HEADERS || !isHeader(names)) return null;
  const rows: string[][] = [names];
  const lines: number[] = [paragraphs[start].line];
  let next = i;
  let expected = 1;
  let rowSpansLost = false;
  while (next < paragraphs.length) {
    const text = paragraphs[next].text.trim();
    if (text === '') {
      next++;
      continue;
    }
    const group = text === String(expected) ? subRows(paragraphs, next, expected, names) : null;
    if (group) {
      rows.push(...group.rows);
      lines.push(...group.lines);
      rowSpansLost = true;
      expected++;
      next = group.next;
      continue;
    }
    if (text === String(expected)) {
      const cells: string[] = [text];
      let j = next + 1;
      // A row's cells run to the next row's number, a section heading, or as many cells as the header has.
      for (; j < paragraphs.length && cells.length < names.length; j++) {
        const cell = paragraphs[j].text.trim();
        if (cell === String(expected + 1) || isSection(cell)) break;
        if (cell !== '') cells.push(cell);
      }
      rows.push(arrange(cells, names));
      lines.push(paragraphs[next].line);
      expected++;
      next = j;
      continue;
    }
    if (isSection(text)) {
      rows.push([text]);
      lines.push(paragraphs[next].line);
      next++;
      continue;
    }
    break;
  }
  if (rows.length < 2) return null;
  const block = table(rows, lines);
  return { block: rowSpansLost ? { ...block, rowSpansLost: true } : block, next };
}

// "（1）地区生产总值增长5%左右。": a task row of its own under a numbered row naming the group ("1 | 主要预期目标").
const SUB_ROW = /^[（(]\d{1,2}[）)]/;
const MAX_GROUP_CELLS = 2;

/**
 * A numbered row whose tasks are sub-rows "（1）…", "（2）…": the group's cells (its name, perhaps a sub-group's) as
 * section rows, then a row per task. Cells merged over rows were copied once, on the first row they cover, so a
 * sub-row has only the cells that start on it: people go to the leader column, bodies to the lead column up to the
 * first place or collective (经开区, 各街道, 各成员单位), which assist. Null when the row has no sub-rows.
 */
function subRows(paragraphs: readonly PlanParagraph[], start: number, number: number, names: string[]): { rows: string[][]; lines: number[]; next: number } | null {
  const ends = (text: string) => text === String(number + 1) || isSection(text);
  const rows: string[][] = [];
  const lines: number[] = [];
  let j = start + 1;
  for (; j < paragraphs.length; j++) {
    const text = paragraphs[j].text.trim();
    if (text === '') continue;
    if (SUB_ROW.test(text)) break;
    if (ends(text) || rows.length === MAX_GROUP_CELLS) return null;
    rows.push([text]);
    lines.push(paragraphs[j].line);
  }
  if (j === paragraphs.length) return null;
  while (j < paragraphs.length && SUB_ROW.test(paragraphs[j].text.trim())) {
    const cells = [paragraphs[j].text.trim()];
    lines.push(paragraphs[j].line);
    let k = j + 1;
    for (; k < paragraphs.length; k++) {
      const cell = paragraphs[k].text.trim();
      if (cell === '') continue;
      if (SUB_ROW.test(cell) || ends(cell) || !(isUnitList(cell) || isPersonCell(cell) || isDateCell(cell))) break;
      cells.push(cell);
    }
    rows.push(subRow(cells, names));
    j = k;
  }
  return { rows, lines, next: j };
}

/** A sub-row's cells under the header's columns (see subRows). */
function subRow(cells: string[], names: string[]): string[] {
  const fields = names.map((name) => matchPlanHeader(name));
  const column = (field: string) => fields.indexOf(field as (typeof fields)[number]);
  const row = names.map(() => '');
  const task = column('title') !== -1 ? column('title') : column('detail');
  row[task] = cells[0];
  const bodies: string[] = [];
  for (const cell of cells.slice(1)) {
    if (isPersonCell(cell) && column('leader') !== -1) row[column('leader')] = [row[column('leader')], cell.replace(/\s+/g, '')].filter(Boolean).join('、');
    else if (isUnitList(cell)) bodies.push(cell);
    else if (column('due') !== -1) row[column('due')] = cell;
  }
  const firstHelper = column('assist') === -1 ? -1 : bodies.findIndex((cell, i) => i > 0 && unitNames(cell).every(isPlaceOrCollective));
  const leading = firstHelper === -1 ? bodies : bodies.slice(0, firstHelper);
  if (column('lead') !== -1) row[column('lead')] = leading.join('\n');
  if (firstHelper !== -1) row[column('assist')] = bodies.slice(firstHelper).join('\n');
  return row;
}

/** A person's name in a leader column, perhaps spaced ("吴 伟"): no body's or place's name. */
function isPersonCell(text: string): boolean {
  const name = text.replace(/\s+/g, '');
  return isPersonName(name) && !looksLikeUnit(name) && !isPlaceName(name);
}

// A place's short name, perhaps with another in brackets: 经开区, 高新区(邹区镇), 城东街道.
const PLACE = /^[\u4e00-\u9fa5]{1,8}(?:区|县|市|镇|乡|街道)$/;
const NOTE = /[（(][^）)]*[）)]$/;

function isPlaceName(name: string): boolean {
  return PLACE.test(name.replace(NOTE, ''));
}

/** Places and collectives (经开区, 各街道, 区安委会各成员单位): the usual assisting units of a row. */
function isPlaceOrCollective(name: string): boolean {
  return name.startsWith('各') || name.endsWith('各成员单位') || isPlaceName(name);
}

/** "一、…", "（二）…": a section heading between the rows. */
function isSection(text: string): boolean {
  return (headingMarker(text)?.level ?? 9) <= 2;
}
/**
 * A row's cells under the header's columns. As many cells as columns: in order. Fewer (empty cells left out): the
 * task text first, unit names to the unit columns in order, a date to the deadline column.
 */
function arrange(cells: string[], names: string[]): string[] {
  if (cells.length === names.length) return cells;
  const fields = names.map((name) => matchPlanHeader(name));
  const row = names.map(() => '');
  const take = (field: string, value: string): boolean => {
    const c = fields.findIndex((f, k) => f === field && row[k] === '');
    if (c === -1) return false;
    row[c] = value;
    return true;
  };
  row[0] = cells[0];
  for (const cell of cells.slice(1)) {
    if (isUnitList(cell) && (take('lead', cell) || take('assist', cell))) continue;
    if (isDateCell(cell) && take('due', cell)) continue;
    if (!take('title', cell) && !take('detail', cell)) take('category', cell);
  }
  return row;
}

/** A header cell's text without the spaces that spread it over its column ("工 作 标 准"). */
function columnText(text: string): string {
  return text.replace(/\s+/g, '');
}

/** A column name on a line of its own: short, unnumbered, a known header. */
function isColumnName(text: string): boolean {
  return text.length <= 12 && headingMarker(text) === null && matchPlanHeader(text) !== null;
}

/** A cell giving a date ("2024年12月底前", "6月底前"); any year will do to tell one. */
function isDateCell(text: string): boolean {
  return deadlineInField(text, 2000).due !== undefined;
}

function isUnitList(text: string): boolean {
  const names = unitNames(text);
  return names.length > 0 && names.every((name) => UNIT_NAME.test(name) || name.startsWith('各') || isPlaceName(name));
}

function isHeader(names: string[]): boolean {
  const fields = names.map((name) => matchPlanHeader(name));
  const task = fields.includes('title') || fields.includes('detail');
  const units = fields.includes('lead') || fields.includes('assist');
  return task && units && fields.filter((f) => f !== null).length >= MIN_HEADERS - 1;
}

function table(rows: string[][], lines: number[]): PlanTable {
  const cells: TableCell[][] = rows.map((row) => row.map((text) => ({ text })));
  return { kind: 'table', rows: cells, rowNumbers: lines, rowLines: lines, label: '', mergesKnown: false };
}
