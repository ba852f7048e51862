/**
 * The write-back core shared by every backend (pure): given the ledger as re-read at write time and what its
 * columns can take, find the task's row by id and compute the cells to write — each value in the column's own
 * form and words (docs/write-back.md). Backends only translate the plan into their own cell addresses and types.
 */
import { isIsoDate } from '../calendar/dates.js';
import type { Cell, LedgerField, RawRow, RawTable, TrafficLight } from '../domain/types.js';
import { CANONICAL_HEADERS } from '../ledger/headers.js';
import { parseProgress } from '../ledger/progress.js';
import { parseStatus, plainStatusKey, STATUS_TEMPLATE_WORDS as STATUS_WORDS, type StatusKey } from '../ledger/status.js';
import { cellText } from '../ledger/text.js';
import { LIGHT_LABELS, STATE_LABELS } from '../reports/labels.js';
import { dateFormOf, formatDate } from './date-form.js';
import { chooseWord, columnWords, hasWord, lightOf, type ColumnWords } from './ledger-words.js';
import type { CellChange, ColumnRule, ColumnRules, TaskUpdate, Unwritten, UnwrittenReason } from './source.js';
import { fieldColumns, locateTask } from './task-row.js';
import { WriteBackError } from './write-back-error.js';
import { appendLine, entryPrefix, neutraliseFormula, normaliseProgress } from './write-text.js';

export { WriteBackError } from './write-back-error.js';
export { appendNote, neutraliseFormula, normaliseProgress } from './write-text.js';

/** How a backend stores a planned value: a date, a percent, a count, one option of a fixed list, or text. */
export type WriteKind = 'text' | 'date' | 'percent' | 'count' | 'choice';

/** One cell to write: which column (0-based index into the header row), the text before and after, and how to store it. */
export interface PlannedCell extends CellChange {
  field: LedgerField;
  columnIndex: number;
  kind: WriteKind;
  /** For a cell appended to (进展情况, 佐证材料): the line appended, so a write can check it is still there afterwards. */
  entry?: string;
  /** For a multi-select: the options to set. */
  options?: string[];
}

export interface WritePlan {
  id: string;
  /** Row number as the user sees it in the sheet. */
  row: number;
  /** Index into `table.rows`. */
  rowIndex: number;
  idColumn: number;
  /** Only the cells whose text changes. */
  cells: PlannedCell[];
  /** Chinese notes for the user and the office, e.g. a missing 更新时间 column, a select field without 已延期. */
  warnings: string[];
  /** Parts of the update not written to their own column. */
  unwritten: Unwritten[];
}

/** "办结", "done", "已延期" → the template's word (已完成 …); a word duban cannot read is refused rather than written. */
export function normaliseStatus(input: string): string {
  return STATUS_WORDS[statusKeyOf(input)];
}

function statusKeyOf(input: string): StatusKey {
  const parsed = parseStatus(input.trim());
  if (!parsed || !input.trim()) {
    throw new WriteBackError(`状态“${input}”无法识别，请写 ${Object.values(STATE_LABELS).join('、')} 之一（获批延期写“已延期”）。`);
  }
  return parsed.extended ? 'extended' : parsed.state;
}

// What each part of an update is called in messages and in the note.
const WHAT: Partial<Record<LedgerField, string>> = { updated: '更新日期', extensions: '延期次数', closed: '办结时间', warning: '预警等级' };

// Excel holds at most 32,767 characters in a cell and "repairs" (truncates) a file with a longer one.
const MAX_CELL_CHARS = 32_767;

/** An update's parts, read and checked before anything is read or written: a bad status or progress is refused. */
export function readUpdate(update: TaskUpdate) {
  const status = update.status === undefined ? undefined : { typed: update.status.trim(), key: statusKeyOf(update.status) };
  const progress = update.progress === undefined ? undefined : normaliseProgress(update.progress);
  const evidence = (update.evidence ?? []).filter((item) => item.name.trim() || item.url);
  for (const [what, date] of [['新的截止日期', update.newDue], ['办结时间', update.closedOn], ['更新日期', update.date]] as const) {
    if (date !== undefined && !isIsoDate(date)) throw new WriteBackError(`${what}“${date}”不是有效的日期，请写成 YYYY-MM-DD，如 2022-07-31。`);
  }
  // A report on the task (anything but a 预警 the reports compute) also sets 更新时间.
  const reported = [status, progress, update.note?.trim() || undefined, update.newDue, update.closedOn, evidence[0]].some((part) => part !== undefined);
  if (!reported && update.warning === undefined) throw new WriteBackError('没有要写入的内容：请至少给出状态、进度或进展情况之一。');
  return { status, progress, evidence, reported };
}

