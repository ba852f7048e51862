/**
 * Bitable field values ↔ ledger cells (pure): reading every field type as text/number, what each field can take
 * (its type, a select's options), and writing a planned value in the field's type — never a select value that is
 * not one of its options, which Bitable would silently add as a new option.
 */
import { DEFAULT_TIMEZONE, todayIn } from '../calendar/dates.js';
import { zonedInstant } from '../calendar/zoned-time.js';
import type { Cell } from '../domain/types.js';
import { flattenFeishuValue } from './feishu-values.js';
import type { ColumnRule } from './source.js';
import type { PlannedCell } from './write-back.js';
import { WriteBackError } from './write-back-error.js';

/** A field as the fields list returns it (type numbers from the Bitable data-structure docs). */
export interface BitableField {
  field_id?: string;
  field_name: string;
  type: number;
  property?: { formatter?: string; options?: { id?: string; name: string; color?: number }[] | null } | null;
}

const FIELD_TYPE = {
  text: 1,
  number: 2,
  singleSelect: 3,
  multiSelect: 4,
  date: 5,
  checkbox: 7,
  person: 11,
  phone: 13,
  url: 15,
  attachment: 17,
  lookup: 19,
  formula: 20,
  createdTime: 1001,
  modifiedTime: 1002,
  createdBy: 1003,
  modifiedBy: 1004,
  autoNumber: 1005,
} as const;

/** True for a field Bitable fills in itself (自动编号): a new record leaves it out. */
export function isAutoNumber(field: BitableField): boolean {
  return field.type === FIELD_TYPE.autoNumber;
}

const DATE_TYPES = new Set<number>([FIELD_TYPE.date, FIELD_TYPE.createdTime, FIELD_TYPE.modifiedTime]);
const PERSON_TYPES = new Set<number>([FIELD_TYPE.person, FIELD_TYPE.createdBy, FIELD_TYPE.modifiedBy]);

interface Person {
  id?: string;
  name?: string;
  en_name?: string;
  email?: string;
}

function isPercent(field: BitableField): boolean {
  return field.property?.formatter?.includes('%') ?? false;
}

/** A number, or a number sent as text ("2323.23", "1690992000000"); null otherwise. */
function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return value;
  return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : null;
}

/**
 * A formula or lookup result `{type, value}`: `type` is the result's field type and `value` usually a list of such
 * values. Text and people lists are read whole; other lists item by item, joined by 、 when there are several.
 */
function computedToCell(field: BitableField, result: { type?: unknown; value: unknown }, people: Record<string, string>): Cell {
  const inner: BitableField = { ...field, type: typeof result.type === 'number' ? result.type : FIELD_TYPE.text };
  if (!Array.isArray(result.value) || inner.type === FIELD_TYPE.text || PERSON_TYPES.has(inner.type)) {
    return fieldToCell(inner, result.value, people);
  }
  const cells = result.value.map((item) => fieldToCell(inner, item, people)).filter((cell) => cell !== '');
  return cells.length === 1 ? cells[0] : cells.join('、');
}

/**
 * One field value as a ledger cell: dates (ms) → ISO date in Asia/Shanghai, people → names joined by 、 (their
 * open_ids go to `people`), percent numbers 0.6 → 60, selects → their option text, text segments → plain text.
 * Numbers and dates sent as text are read as numbers.
 */
export function fieldToCell(field: BitableField, value: unknown, people: Record<string, string>): Cell {
  if (value === null || value === undefined) return '';
  const number = numberOf(value);
  if (DATE_TYPES.has(field.type) && number !== null) return todayIn(DEFAULT_TIMEZONE, new Date(number));
  if (PERSON_TYPES.has(field.type) && Array.isArray(value)) {
    const list = value as Person[];
    for (const p of list) if (p?.name && p.id) people[p.name] = p.id;
    return list.map((p) => p?.name || p?.en_name || p?.email || p?.id || '').filter(Boolean).join('、');
  }
  if (field.type === FIELD_TYPE.number && number !== null) {
    return isPercent(field) ? Math.round(number * 1000) / 10 : number;
  }
  if (field.type === FIELD_TYPE.multiSelect && Array.isArray(value)) return value.map(String).join('、');
  if ((field.type === FIELD_TYPE.lookup || field.type === FIELD_TYPE.formula) && typeof value === 'object' && 'value' in value) {
    return computedToCell(field, value as { type?: unknown; value: unknown }, people);
  }
  return flattenFeishuValue(value);
}

