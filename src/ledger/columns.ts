/** The header row to ledger fields: which column holds what, and which expected columns are missing. */
import { LEDGER_FIELDS, type LedgerField, type Problem } from '../domain/types.js';
import { CANONICAL_HEADERS, EXPECTED_FIELDS, REQUIRED_FIELDS, matchHeader } from './headers.js';
import { problem } from './problems.js';

export interface ColumnMap {
  /** Column index of each field present. */
  index: Partial<Record<LedgerField, number>>;
  /** The header as the user wrote it, or the canonical header for a missing column (for messages). */
  header: Record<LedgerField, string>;
}

// Several people columns (责任领导 beside 牵头领导) are common and harmless: only the first is read, without a warning.
const QUIET_DUPLICATES: ReadonlySet<LedgerField> = new Set(['leader']);

/**
 * Maps headers to fields (the first column wins when two name the same field) and reports missing columns. A
 * table whose only task column is its full text (工作内容) takes that column as the task too. `match` names the
 * field of a header (a work-plan table accepts a few more headers than a ledger).
 */
export function mapColumns(
  headers: readonly string[],
  match: (text: string) => LedgerField | null = matchHeader,
): { columns: ColumnMap; problems: Problem[] } {
  const index: Partial<Record<LedgerField, number>> = {};
  const header = { ...CANONICAL_HEADERS };
  const problems: Problem[] = [];
  headers.forEach((text, i) => {
    const field = match(text);
    if (field === null) return;
    if (index[field] === undefined) {
      index[field] = i;
      header[field] = text;
    } else if (!QUIET_DUPLICATES.has(field)) {
      problems.push(problem(null, text, 'warning', 'duplicate_column',
        `「${text}」与「${header[field]}」都表示${CANONICAL_HEADERS[field]}，只读取了「${header[field]}」一列；请删除或改名其中一列`));
    }
  });
  if (index.title === undefined && index.detail !== undefined) {
    index.title = index.detail;
    header.title = header.detail;
  }
  if (LEDGER_FIELDS.every((field) => index[field] === undefined)) {
    problems.push(problem(null, '', 'error', 'no_header',
      '找不到表头：前 10 行中没有一行含有至少两个已知列名（编号、任务、责任单位、截止日期、状态……）；请在任务上方加一行表头'));
    return { columns: { index, header }, problems };
  }
  for (const field of REQUIRED_FIELDS) if (index[field] === undefined) problems.push(missing(field, 'error'));
  for (const field of EXPECTED_FIELDS) if (index[field] === undefined) problems.push(missing(field, 'warning'));
  return { columns: { index, header }, problems };
}

const CONSEQUENCE: Partial<Record<LedgerField, string>> = {
  title: '无法读取任务名称',
  lead: '无法知道由哪个单位负责',
  id: '暂以“R行号”作为编号（插入行后会变化，回写进度需要稳定的编号）',
  due: '无法判断逾期和临期',
};

function missing(field: LedgerField, severity: 'error' | 'warning'): Problem {
  const name = CANONICAL_HEADERS[field];
  return problem(null, name, severity, 'missing_column', `缺少「${name}」列，${CONSEQUENCE[field]}；请在表头加上「${name}」列`);
}