/** Finds the task's row by id and plans the changed cells; throws WriteBackError when it must refuse. */
export function planWriteBack(table: RawTable, id: string, update: TaskUpdate, rules: ColumnRules = new Map()): WritePlan {
  const { status, progress, evidence, reported } = readUpdate(update);
  const task = locateTask(table, id);
  const plan = new Planner(table, task.row, rules);
  if (status) plan.status(status.typed, status.key);
  if (progress !== undefined) plan.put('progress', 'percent', progress, 'note');
  if (update.newDue !== undefined) plan.extend(update.newDue);
  if (update.closedOn !== undefined) plan.put('closed', 'date', plan.dateIn('closed', update.closedOn), 'report');
  if (evidence.length > 0) plan.evidence(evidence.map((item) => (item.url ? `${item.name.trim()}（${item.url}）` : item.name.trim())).join('；'), update);
  if (update.warning !== undefined) plan.warning(update.warning);
  plan.note(update);
  if (reported) plan.put('updated', 'date', plan.dateIn('updated', update.date), 'report');
  return { id: task.id, row: task.row.row, rowIndex: task.rowIndex, idColumn: task.idColumn, ...plan.result() };
}

/** Where a part goes when its column is missing or cannot take it: into the note entry, or only reported. */
type Fallback = 'note' | 'report';

/** Collects the cells of one write, and what went into the note or nowhere instead. */
class Planner {
  private readonly columns: Map<LedgerField, number>;
  private readonly cells: PlannedCell[] = [];
  private readonly inNote: string[] = [];
  private readonly warnings: string[] = [];
  private readonly unwritten: Unwritten[] = [];

  constructor(
    private readonly table: RawTable,
    private readonly row: RawRow,
    private readonly rules: ColumnRules,
  ) {
    this.columns = fieldColumns(table.headers);
  }

  private header(field: LedgerField): string {
    const index = this.columns.get(field);
    return index === undefined ? CANONICAL_HEADERS[field] : this.table.headers[index];
  }

  private current(field: LedgerField): string {
    const index = this.columns.get(field);
    return index === undefined ? '' : cellText(this.row.cells[index]);
  }

  /** The texts of a column over every data row. */
  private used(field: LedgerField): string[] {
    const index = this.columns.get(field);
    return index === undefined ? [] : this.table.rows.map((r) => cellText(r.cells[index]));
  }

  private rule(field: LedgerField): ColumnRule | undefined {
    const index = this.columns.get(field);
    return index === undefined ? undefined : this.rules.get(index);
  }

  private words(field: LedgerField): ColumnWords {
    return columnWords(this.rule(field), this.used(field));
  }

  /** An ISO date in the form the column writes its dates. */
  dateIn(field: LedgerField, iso: string): string {
    return formatDate(iso, dateFormOf(this.used(field)));
  }

  /**
   * Plans `after` into the field's column when it has one that takes it; else falls back with `shown` (what the
   * part says, when `after` is the whole cell). True when planned.
   */
  put(field: LedgerField, kind: WriteKind, after: string, fallback: Fallback, extra: Partial<PlannedCell> = {}, shown = after): boolean {
    const index = this.columns.get(field);
    const rule = this.rule(field);
    const refused = index === undefined ? 'no_column' : refusal(rule, kind, after);
    if (refused === 'auto') return false; // the backend fills it in itself (a modified-time field)
    if (refused) {
      this.fallBack(field, shown, refused, fallback, rule);
      return false;
    }
    const before = this.row.cells[index!];
    if (after === cellText(before)) return true;
    if (after.length > MAX_CELL_CHARS) {
      throw new WriteBackError(
        `写入后“${this.table.headers[index!]}”将有 ${after.length} 个字符，超过表格单元格的上限 ${MAX_CELL_CHARS} 个（Excel 的限制），台账未改动；请精简内容，详细材料可放附件或链接。`,
      );
    }
    this.cells.push({ field, columnIndex: index!, column: this.table.headers[index!], before: shownBefore(field, before), after, kind, ...extra });
    return true;
  }