// What duban can write into each field type, with the type's name for messages.
const RULES: Record<number, Omit<ColumnRule, 'options'>> = {
  [FIELD_TYPE.text]: { takes: 'text', label: '文本字段' },
  [FIELD_TYPE.number]: { takes: 'number', label: '数字字段' },
  [FIELD_TYPE.singleSelect]: { takes: 'choice', label: '单选字段' },
  [FIELD_TYPE.multiSelect]: { takes: 'choice', multiple: true, label: '多选字段' },
  [FIELD_TYPE.date]: { takes: 'date', label: '日期字段' },
  [FIELD_TYPE.checkbox]: { takes: 'none', label: '复选框字段' },
  [FIELD_TYPE.person]: { takes: 'none', label: '人员字段' },
  [FIELD_TYPE.phone]: { takes: 'text', label: '电话号码字段' },
  [FIELD_TYPE.url]: { takes: 'none', label: '超链接字段' },
  [FIELD_TYPE.attachment]: { takes: 'none', label: '附件字段' },
  [FIELD_TYPE.lookup]: { takes: 'none', label: '查找引用字段' },
  [FIELD_TYPE.formula]: { takes: 'none', label: '公式字段' },
  [FIELD_TYPE.createdTime]: { takes: 'auto', label: '创建时间字段' },
  [FIELD_TYPE.modifiedTime]: { takes: 'auto', label: '修改时间字段' },
  [FIELD_TYPE.createdBy]: { takes: 'none', label: '创建人字段' },
  [FIELD_TYPE.modifiedBy]: { takes: 'none', label: '修改人字段' },
};

/** What a field can take: its type's rule, with a select's options. */
export function fieldRule(field: BitableField): ColumnRule {
  const rule = RULES[field.type] ?? { takes: 'none', label: `类型 ${field.type} 的字段` };
  return rule.takes === 'choice' ? { ...rule, options: (field.property?.options ?? []).map((o) => o.name) } : rule;
}

/** The value to send for a planned cell, typed for the field; throws rather than send what the field would change or refuse. */
export function cellToFieldValue(field: BitableField, planned: Pick<PlannedCell, 'after' | 'options'>): unknown {
  const text = planned.after;
  switch (field.type) {
    case FIELD_TYPE.number: {
      const percent = /^(-?\d+(?:\.\d+)?)%$/.exec(text);
      const n = Number(percent ? percent[1] : text);
      if (!Number.isFinite(n)) throw new WriteBackError(`字段“${field.field_name}”是数字类型，不能写入“${text}”。`);
      // A percent-formatted number field stores 0.8 for 80%.
      return percent && isPercent(field) ? n / 100 : n;
    }
    case FIELD_TYPE.date: {
      const ms = /^\d{4}-\d{2}-\d{2}$/.test(text) ? zonedInstant(text, '00:00', DEFAULT_TIMEZONE).getTime() : NaN;
      if (!Number.isFinite(ms)) throw new WriteBackError(`字段“${field.field_name}”是日期类型，不能写入“${text}”。`);
      return ms;
    }
    case FIELD_TYPE.singleSelect:
    case FIELD_TYPE.multiSelect: {
      // "区交通局、双江镇" in a multi-select unit field: one option per unit.
      const values = field.type === FIELD_TYPE.multiSelect ? (planned.options ?? text.split('、').filter((option) => option !== '')) : [text];
      const options = fieldRule(field).options ?? [];
      const unknown = values.filter((v) => !options.includes(v));
      // Bitable adds an unknown value as a new option without a word: refuse instead (the planner never asks for one).
      if (unknown.length > 0) throw new WriteBackError(`字段“${field.field_name}”没有选项“${unknown.join('、')}”，duban 不新增选项，台账未改动。`);
      return field.type === FIELD_TYPE.multiSelect ? values : text;
    }
    case FIELD_TYPE.text:
    case FIELD_TYPE.phone:
      return text;
    default:
      throw new WriteBackError(`字段“${field.field_name}”的类型（${field.type}）不能由 duban 写入，请改为文本、单选、数字或日期字段。`);
  }
}
