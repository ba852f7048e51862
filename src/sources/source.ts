/** What every ledger source implements (read, revision, write-back, new rows), and what it returns. */
import type { IsoDate, LedgerField, RawTable } from '../domain/types.js';

/** What one read of a ledger returns: the task tab, the unit-directory tab when there is one, and a revision. */
export interface LedgerRead {
  ledger: RawTable;
  units: RawTable | null;
  /** A version/revision/mtime token where the backend offers one, so an unchanged ledger is not re-parsed. */
  revision: string | null;
  /** Person names → Feishu open_ids, from Bitable person fields (absent for other backends). */
  people?: Record<string, string>;
}

/** A progress update for one task, as typed by a liaison (`duban update`, or in chat). */
export interface TaskUpdate {
  /** Status word as the user typed it ("已完成"); written as text. */
  status?: string;
  /** Progress as typed ("80%", "0.8", "80"); written normalised as "80%". */
  progress?: string;
  /** Appended to the existing note with date and name, never replacing it. */
  note?: string;
  /** Who reported it (a liaison's name). */
  by?: string;
  /** The local date of the update (Asia/Shanghai), also written to 更新时间. */
  date: IsoDate;
}

export interface CellChange {
  /** The column header as in the sheet. */
  column: string;
  before: string;
  after: string;
}

/** What a write-back changed: the row it found the task on at write time and the cells it wrote. */
export interface WriteOutcome {
  id: string;
  row: number;
  /** Where the task was found, for backends without row numbers (a Bitable record); replaces “第 N 行” in messages. */
  place?: string;
  changes: CellChange[];
  /** Chinese notes for the user, e.g. the ledger has no 更新时间 column so no date was recorded. */
  warnings?: string[];
}

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
   * Writes status / progress / note / updated for the task with this id. The row is found by id at write
   * time; a missing or duplicated id is refused with a clear error. Only those cells change.
   */
  updateTask(id: string, update: TaskUpdate): Promise<WriteOutcome>;
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
