/**
 * A ledger in a Feishu Bitable (多维表格) table. Records come from records/search, paginated by hand (the SDK's
 * iterator swallows errors and truncates silently); the Feishu client checks `code` on every page and retries
 * throttling and write conflicts (1254290/1254291). Field names go through the same header aliases as sheets.
 * Another table of the base by name (readTab) is found in the tables list, fetched once per source. New rows
 * (appendRows) are records/batch_create calls, each with a client_token so a retry cannot create them twice.
 */
import { randomUUID } from 'node:crypto';
import type { FeishuApi } from '../feishu/feishu-api.js';
import type { RawTable } from '../domain/types.js';
import { matchHeader } from '../ledger/headers.js';
import { cellText } from '../ledger/text.js';
import type { Logger } from '../log/logger.js';
import { createUpdater } from './apply-update.js';
import { cellToFieldValue, fieldRule, fieldToCell, isAutoNumber, type BitableField } from './bitable-fields.js';
import { LedgerChangedError } from './ledger-changed.js';
import { columnWords, ownStatusWord } from './ledger-words.js';
import { createAppender } from './apply-append.js';
import { flattenFeishuValue } from './feishu-values.js';
import { explainFeishuError } from './feishu-errors.js';
import type { FeishuApiFactory } from './feishu-sheet.js';
import type { ColumnRules, LedgerRead, LedgerSource } from './source.js';
import { SourceError } from './source-error.js';
import { pickUnitsTab } from './units-tab.js';

export interface BitableOptions {
  location: string;
  appToken: string;
  tableId: string;
  /** The unit-directory table of the same base: a table id (tbl…) or name; null looks for a table named 单位 etc. */
  unitsTable: string | null;
  api: FeishuApiFactory;
  logger: Logger;
}

interface BitableRecord {
  record_id: string;
  fields: Record<string, unknown>;
}

interface Page<T> {
  items?: T[] | null;
  has_more?: boolean;
  page_token?: string;
}

const SCOPE = 'bitable:app';
const PAGE_SIZE = 500;
// Records per batch_create call (the API takes at most 1,000).
const BATCH_CREATE = 500;

