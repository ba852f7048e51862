/**
 * Core data shapes shared by every part of duban. Pure data: no I/O, no classes.
 * Dates are ISO local dates ("YYYY-MM-DD") in the ledger's timezone (Asia/Shanghai by default);
 * date arithmetic never goes through the server's own timezone.
 */

/** An ISO local date, "YYYY-MM-DD". */
export type IsoDate = string;

/** The four completion states a status word maps to. */
export type TaskState = 'not_started' | 'in_progress' | 'done' | 'paused';

/** The template's columns, in template order (sheets-templates/ledger-template.*, import-plan's rows). */
export const TEMPLATE_FIELDS = [
  'id',
  'category',
  'title',
  'lead',
  'assist',
  'start',
  'due',
  'status',
  'progress',
  'note',
  'updated',
  // Optional: the task's full text (任务 stays short) and the leaders in charge (people, never units).
  'detail',
  'leader',
] as const;

/**
 * Columns an office adds for the supervision loop (extensions, completion, warnings): read when present, and written
 * back by duban only where the sheet has them.
 */
export const LOOP_FIELDS = ['originalDue', 'extensions', 'closed', 'evidence', 'warning'] as const;

/** Every ledger field duban reads: the template's, then the loop's. */
export const LEDGER_FIELDS = [...TEMPLATE_FIELDS, ...LOOP_FIELDS] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

/** A cell as a source delivers it: text, or a number (Excel/Sheets serial dates stay numbers). */
export type Cell = string | number | boolean | null;

/** A sheet as read from any source: the header row and the data rows, each with the row number the user sees. */
export interface RawTable {
  /** Where it came from, for messages: a file path, a URL, "tab 台账". */
  source: string;
  /** Row number (1-based, as shown in the spreadsheet) of the header row. */
  headerRow: number;
  headers: string[];
  rows: RawRow[];
  /** Problems met while reading (a CSV with malformed quotes read leniently), reported with the ledger's own. */
  readProblems?: Problem[];
}

export interface RawRow {
  /** 1-based row number as the user sees it in the sheet. */
  row: number;
  cells: Cell[];
}

export type Severity = 'error' | 'warning';

/** One finding of the ledger check (表格体检). */
export interface Problem {
  /** Row number as the user sees it; null for whole-sheet problems (a missing column). */
  row: number | null;
  /** The column header as the user wrote it (or the canonical header when the column is missing). */
  column: string;
  severity: Severity;
  /** Stable machine code, e.g. "missing_column", "bad_date", "duplicate_id". */
  code: string;
  /** Chinese message that says what is wrong and how to fix it; a row problem's message starts with its place. */
  message: string;
  /** The table the row is in when it is not the ledger itself: the unit directory or the calendar tab. */
  sheet?: string;
}

/** A task, parsed. `raw` keeps the original text of every field beside the parsed value. */
export interface Task {
  id: string;
  /** Sheet row number (as the user sees it). */
  row: number;
  category: string;
  title: string;
  /** Canonical unit names (resolved through the directory or normalisation), in cell order. */
  lead: string[];
  assist: string[];
  start: IsoDate | null;
  due: IsoDate | null;
  /** "长期坚持", "常态化", ongoing: no deadline on purpose. */
  ongoing: boolean;
  /** Recurring deadline text such as "每季度末", kept for display; `due` is its next occurrence when computable. */
  recurring: string | null;
  status: TaskState;
  /** "已延期": an approved extension; the original deadline stays visible in raw.due. */
  extended: boolean;
  /** 0..100, or null when the cell is empty or unreadable. */
  progress: number | null;
  note: string;
  updated: IsoDate | null;
  raw: Record<LedgerField, string>;
}

/** A unit (责任单位/协助单位) and how to reach it. */
export interface Unit {
  /** Canonical name, as in the directory or as first seen in the ledger. */
  name: string;
  aliases: string[];
  liaison: string | null;
  /** Feishu open_id, email or mobile. */
  liaisonAccount: string | null;
  /** Feishu chat_id of the unit's work group. */
  chat: string | null;
  /** The unit's leader (分管领导), for escalation. */
  leader: string | null;
  leaderAccount: string | null;
  /** True when the unit came from the directory (not only seen in the ledger). */
  inDirectory: boolean;
}

export interface Ledger {
  source: string;
  tasks: Task[];
  units: Unit[];
  problems: Problem[];
}

/** Result of resolving a name to a unit. */
export type UnitMatch =
  | { kind: 'found'; unit: Unit }
  | { kind: 'ambiguous'; candidates: Unit[] }
  | { kind: 'unknown'; query: string; near: string[] };

/** Working-day calendar. Weekends only in the core; Chinese holidays and 调休 come from src/calendar. */
export interface WorkCalendar {
  isWorkday(date: IsoDate): boolean;
  /** The date n working days after `date` (n may be 0: the date itself if a workday, else the next one). */
  addWorkdays(date: IsoDate, n: number): IsoDate;
  /** Working days in (from, to]: 0 when to <= from. */
  workdaysBetween(from: IsoDate, to: IsoDate): number;
}

/** Graded warning (预警): green on schedule, blue due within a few working days, yellow behind or just overdue, red far behind or long overdue. */
export type TrafficLight = 'green' | 'blue' | 'yellow' | 'red';

/** Thresholds an office sets; defaults in src/reports/options.ts. */
export interface ReportOptions {
  /** Due soon = due within this many working days (default 3). */
  dueSoonWorkdays: number;
  /** Behind schedule when progress trails the elapsed share of the window by more than this many points (default 10). */
  behindPoints: number;
  /** Red when behind by more than this many points (default 30). */
  redBehindPoints: number;
  /** Overdue for more than this many working days → 建议督办 (default 5). */
  escalateAfterWorkdays: number;
  /** Red when overdue by more than this many working days (default 5); less is yellow. */
  redOverdueWorkdays: number;
}

/** A task classified for a date. */
export interface TaskView {
  task: Task;
  overdue: boolean;
  /** Calendar days past the due date (0 when not overdue). */
  daysOverdue: number;
  /** Working days past the due date (0 when not overdue). */
  workdaysOverdue: number;
  dueSoon: boolean;
  /** Working days until due (0 on the due day), null without a due date or when overdue. */
  workdaysLeft: number | null;
  behind: boolean;
  /** Share of the start–due window elapsed, 0..100, null when unknown. */
  expectedProgress: number | null;
  /** Points behind the expected progress (序时进度 − 进度) of an open task; null when either is unknown. */
  lag: number | null;
  light: TrafficLight;
  escalate: boolean;
}