  private fallBack(field: LedgerField, value: string, reason: UnwrittenReason, fallback: Fallback, rule: ColumnRule | undefined): void {
    const header = this.header(field);
    const noteColumn = this.header('note');
    const what = WHAT[field] ?? header;
    const inNote = fallback === 'note';
    this.unwritten.push({ field, column: header, value, reason, inNote });
    if (inNote) this.inNote.push(`${header}：${value}`);
    const where = inNote ? `已记入“${noteColumn}”` : `本次未记录${what}`;
    if (reason === 'no_column') {
      this.warnings.push(`台账没有“${header}”列，${where}；如需${inNote ? '单独' : ''}记录请在表头添加“${header}”列。`);
    } else {
      this.warnings.push(`“${header}”是${rule?.label ?? '不能写入的列'}，不能写入“${value}”，${where}。`);
    }
  }

  /** The status in the ledger's own word for its meaning; a fixed list without one gets the nearest it allows. */
  status(typed: string, key: StatusKey): void {
    const words = this.words('status');
    const rule = this.rule('status');
    const multiple = rule?.takes === 'choice' && rule.multiple === true;
    const current = this.current('status').trim();
    const currentWords = multiple ? current.split('、').filter(Boolean) : [current];
    // The cell already says it in a word the column allows: leave it ("推进中" stays, whatever the majority writes).
    if (currentWords.some((word) => plainStatusKey(word) === key && (words.options === null || words.options.includes(word)))) return;
    // A word that also says how the work goes ("滞后") is written only where the column already has it.
    const plain = plainStatusKey(typed) !== null;
    if (!plain && hasWord(words, typed)) return this.putStatus(typed, multiple, currentWords);
    const template = STATUS_WORDS[key];
    const word = chooseWord(key, plainStatusKey, words, [typed, template], template);
    if (word !== null) {
      if (!plain) this.inNote.push(`${this.header('status')}说明：${typed}`);
      return this.putStatus(word, multiple, currentWords);
    }
    // A fixed list without the word: an extension is still work in progress; anything else goes to the note only.
    const inProgress = STATE_LABELS.in_progress;
    const nearest = key === 'extended' ? chooseWord<StatusKey>('in_progress', plainStatusKey, words, [inProgress], inProgress) : null;
    const header = this.header('status');
    this.unwritten.push({ field: 'status', column: header, value: template, reason: 'no_option', inNote: true });
    this.inNote.push(`${header}：${template}`);
    const instead = nearest === null ? `${header}未改` : `已写“${nearest}”`;
    this.warnings.push(
      `“${header}”（${rule?.label ?? '下拉列表'}）没有表示“${template}”的选项，duban 不新增选项：${instead}，“${template}”已记入“${this.header('note')}”；请办公室在“${header}”中添加“${template}”选项。`,
    );
    if (nearest !== null) this.putStatus(nearest, multiple, currentWords);
  }

  private putStatus(word: string, multiple: boolean, currentWords: string[]): void {
    if (!multiple) {
      this.put('status', 'choice', word, 'note');
      return;
    }
    // A multi-select keeps its options that are not status words (tags such as 重点) and sets one status option.
    const options = [...currentWords.filter((w) => parseStatus(w) === null), word];
    this.put('status', 'choice', options.join('、'), 'note', { options });
  }

