/**
 * Feishu Bitable routes of the loopback: fields list (select fields with their options) and records/search with
 * pagination, an `is` filter and field_names, record update (incremental, typed), records/batch_create, text fields
 * returned as segment arrays, business errors with HTTP 200 (wrong token, unknown field, field conversion, too many
 * records). As the docs say, writing a select value that is not an option adds it as a new option: the loopback does
 * so and records it in `createdOptions`, for tests to refuse.
 */
import type { FeishuRoute, RouteResult } from './server.js';

export interface LoopbackField {
  field_name: string;
  type: number;
  property?: { formatter?: string; options?: { id?: string; name: string; color?: number }[] } | null;
}

/** A select option the loopback created because a write used a value that was not one. */
export interface CreatedOption {
  table: string;
  field: string;
  name: string;
}

export interface LoopbackRecord {
  record_id: string;
  /** Values as stored: text fields as plain strings (returned as segments), others as the API returns them. */
  fields: Record<string, unknown>;
}

export interface BitableTable {
  /** The table's name in the base (defaults to its id). */
  name?: string;
  fields: LoopbackField[];
  records: LoopbackRecord[];
}

/** Answers the docs allow besides the loopback's default (items always a list, page_token only with has_more). */
export interface BitableVariant {
  /** An empty page's `items`: null, or no key at all. */
  emptyItems?: 'null' | 'absent';
  /** `page_token: ""` on the last page instead of leaving it out. */
  emptyPageToken?: boolean;
  /** Text fields read back as plain strings instead of segment lists. */
  textAsString?: boolean;
}

export interface BitableState {
  routes: FeishuRoute[];
  /** Documented answer variants to exercise; none by default. */
  variant: BitableVariant;
  addTable(appToken: string, tableId: string, table: BitableTable): void;
  table(appToken: string, tableId: string): BitableTable;
  /** Options created by writes of values that were not options (a write-back must never cause one). */
  readonly createdOptions: CreatedOption[];
}

const ok = (data: unknown): RouteResult => ({ body: { code: 0, msg: 'success', data } });
const TEXT = 1;

/** A stored value as the `is` filter compares it. */
function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v ? ((v as { name?: string }).name ?? '') : String(v))).join(',');
  return String(value);
}

function render(field: LoopbackField | undefined, value: unknown, variant: BitableVariant): unknown {
  // Text is written as a string but read back as a list of segments.
  if (field?.type === TEXT && typeof value === 'string' && !variant.textAsString) return [{ type: 'text', text: value }];
  return value;
}

function page<T>(items: T[], query: URLSearchParams, max: number, variant: BitableVariant) {
  const size = Math.min(Number(query.get('page_size') ?? 20), max);
  const start = Number(query.get('page_token') || 0);
  const slice = items.slice(start, start + size);
  const hasMore = start + size < items.length;
  const token = hasMore ? { page_token: String(start + size) } : variant.emptyPageToken ? { page_token: '' } : {};
  const list = slice.length > 0 || !variant.emptyItems ? { items: slice } : variant.emptyItems === 'null' ? { items: null } : {};
  return { ...list, has_more: hasMore, total: items.length, ...token };
}

/** What the documented search request forbids: page_size over 500, a filter without conjunction or with non-list values. */
function searchShapeError(query: URLSearchParams, body: any): string | null {
  if (Number(query.get('page_size') ?? 20) > 500) return 'page_size must be at most 500';
  if (body?.field_names !== undefined && !Array.isArray(body.field_names)) return 'field_names must be a list';
  const filter = body?.filter;
  if (filter === undefined) return null;
  if (filter.conjunction !== 'and' && filter.conjunction !== 'or') return 'filter.conjunction must be "and" or "or"';
  const ok = Array.isArray(filter.conditions) && filter.conditions.every((c: any) => typeof c?.field_name === 'string' && typeof c.operator === 'string' && (c.value === undefined || Array.isArray(c.value)));
  return ok ? null : 'filter.conditions must be [{field_name, operator, value: [...]}]';
}

