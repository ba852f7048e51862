/**
 * Tables inside a text file: a table copied one cell per line ("序号\n重点任务\n牵头单位\n1\n推进……\n区发改委"), or
 * one row per line with tabs between the cells. Found by a header of known column names; the rest stays text.
 */
import { headingMarker } from './headings.js';
import { deadlineInField } from './deadline.js';
import { matchPlanHeader } from './table-headers.js';
import type { PlanBlock, PlanParagraph, PlanTable, TableCell } from './types.js';
import { unitNames } from './unit-names.js';

const MIN_HEADERS = 3;
const UNIT_NAME = /(?:局|委|办|厅|部|署|中心|政府|街道|镇|乡|集团|公司|单位|部门|院|所|队|站|会)(?:（[^）]*）)?$/;

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
  const header: PlanParagraph[] = [];
  let i = start;
  while (i < paragraphs.length && header.length < 12) {
    const text = paragraphs[i].text.trim();
    if (text === '' && header.length > 0) {
      i++;
      continue;
    }
    if (text === '' || !isColumnName(text)) break;
    header.push(paragraphs[i]);
    i++;
  }
  const names = header.map((p) => p.text.trim());
  if (names.length < MIN_HEADERS || !isHeader(names)) return null;
  const rows: string[][] = [names];
  const lines: number[] = [header[0].line];
  let next = i;
  let expected = 1;
  while (next < paragraphs.length) {
    const text = paragraphs[next].text.trim();
    if (text === '') {
      next++;
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
  return { block: table(rows, lines), next };
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
    if (deadlineInField(cell, 2000).due !== undefined && take('due', cell)) continue;
    if (!take('title', cell) && !take('detail', cell)) take('category', cell);
  }
  return row;
}

/** A column name on a line of its own: short, unnumbered, a known header. */
function isColumnName(text: string): boolean {
  return text.length <= 12 && headingMarker(text) === null && matchPlanHeader(text) !== null;
}

function isUnitList(text: string): boolean {
  const names = unitNames(text);
  return names.length > 0 && names.every((name) => UNIT_NAME.test(name) || name.startsWith('各'));
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
