/** Bitable field values ↔ ledger cells (pure): reading every field type as text/number, writing text back typed. */
import { DEFAULT_TIMEZONE, todayIn } from '../calendar/dates.js';
import { zonedInstant } from '../calendar/zoned-time.js';
import type { Cell } from '../domain/types.js';
import { flattenFeishuValue } from './feishu-values.js';
import { WriteBackError } from './write-back.js';

/** A field as the fields list returns it (type numbers from the Bitable data-structure docs). */
export interface BitableField {
  field_id?: string;
  field_name: string;
  type: number;
  property?: { formatter?: string } | null;
}

const FIELD_TYPE = {
  text: 1,
  number: 2,
  singleSelect: 3,
  multiSelect: 4,
  date: 5,
  checkbox: 7,
  person: 11,
  url: 15,
  lookup: 19,
  formula: 20,
  createdTime: 1001,
  modifiedTime: 1002,
  createdBy: 1003,
  modifiedBy: 1004,
} as const;

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

/** The value to send for text a write-back planned, typed for the field; throws when the type cannot take text. */
export function cellToFieldValue(field: BitableField, text: string): unknown {
  switch (field.type) {
    case FIELD_TYPE.number: {
      const percent = /^(-?\d+(?:\.\d+)?)%$/.exec(text);
      const n = Number(percent ? percent[1] : text);
      if (!Number.isFinite(n)) throw new WriteBackError(`字段“${field.field_name}”是数字类型，不能写入“${text}”。`);
      // A percent-formatted number field stores 0.8 for 80%.
      return percent && isPercent(field) ? n / 100 : n;
    }
    case FIELD_TYPE.date:
      return zonedInstant(text, '00:00', DEFAULT_TIMEZONE).getTime();
    case FIELD_TYPE.multiSelect:
      return [text];
    case FIELD_TYPE.text:
    case FIELD_TYPE.singleSelect:
      return text;
    default:
      throw new WriteBackError(`字段“${field.field_name}”的类型（${field.type}）不能由 duban 写入，请改为文本、单选、数字或日期字段。`);
  }
}
