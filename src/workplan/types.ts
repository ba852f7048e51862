/** Shapes of a work plan: the document as read (paragraphs and tables) and the tasks imported from it. */
import type { IsoDate } from '../domain/types.js';

/** One paragraph (a line of a text file, a paragraph of a Word file). */
export interface PlanParagraph {
  kind: 'paragraph';
  text: string;
  /** 1-based line (text) or paragraph (Word) number. */
  line: number;
  /** The outline level of a Word heading paragraph (1 = 标题 1), when it is one. */
  heading?: number;
}

/** A table cell as read; `merged` when the cell is covered by the one above (a vertical merge) or on its left. */
export interface TableCell {
  text: string;
  merged?: 'up' | 'left';
}

/** A table: a Word table, a spreadsheet tab, a CSV file, or a table typed one cell per line. */
export interface PlanTable {
  kind: 'table';
  rows: TableCell[][];
  /** The number users see for each row (a sheet row, a table row, a line), for messages. */
  rowNumbers: number[];
  /** The line or paragraph each row starts at in the document. */
  rowLines: number[];
  /** How a row is named in messages: "表2" gives "表2第3行"; "" gives "第5行". */
  label: string;
  /** True when merged cells are marked (Word, XLSX); a CSV's blanks under a value may be merged cells or empty. */
  mergesKnown: boolean;
  /**
   * True for a table copied one cell per line whose cells merged over rows were copied once, on the first row they
   * cover: a row's blank unit and leader cells are the ones above it.
   */
  rowSpansLost?: true;
}

export type PlanBlock = PlanParagraph | PlanTable;

/** A document as the importer reads it: paragraphs and tables in reading order. */
export interface PlanDocument {
  blocks: PlanBlock[];
  /** What a paragraph number counts in messages: 行 for a text file, 段 for a Word file. */
  unit: '行' | '段';
}

/** One task found in the plan. */
export interface PlanTask {
  category: string;
  /** The item's name: its heading phrase or first clause. */
  title: string;
  /** The item's full text (工作内容), without its number and unit clause. */
  detail: string;
  lead: string[];
  assist: string[];
  /** Leaders in charge (责任领导): people, never units. */
  leader: string[];
  /** 1-based line, paragraph or row where the task's text starts. */
  line: number;
  /** Where the task is, for messages: "第40行", "第12段", "表1第3行". */
  place: string;
  due?: IsoDate;
  /** The deadline as written ("6月底前", "持续推进"), when the task names one. */
  dueText?: string;
}

/** Text that mentions units but gave no task, or a task-like item without units: listed for the office to check. */
export interface Unrecognized {
  line: number;
  place: string;
  text: string;
  reason: string;
}

/** A phase of the plan ("宣传发动阶段（2020年11月——12月）") with its date window. */
export interface PlanPhase {
  name: string;
  start: IsoDate | null;
  due: IsoDate | null;
  /** The date text as written. */
  raw: string;
}

export interface PlanImport {
  tasks: PlanTask[];
  phases: PlanPhase[];
  /** Chinese notes for the office: pointers to other documents, unreadable deadlines, tasks without a lead unit. */
  problems: string[];
  /** Lines mentioning units that gave no task, items without units ("未识别"). */
  unrecognized: Unrecognized[];
  /** The year dates without one are read in. */
  year: number | null;
}