const AUTO_NUMBER = 1005;
// At most 1,000 records per batch_create call.
const MAX_BATCH = 1000;

/** True when the typed field accepts the value (else Bitable answers a 1254060-range conversion error); read-only types accept nothing. */
function accepts(field: LoopbackField, value: unknown): boolean {
  if (value === null) return true;
  switch (field.type) {
    case 1:
    case 3:
    case 13:
      return typeof value === 'string';
    case 2:
    case 5:
      return typeof value === 'number';
    case 4:
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 7:
      return typeof value === 'boolean';
    case 11:
      return Array.isArray(value) && value.every((v) => typeof v?.id === 'string');
    case 15:
      return typeof value === 'object' && typeof (value as { link?: unknown }).link === 'string';
    default:
      return false;
  }
}

/** The select values written that are not options yet: Bitable adds each as a new option. */
function newOptions(field: LoopbackField, value: unknown): string[] {
  if (field.type !== 3 && field.type !== 4) return [];
  const names = new Set((field.property?.options ?? []).map((o) => o.name));
  const values = field.type === 3 ? [value] : (value as string[]);
  return values.filter((v): v is string => typeof v === 'string' && v !== '' && !names.has(v));
}

/** Creates the routes and the tables they serve. */
export function createBitableRoutes(): BitableState {
  const tables = new Map<string, BitableTable>();
  const base = '/open-apis/bitable/v1/apps/:app/tables/:table';
  const find = (params: Record<string, string>) => tables.get(`${params.app}/${params.table}`);
  const wrongToken: RouteResult = { body: { code: 1254040, msg: 'BaseTokenNotFound' } };
  const clientTokens = new Set<string>();

  const created: CreatedOption[] = [];
  const state: BitableState = {
    variant: {},
    createdOptions: created,
    routes: [
      {
        method: 'GET',
        path: '/open-apis/bitable/v1/apps/:app/tables',
        handle: ({ params, query }) => {
          const items = [...tables.entries()]
            .filter(([key]) => key.startsWith(`${params.app}/`))
            .map(([key, t]) => ({ table_id: key.split('/')[1], name: t.name ?? key.split('/')[1], revision: 1 }));
          return items.length ? ok(page(items, query, 100, state.variant)) : wrongToken;
        },
      },
      {
        method: 'GET',
        path: `${base}/fields`,
        handle: ({ params, query }) => {
          const table = find(params);
          if (!table) return wrongToken;
          // Select options come with their ids, as the fields list documents them.
          const listed = table.fields.map((f, i) => ({
            field_id: `fld${i}`,
            ...f,
            ...(f.property?.options ? { property: { ...f.property, options: f.property.options.map((o, j) => ({ id: o.id ?? `opt${i}x${j}`, color: j, ...o })) } } : {}),
          }));
          return ok(page(listed, query, 100, state.variant));
        },
      },
      {
        method: 'POST',
        path: `${base}/records/search`,
        handle: ({ params, query, body }) => {
          const table = find(params);
          if (!table) return wrongToken;
          const shapeError = searchShapeError(query, body);
          if (shapeError) return { body: { code: 1254001, msg: `WrongRequestBody: ${shapeError}` } };
          const conditions = (body?.filter?.conditions ?? []) as { field_name: string; operator: string; value: string[] }[];
          if (conditions.some((c) => c.operator !== 'is' || !table.fields.some((f) => f.field_name === c.field_name))) {
            return { body: { code: 1254018, msg: 'InvalidFilter' } };
          }
          const matching = table.records.filter((r) =>
            conditions.every((c) => textOf(r.fields[c.field_name]) === c.value[0]),
          );
          // field_names: only those fields come back.
          const wanted = (body?.field_names ?? null) as string[] | null;
          const items = matching.map((r) => ({
            record_id: r.record_id,
            fields: Object.fromEntries(
              Object.entries(r.fields)
                .filter(([k]) => wanted === null || wanted.includes(k))
                .map(([k, v]) => [k, render(table.fields.find((f) => f.field_name === k), v, state.variant)]),
            ),
          }));
          return ok(page(items, query, 500, state.variant));
        },
      },
      {
        // New records, typed like an update; an auto-number field is filled in; a client_token seen before is refused.
        method: 'POST',
        path: `${base}/records/batch_create`,
        handle: ({ params, query, body }) => {
          const table = find(params);
          if (!table) return wrongToken;
          const records = body?.records as { fields?: Record<string, unknown> }[] | undefined;
          if (!Array.isArray(records) || records.length === 0) return { body: { code: 1254001, msg: 'WrongRequestBody: records must be a non-empty list' } };
          if (records.length > MAX_BATCH) return { body: { code: 1254104, msg: 'RecordsTooMany' } };
          const token = query.get('client_token');
          if (token && clientTokens.has(token)) return { status: 403, body: { code: 1254608, msg: 'duplicate client_token' } };
          for (const record of records) {
            for (const [name, value] of Object.entries(record.fields ?? {})) {
              const field = table.fields.find((f) => f.field_name === name);
              if (!field) return { body: { code: 1254045, msg: 'FieldNameNotFound' } };
              if (field.type === AUTO_NUMBER || !accepts(field, value)) return { body: { code: 1254060, msg: `TextFieldConvFail: ${name}` } };
            }
          }
          if (token) clientTokens.add(token);
          const autoNumbers = table.fields.filter((f) => f.type === AUTO_NUMBER);
          const created = records.map((record) => {
            const fields: Record<string, unknown> = { ...record.fields };
            for (const auto of autoNumbers) fields[auto.field_name] = String(table.records.length + 1);
            const stored = { record_id: `recNew${String(table.records.length + 1).padStart(6, '0')}`, fields };
            table.records.push(stored);
            return stored;
          });
          return ok({ records: created.map((r) => ({ record_id: r.record_id, fields: r.fields })) });
        },
      },
      {
        method: 'PUT',
        path: `${base}/records/:record_id`,
        handle: ({ params, body }) => {
          const table = find(params);
          if (!table) return wrongToken;
          const record = table.records.find((r) => r.record_id === params.record_id);
          if (!record) return { body: { code: 1254043, msg: 'RecordIdNotFound' } };
          const fields = (body?.fields ?? {}) as Record<string, unknown>;
          for (const [name, value] of Object.entries(fields)) {
            const field = table.fields.find((f) => f.field_name === name);
            if (!field) return { body: { code: 1254045, msg: 'FieldNameNotFound' } };
            if (!accepts(field, value)) return { body: { code: 1254060, msg: `TextFieldConvFail: ${name}` } };
          }
          for (const [name, value] of Object.entries(fields)) {
            const field = table.fields.find((f) => f.field_name === name)!;
            for (const option of newOptions(field, value)) {
              const options = ((field.property ??= {}).options ??= []);
              options.push({ id: `opt${options.length + 1}new`, name: option, color: options.length % 54 });
              created.push({ table: params.table, field: name, name: option });
            }
          }
          Object.assign(record.fields, fields);
          return ok({ record: { record_id: record.record_id, fields: record.fields } });
        },
      },
    ],
    addTable(appToken, tableId, table) {
      const fields = table.fields.map((f) => ({ ...f, property: f.property ? { ...f.property, options: f.property.options?.map((o) => ({ ...o })) } : f.property }));
      tables.set(`${appToken}/${tableId}`, { name: table.name, fields, records: table.records.map((r) => ({ ...r, fields: { ...r.fields } })) });
    },
    table(appToken, tableId) {
      const table = tables.get(`${appToken}/${tableId}`);
      if (!table) throw new Error(`no table ${appToken}/${tableId}`);
      return table;
    },
  };
  return state;
}
