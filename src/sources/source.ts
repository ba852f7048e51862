/** What every ledger source implements (read, revision, write-back, new rows), and what it returns. */
import type { IsoDate, LedgerField, RawTable, TrafficLight } from '../domain/types.js';

/** What one read of a ledger returns: the task tab, the unit-directory tab when there is one, and a revision. */
export interface LedgerRead {
  ledger: RawTable;
  units: RawTable | null;
  /** A version/revision/mtime token where the backend offers one, so an unchanged ledger is not re-parsed. */
  revision: string | null;
  /** Person names → Feishu open_ids, from Bitable person fields (absent for other backends). */
  people?: Record<string, string>;
}

/** A file or link given as evidence (佐证材料) of a completion. */
export interface EvidenceItem {
  name: string;
  /** A link to it where there is one (a Feishu file link, a cloud-drive URL). */
  url?: string;
}

/**
 * An update of one task: a liaison's progress report (`duban update`, chat) or a decision the office approved.
 * Every part is optional except the date; each is written only where the ledger has a column that can take it
 * (docs/write-back.md), the rest goes into the note entry or comes back in `WriteOutcome.unwritten`.
 */
export interface TaskUpdate {
  /** A status word as typed ("推进中", "办结", "已延期"): its meaning is written in the ledger's own word for it. */
  status?: string;
  /** Progress as typed ("80%", "0.8", "80"); written as a percent. */
  progress?: string;
  /** Appended to the existing note with date and name, never replacing it. */
  note?: string;
  /** Who reported or decided it (a name). */
  by?: string;
  /** The local date of the update (Asia/Shanghai), also written to 更新时间. */
  date: IsoDate;
  /** An approved extension's new deadline (截止日期); the old one is kept in 原截止日期 at the first extension and 延期次数 counts it. */
  newDue?: IsoDate;
  /** The completion date for 办结时间. */
  closedOn?: IsoDate;
  /** Appended to 佐证材料 (one dated line per update). */
  evidence?: EvidenceItem[];
  /** The warning level for the 预警 column. */
  warning?: TrafficLight;
}

export interface CellChange {
  /** The column header as in the sheet. */
  column: string;
  before: string;
  after: string;
}

/** Why part of an update is not in its own column. */
export type UnwrittenReason = 'no_column' | 'no_option' | 'field_type';

/** A part of an update the ledger could not take where it belongs. */
export interface Unwritten {
  field: LedgerField;
  /** The column's header in the sheet, or the canonical header when the sheet has no such column. */
  column: string;
  /** What was to be written, as text. */
  value: string;
  reason: UnwrittenReason;
  /** True when it was written into the note entry instead. */
  inNote: boolean;
}

/** What a write-back changed: the row it found the task on at write time and the cells it wrote. */
export interface WriteOutcome {
  id: string;
  row: number;
  /** Where the task was found, for backends without row numbers (a Bitable record); replaces “第 N 行” in messages. */
  place?: string;
  changes: CellChange[];
  /** Chinese notes for the user and the office, e.g. the ledger has no 更新时间 column, a select field lacks 已延期. */
  warnings?: string[];
  /** Parts of the update not written to their own column (so the caller can say so, or put them in its note). */
  unwritten?: Unwritten[];
}

/** What a column can take, where the backend knows it (a Bitable field's type and options, a sheet's dropdown list). */
export interface ColumnRule {
  /**
   * text: anything; choice: one of `options` (a select field, a data-validation list); number, date: only those;
   * auto: filled in by the backend (a modified-time field); none: nothing duban can write (formula, person, attachment).
   */
  takes: 'text' | 'choice' | 'number' | 'date' | 'auto' | 'none';
  options?: string[];
  /** A multi-select: several options at once. */
  multiple?: boolean;
  /** The texts the column holds in every row, where the table read for a write holds only the task's (Bitable). */
  used?: string[];
  /** The column's kind in words, for messages ("单选字段", "下拉列表", "附件字段"). */
  label: string;
}

/** Column index → its rule; a column without one takes text. */
export type ColumnRules = ReadonlyMap<number, ColumnRule>;

/** A task row to add to a ledger, by field, as text (`duban import-plan --out`); the source gives it an id. */
export type NewRow = Partial<Record<LedgerField, string>>;

/** What an append added: the ids the rows were given, where they went, and notes for the user. */
export interface AppendOutcome {
  ids: string[];
  /** "第 18–31 行", or the Bitable records made. */
  place: string;
  /** Chinese notes, e.g. the ledger has no 工作内容 column so the task texts went into 进展情况. */
  warnings: string[];
}

/**
 * A ledger where it lives: a local CSV/XLSX file, a Google Sheet, a Feishu sheet or a Feishu Bitable.
 * Opened by `openSource(location, …)` in ./open-source.ts; the location's form picks the backend.
 */
export interface LedgerSource {
  /** Human-readable location for messages (path or URL, never a credential). */
  readonly location: string;
  /** Reads the ledger and the unit directory, in one request where the backend allows. */
  read(): Promise<LedgerRead>;
  /** The current revision without reading the rows, or null when the backend offers none. */
  revision(): Promise<string | null>;
  /**
   * Writes the update into the row of the task with this id, found by id at write time; a missing or duplicated id
   * is refused with a clear error. Only the update's cells change, in the ledger's own words (docs/write-back.md).
   */
  updateTask(id: string, update: TaskUpdate): Promise<WriteOutcome>;
  /**
   * What the columns of `columns` can take over the table's data rows (select options, dropdown lists), for the
   * ledger check; absent for sources whose columns take any text (CSV).
   */
  columnRules?(table: RawTable, columns: number[]): Promise<ColumnRules>;
  /**
   * Reads another tab of the same spreadsheet by name (an XLSX sheet or `<name>.csv` beside a CSV ledger, a
   * Google/Feishu sheet tab, a Bitable table), its header the first non-blank row; null when there is no such tab.
   * Dates may arrive as serial day numbers (parseDateCell reads them). Optional: sources without tabs omit it.
   */
  readTab?(name: string): Promise<RawTable | null>;
  /**
   * Adds rows below the ledger's last row, never over a row that is there, in the ledger's own columns; ids continue
   * the ledger's numbering. Every backend offers it; a read-only source (the bundled example) omits it.
   */
  appendRows?(rows: NewRow[]): Promise<AppendOutcome>;
}
