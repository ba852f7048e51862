/**
 * The ledger check of what the status and 预警 columns offer where the source fixes their words (a Bitable select
 * field, a dropdown list): options duban cannot read as a state or a light, several options for one meaning, and
 * meanings with no option at all (duban then writes the nearest it allows and notes the rest, never adding one).
 */
import type { LedgerField, Problem, RawTable } from '../domain/types.js';
import { CANONICAL_HEADERS, matchHeader } from '../ledger/headers.js';
import { problem } from '../ledger/problems.js';
import { parseStatus, plainStatusKey, STATUS_TEMPLATE_WORDS, type StatusKey } from '../ledger/status.js';
import { LIGHT_LABELS } from '../reports/labels.js';
import { lightOf } from '../sources/ledger-words.js';
import type { ColumnRule, LedgerSource } from '../sources/source.js';

/** The check of a source's fixed word lists; [] for a source whose columns take any text (CSV). */
export async function columnRuleProblems(source: LedgerSource): Promise<Problem[]> {
  if (!source.columnRules) return [];
  const { ledger } = await source.read();
  const wanted = new Map<number, LedgerField>();
  ledger.headers.forEach((header, i) => {
    const field = matchHeader(header);
    if ((field === 'status' || field === 'warning') && ![...wanted.values()].includes(field)) wanted.set(i, field);
  });
  if (wanted.size === 0) return [];
  const rules = await source.columnRules(ledger, [...wanted.keys()]);
  return [...wanted].flatMap(([column, field]) => {
    const rule = rules.get(column);
    if (rule?.takes !== 'choice') return [];
    return field === 'status' ? statusOptionProblems(ledger, column, rule) : lightOptionProblems(ledger, column, rule);
  });
}

interface Meaning<K> {
  keyOf: (word: string) => K | null;
  /** Every meaning and its template word. */
  words: Readonly<Record<string & K, string>>;
  /** True for an option read as something, though not one meaning duban writes ("滞后" is in progress, behind). */
  readable: (word: string) => boolean;
  /** What duban does when a meaning has no option. */
  without: string;
}

function optionProblems<K extends string>(table: RawTable, column: number, rule: ColumnRule, meaning: Meaning<K>): Problem[] {
  const header = table.headers[column];
  const kind = `${header}”（${rule.label}）`;
  const options = rule.options ?? [];
  const problems: Problem[] = [];
  const unread = options.filter((o) => meaning.keyOf(o) === null && !meaning.readable(o));
  if (unread.length > 0) {
    problems.push(problem(null, header, 'warning', 'unmapped_option',
      `“${kind}的选项 ${unread.map((o) => `“${o}”`).join('、')} 不对应 duban 认识的含义（${Object.values(meaning.words).join('、')}），duban 不会写入这些选项；请改名或删除`));
  }
  const byKey = new Map<K, string[]>();
  for (const option of options) {
    const key = meaning.keyOf(option);
    if (key !== null) byKey.set(key, [...(byKey.get(key) ?? []), option]);
  }
  for (const [key, same] of byKey) {
    if (same.length > 1) {
      problems.push(problem(null, header, 'warning', 'duplicate_options',
        `“${kind}有 ${same.length} 个选项表示“${meaning.words[key]}”：${same.join('、')}；按其中一个筛选会漏掉其他记录，建议合并为一个`));
    }
  }
  const missing = (Object.keys(meaning.words) as K[]).filter((key) => !byKey.has(key)).map((key) => meaning.words[key]);
  if (missing.length > 0) {
    problems.push(problem(null, header, 'warning', 'missing_option',
      `“${kind}没有表示 ${missing.join('、')} 的选项：${meaning.without}；需要时请办公室添加这些选项（duban 不会自行新增）`));
  }
  return problems;
}

function statusOptionProblems(table: RawTable, column: number, rule: ColumnRule): Problem[] {
  return optionProblems<StatusKey>(table, column, rule, {
    keyOf: plainStatusKey,
    words: STATUS_TEMPLATE_WORDS,
    readable: (word) => parseStatus(word) !== null,
    without: `写回这些状态时，duban 只在“${CANONICAL_HEADERS.note}”中注明（获批延期写“${STATUS_TEMPLATE_WORDS.in_progress}”）`,
  });
}

function lightOptionProblems(table: RawTable, column: number, rule: ColumnRule): Problem[] {
  return optionProblems(table, column, rule, {
    keyOf: lightOf,
    words: LIGHT_LABELS,
    readable: () => false,
    without: '这些预警等级不会写入',
  });
}