/** Opens a Bitable ledger; nothing is requested until the first read or write. */
export function bitableSource(options: BitableOptions): LedgerSource {
  const what = `飞书多维表格 ${options.appToken}`;
  const fieldCache = new Map<string, BitableField[]>();

  const call = async <T>(request: Parameters<FeishuApi['call']>[0]): Promise<T> => {
    try {
      return await (await options.api()).call<T>(request);
    } catch (error) {
      throw explainFeishuError(error, what, SCOPE);
    }
  };

  const tableUrl = (tableId: string) => `/open-apis/bitable/v1/apps/${options.appToken}/tables/${tableId}`;

  // Every page is requested and checked; a failure on page 3 fails the read instead of truncating it.
  const allPages = async <T>(request: (pageToken: string | undefined) => Parameters<FeishuApi['call']>[0]): Promise<T[]> => {
    const items: T[] = [];
    let pageToken: string | undefined;
    do {
      const page = await call<Page<T>>(request(pageToken));
      items.push(...(page.items ?? []));
      pageToken = page.has_more ? page.page_token : undefined;
      if (page.has_more && !pageToken) throw new SourceError(`${what} 分页读取异常：has_more 为真却没有 page_token。`);
    } while (pageToken);
    return items;
  };

  // The field list gives the column order and types, and keeps columns that are empty in every record.
  const fields = async (tableId: string): Promise<BitableField[]> => {
    const cached = fieldCache.get(tableId);
    if (cached) return cached;
    const list = await allPages<BitableField>((pageToken) => ({
      method: 'GET',
      url: `${tableUrl(tableId)}/fields`,
      params: { page_size: 100, page_token: pageToken },
    }));
    fieldCache.set(tableId, list);
    return list;
  };

  const search = (tableId: string, filter?: unknown, fieldNames?: string[]) =>
    allPages<BitableRecord>((pageToken) => ({
      method: 'POST',
      url: `${tableUrl(tableId)}/records/search`,
      params: { page_size: PAGE_SIZE, page_token: pageToken, user_id_type: 'open_id' },
      data: { automatic_fields: false, ...(filter ? { filter } : {}), ...(fieldNames ? { field_names: fieldNames } : {}) },
    }));

  const toTable = (list: BitableField[], records: BitableRecord[], source: string, people: Record<string, string>): RawTable => ({
    source,
    headerRow: 1,
    headers: list.map((f) => f.field_name),
    // Bitable has no row numbers; records are numbered in search order as if under a header row.
    rows: records.map((r, i) => ({ row: i + 2, cells: list.map((f) => fieldToCell(f, r.fields[f.field_name], people)) })),
  });

  // The tables list (one request, once per source) resolves the units table and other tables by name.
  let tableList: Promise<{ table_id: string; name: string }[]> | null = null;
  const tables = () =>
    (tableList ??= allPages<{ table_id: string; name: string }>((pageToken) => ({
      method: 'GET',
      url: `/open-apis/bitable/v1/apps/${options.appToken}/tables`,
      params: { page_size: 100, page_token: pageToken },
    })).catch((error: unknown) => {
      tableList = null; // a failed lookup is tried again on the next read
      throw error;
    }));

  const findUnitsTable = async (): Promise<string | null> => {
    if (options.unitsTable?.startsWith('tbl')) return options.unitsTable;
    const list = await tables();
    const ledgerName = list.find((t) => t.table_id === options.tableId)?.name ?? '';
    try {
      const name = pickUnitsTab(list.map((t) => t.name), ledgerName, options.unitsTable);
      return list.find((t) => t.name === name)?.table_id ?? null;
    } catch (error) {
      tableList = null; // the configured table may be created later: list the tables again on the next read
      throw error;
    }
  };

  const readTable = async (tableId: string, people: Record<string, string>, name = tableId): Promise<RawTable> => {
    const list = await fields(tableId);
    return toTable(list, await search(tableId), `${options.location}（数据表 ${name}）`, people);
  };

  // The id's records as found by the last write's search.
  let matched: BitableRecord[] = [];
  const searchId = async (id: string): Promise<{ list: BitableField[]; records: BitableRecord[] }> => {
    const list = await fields(options.tableId);
    const idField = list.find((f) => matchHeader(f.field_name) === 'id');
    if (!idField) throw new SourceError(`${what} 的数据表没有“编号”字段，无法按编号找到任务。`);
    // Only the records carrying the id: found at write time, whatever the sort order is now.
    const filter = { conjunction: 'and', conditions: [{ field_name: idField.field_name, operator: 'is', value: [id] }] };
    return { list, records: await search(options.tableId, filter) };
  };
  // The table's columns are the fields in list order (toTable), so a field's index is its column.
  const rulesOf = (list: BitableField[]): ColumnRules => new Map(list.map((field, i) => [i, fieldRule(field)]));

  return {
    location: options.location,
    async read(): Promise<LedgerRead> {
      const people: Record<string, string> = {};
      const ledger = await readTable(options.tableId, people);
      const unitsId = await findUnitsTable();
      const units = unitsId ? await readTable(unitsId, people) : null;
      return { ledger, units, revision: null, people };
    },
    async readTab(name) {
      const tableId = (await tables()).find((t) => t.name === name)?.table_id;
      return tableId ? readTable(tableId, {}, name) : null;
    },
    // Bitable offers no table-level revision without reading the records.
    async revision(): Promise<string | null> {
      return null;
    },
    // Field types and select options hold for every record: the fields list (read once per source) is all it takes.
    columnRules: async () => rulesOf(await fields(options.tableId)),
    updateTask: createUpdater({
      location: options.location,
      logger: options.logger,
      async readLedger(id) {
        // A fresh fields list: an option the office added a minute ago must count.
        fieldCache.delete(options.tableId);
        const { list, records } = await searchId(id);
        matched = records;
        return toTable(list, matched, `${options.location}（数据表 ${options.tableId}）`, {});
      },
      // A text field's words are counted over every record (the write read only the task's): one more search, of that field.
      async rulesFor(_table, _rowIndex, choosing) {
        const list = await fields(options.tableId);
        const rules = new Map(rulesOf(list));
        for (const [i, field] of list.entries()) {
          const rule = rules.get(i)!;
          const meaning = matchHeader(field.field_name);
          if (rule.takes !== 'text' || meaning === null || !choosing.includes(meaning)) continue;
          const records = await search(options.tableId, undefined, [field.field_name]);
          rules.set(i, { ...rule, used: records.map((r) => cellText(fieldToCell(field, r.fields[field.field_name], {}))) });
        }
        return rules;
      },
      async readRow(plan) {
        const { list, records } = await searchId(plan.id);
        const record = records.find((r) => r.record_id === matched[plan.rowIndex].record_id);
        if (!record) throw new LedgerChangedError(`任务 ${plan.id} 的多维表格记录在读取后被修改或删除`);
        return list.map((f) => fieldToCell(f, record.fields[f.field_name], {}));
      },
      // Only the id's records were read, so the row number would always be 2: name the record instead.
      place: (plan) => `多维表格记录 ${matched[plan.rowIndex].record_id}`,
      async writeCells(plan) {
        const list = await fields(options.tableId);
        const values: Record<string, unknown> = {};
        for (const cell of plan.cells) values[cell.column] = cellToFieldValue(list.find((f) => f.field_name === cell.column)!, cell);
        await call({
          method: 'PUT',
          url: `${tableUrl(options.tableId)}/records/${matched[plan.rowIndex].record_id}`,
          data: { fields: values },
          bucket: `bitable:${options.appToken}/${options.tableId}`,
        });
      },
    }),
    appendRows: createAppender({
      location: options.location,
      logger: options.logger,
      readLedger: () => readTable(options.tableId, {}),
      async writeRows(plan) {
        const list = await fields(options.tableId);
        const unwritable = new Set<string>();
        // The table's columns are its fields in order, so a planned cell's index is its field.
        const records = plan.values.map((values) => {
          const record: Record<string, unknown> = {};
          values.forEach((text, c) => {
            const field = list[c];
            if (text === '' || isAutoNumber(field)) return;
            try {
              // A status into a select: the field's own option for that state, never a new option.
              const rule = fieldRule(field);
              const word = rule.takes === 'choice' && !rule.multiple ? (ownStatusWord(text, columnWords(rule, [])) ?? text) : text;
              record[field.field_name] = cellToFieldValue(field, { after: word });
            } catch {
              unwritable.add(field.field_name);
            }
          });
          return { fields: record };
        });
        const created: BitableRecord[] = [];
        for (let i = 0; i < records.length; i += BATCH_CREATE) {
          // client_token makes a retried batch create its records once.
          const data = await call<{ records?: BitableRecord[] }>({
            method: 'POST',
            url: `${tableUrl(options.tableId)}/records/batch_create`,
            params: { user_id_type: 'open_id', client_token: randomUUID() },
            data: { records: records.slice(i, i + BATCH_CREATE) },
            bucket: `bitable:${options.appToken}/${options.tableId}`,
          });
          created.push(...(data.records ?? []));
        }
        const idField = list.find((f) => matchHeader(f.field_name) === 'id');
        const ids = idField && isAutoNumber(idField) ? created.map((r) => String(flattenFeishuValue(r.fields[idField.field_name]))) : undefined;
        const warnings = [...unwritable].map((name) => `字段“${name}”的类型不能写入文字，新增记录中这一项留空，请在多维表格中补填。`);
        return { place: `多维表格新增记录 ${created.length} 条`, ...(ids ? { ids } : {}), warnings };
      },
    }),
  };
}
