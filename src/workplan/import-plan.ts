/**
 * A work plan → tasks with lead and assisting units, leaders, deadlines, the plan's phases, and what could not be
 * read. Pure: text, or a document of paragraphs and tables, in; data out. See test/workplan for the layouts it reads.
 */
import type { PlanDocument, PlanImport, PlanParagraph } from './types.js';
import { planYear } from './deadline.js';
import { findTextTables } from './flat-table.js';
import { joinWrappedLines } from './wrapped-lines.js';
import type { ImportContext } from './import-context.js';
import { readParagraphs } from './paragraphs.js';
import { readTaskTable } from './tables.js';
import { statesFirstLeads } from './unit-clause.js';

export interface ImportOptions {
  /** The plan's year, for dates written without one (default: read from the plan). */
  year?: number;
  /** Unit names the office knows (its directory): glued names ("区财政局区税务局") are split where two meet. */
  knownUnits?: readonly string[];
}

const NO_TASKS = '没有在文档中找到带责任单位的任务：请检查文档是否用“（责任单位：…，协助单位：…）”“牵头单位：…”“（X牵头，Y配合）”或带“责任单位”列的表格写明分工。';

/** Reads every task, phase and problem of a plan given as text (a .txt file's content) or as a document. */
export function importPlan(input: string | PlanDocument, options: ImportOptions = {}): PlanImport {
  const doc = typeof input === 'string' ? textDocument(input) : input;
  const lines = doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.rows.map((r) => r.map((c) => c.text).join(' '))));
  const ctx: ImportContext = {
    year: options.year ?? planYear(lines),
    known: new Set(options.knownUnits ?? []),
    unit: doc.unit,
    // "各项任务中排在第一位的为牵头单位", said anywhere in the plan's text (a note under a table too), holds for all of it.
    firstLeads: lines.some((line) => line.includes('第一') && statesFirstLeads(line.replace(/[（(][^（）()]*[）)]/g, ''))),
    firstGroupLeads: false,
    standing: { lead: [], assist: [] },
    headings: [],
    tasks: [],
    phases: [],
    problems: [],
    unrecognized: [],
  };
  let run: PlanParagraph[] = [];
  let header: string[] | null = null;
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') {
      if (block.text !== '') header = null;
      run.push(block);
      continue;
    }
    readParagraphs(run, ctx);
    run = [];
    header = readTaskTable(block, ctx, header);
    // A table that is not a table of tasks (no task or unit column) is read as its cells' text.
    if (header === null) readParagraphs(tableText(block), ctx);
  }
  readParagraphs(run, ctx);
  if (ctx.tasks.length === 0) ctx.problems.push(NO_TASKS);
  return { tasks: ctx.tasks, phases: ctx.phases, problems: ctx.problems, unrecognized: ctx.unrecognized, year: ctx.year };
}

/** A text file as a document: one paragraph per line (a paragraph wrapped over lines joined), tables typed into it found. */
export function textDocument(text: string): PlanDocument {
  const paragraphs: PlanParagraph[] = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line, i) => ({ kind: 'paragraph', text: line.trim(), line: i + 1 }));
  return { blocks: joinWrappedLines(findTextTables(paragraphs)), unit: '行' };
}

/** A table's cells as paragraphs, row by row, each cell's lines in order. */
function tableText(table: Extract<PlanDocument['blocks'][number], { kind: 'table' }>): PlanParagraph[] {
  return table.rows.flatMap((row, r) =>
    row
      .filter((cell) => !cell.merged)
      .flatMap((cell) => cell.text.split('\n'))
      .map((text): PlanParagraph => ({ kind: 'paragraph', text: text.trim(), line: table.rowLines[r] })),
  );
}