  /** An approved extension: the new deadline, the original kept at the first extension, the count of extensions. */
  extend(newDue: string): void {
    const due = this.current('due').trim();
    const count = this.current('extensions').trim();
    const first = this.columns.has('originalDue')
      ? this.current('originalDue').trim() === ''
      : this.columns.has('extensions')
        ? countOf(count) === 0
        : !this.current('note').includes(CANONICAL_HEADERS.originalDue);
    if (due && first) {
      const iso = /^\d{4}-\d{2}-\d{2}$/.test(due);
      this.put('originalDue', iso ? 'date' : 'text', iso ? this.dateIn('originalDue', due) : due, 'note');
    }
    this.put('due', 'date', this.dateIn('due', newDue), 'note');
    const n = countOf(count);
    if (n === null) {
      this.warnings.push(`“${this.header('extensions')}”中的“${count}”不是次数，未自动加一；请办公室核对。`);
    } else {
      this.put('extensions', 'count', count.replace(/^\d*/, String(n + 1)), 'report');
    }
  }

  /** Evidence appended as a dated line to 佐证材料, else to the note. */
  evidence(text: string, update: TaskUpdate): void {
    const entry = `${entryPrefix(update)}${text}`;
    this.put('evidence', 'text', neutraliseFormula(appendLine(this.current('evidence'), entry)), 'note', { entry }, text);
  }

  /** The warning level in the column's own word for it; only where the column has one it allows. */
  warning(level: TrafficLight): void {
    const template = LIGHT_LABELS[level];
    const word = chooseWord(level, lightOf, this.words('warning'), [template], template);
    if (word !== null) {
      this.put('warning', 'choice', word, 'report');
      return;
    }
    const header = this.header('warning');
    this.unwritten.push({ field: 'warning', column: header, value: template, reason: 'no_option', inNote: false });
    this.warnings.push(`“${header}”（${this.rule('warning')?.label ?? '下拉列表'}）没有表示“${template}”的选项，duban 不新增选项，本次未写预警；请办公室添加该选项。`);
  }

  /** The note entry: the update's note and whatever did not fit its own column, dated and signed. */
  note(update: TaskUpdate): void {
    const text = [update.note?.trim(), ...this.inNote].filter(Boolean).join('；');
    if (!text) return;
    if (!this.columns.has('note')) {
      const lost = update.note?.trim() ? '' : `，无法记下“${this.inNote.join('；')}”`;
      throw new WriteBackError(`台账没有“${CANONICAL_HEADERS.note}”列${lost}，本次未写入；请先在表头添加该列。`);
    }
    const entry = `${entryPrefix(update)}${text}`;
    if (!this.put('note', 'text', neutraliseFormula(appendLine(this.current('note'), entry)), 'report', { entry })) {
      throw new WriteBackError(`“${this.header('note')}”是${this.rule('note')?.label ?? '不能写入的列'}，无法追加进展，本次未写入。`);
    }
  }

  result(): Pick<WritePlan, 'cells' | 'warnings' | 'unwritten'> {
    return { cells: this.cells, warnings: this.warnings, unwritten: this.unwritten };
  }
}

/** Why a column cannot take a value of this kind (null when it can); 'auto' for a column the backend fills itself. */
function refusal(rule: ColumnRule | undefined, kind: WriteKind, value: string): UnwrittenReason | 'auto' | null {
  switch (rule?.takes ?? 'text') {
    case 'text':
      return null;
    case 'choice':
      return kind === 'choice' || rule!.options?.includes(value) ? null : 'no_option';
    case 'number':
      return kind === 'percent' || kind === 'count' ? null : 'field_type';
    case 'date':
      return kind === 'date' ? null : 'field_type';
    case 'auto':
      return 'auto';
    default:
      return 'field_type';
  }
}

/** A count cell ("2", "2次", empty) as a number; null for text that is not a count. */
function countOf(text: string): number | null {
  if (text === '') return 0;
  const match = /^(\d+)\s*次?$/.exec(text);
  return match ? Number(match[1]) : null;
}

/**
 * A cell's text as the user sees it in the sheet: a progress number read from an online sheet (0.85 under a
 * percent format) shows as "85%", so the change reads "85% → 90%" rather than "0.85 → 90%".
 */
function shownBefore(field: LedgerField, cell: Cell | undefined): string {
  if (field !== 'progress' || typeof cell !== 'number') return cellText(cell);
  const parsed = parseProgress(cell);
  return parsed.value === null ? cellText(cell) : `${parsed.value}%`;
}
