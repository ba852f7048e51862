/**
 * A ledger in a Feishu spreadsheet (电子表格). Sheet ids come from the v3 sheets/query (once per source); values
 * from ONE v2 values_batch_get for the ledger and units tabs, dates as serial numbers. A write re-reads the ledger to
 * find the row by id, asks for the row's dropdowns (v2 dataValidation), re-reads the row right before writing (an
 * appended note goes onto the note as it is then) and checks afterwards that the appended line is still there. Writes
 * go through the "sheet:<token>" bucket, which the Feishu client runs one at a time (writes to one document must be
 * serial). A column of numbers (percent fractions, serial dates) gets a number: a string would make it text.
 * Another tab by name (readTab) is found in the same cached sheets/query and read with one values_batch_get.
 * New rows (appendRows) are one values_append below the last row, inserting rows.
 */
import type { FeishuApi } from '../feishu/feishu-api.js';
import type { Cell, RawTable } from '../domain/types.js';
import type { Logger } from '../log/logger.js';
import { cellAddress, columnLetters } from './a1.js';
import { explainFeishuError } from './feishu-errors.js';
import { flattenFeishuValue } from './feishu-values.js';
import { typedWriteValue } from './typed-write-value.js';
import { plainTableFromGrid, rowReader, tableFromGrid } from './grid.js';
import { rulesOfDropdowns, type Dropdown } from './feishu-dropdowns.js';
import { createAppender } from './apply-append.js';
import { createUpdater } from './apply-update.js';
import type { ColumnRules, LedgerRead, LedgerSource } from './source.js';
import { SourceError } from './source-error.js';
import { pickUnitsTab } from './units-tab.js';

/** A lazy Feishu client: the SDK is loaded only when a Feishu source is used. */
export type FeishuApiFactory = () => FeishuApi | Promise<FeishuApi>;

export interface FeishuSheetOptions {
  location: string;
  token: string;
  /** Sheet id (from ?sheet=) or tab title; the first tab when null. */
  sheet: string | null;
  unitsTab: string | null;
  api: FeishuApiFactory;
  logger: Logger;
}

interface SheetInfo {
  sheet_id: string;
  title: string;
  index?: number;
  resource_type?: string;
}

interface ValueRange {
  range?: string;
  values?: (unknown[] | null)[] | null;
}

interface BatchGetData {
  revision?: number;
  valueRanges?: ValueRange[];
}

interface Tabs {
  ledger: SheetInfo;
  units: SheetInfo | null;
  /** Every sheet tab, for readTab. */
  all: SheetInfo[];
}

const SCOPE = 'sheets:spreadsheet';

/** Opens a Feishu Sheets ledger; nothing is requested until the first read or write. */
export function feishuSheetSource(options: FeishuSheetOptions): LedgerSource {
  const { token } = options;
  const what = `飞书表格 ${token}`;
  const base = `/open-apis/sheets`;
  let tabs: Tabs | null = null;

  const call = async <T>(request: Parameters<FeishuApi['call']>[0]): Promise<T> => {
    try {
      return await (await options.api()).call<T>(request);
    } catch (error) {
      throw explainFeishuError(error, what, SCOPE);
    }
  };

  const loadTabs = async (): Promise<Tabs> => {
    const data = await call<{ sheets?: SheetInfo[] }>({ method: 'GET', url: `${base}/v3/spreadsheets/${token}/sheets/query` });
    const sheets = (data.sheets ?? []).filter((s) => !s.resource_type || s.resource_type === 'sheet');
    sheets.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    const wanted = options.sheet;
    const ledger = wanted === null ? sheets[0] : sheets.find((s) => s.sheet_id === wanted || s.title === wanted);
    if (!ledger) {
      throw new SourceError(`${what} 中找不到工作表“${wanted ?? '（第一个）'}”（现有：${sheets.map((s) => s.title).join('、')}）。`);
    }
    const unitsTitle = pickUnitsTab(sheets.map((s) => s.title), ledger.title, options.unitsTab);
    return { ledger, units: sheets.find((s) => s.title === unitsTitle) ?? null, all: sheets };
  };

  const batchGet = async (sheets: SheetInfo[]): Promise<{ grids: Cell[][][]; revision: string | null }> => {
    const data = await call<BatchGetData>({
      method: 'GET',
      url: `${base}/v2/spreadsheets/${token}/values_batch_get`,
      // ToString flattens links and mentions; no dateTimeRenderOption, so dates arrive as serial numbers.
      params: { ranges: sheets.map((s) => s.sheet_id).join(','), valueRenderOption: 'ToString' },
    });
    const ranges = data.valueRanges ?? [];
    // Each answer names its sheet ("Q7PlXT!A1:K9"); position is the fallback. `values` is null or absent when empty.
    const grids = sheets.map((sheet, i) => {
      const vr = ranges.find((r) => r.range?.split('!')[0] === sheet.sheet_id) ?? ranges[i];
      return (vr?.values ?? []).map((row) => (row ?? []).map(flattenFeishuValue));
    });
    return { grids, revision: data.revision === undefined ? null : String(data.revision) };
  };

  const label = (sheet: SheetInfo) => `${options.location}（工作表 ${sheet.title}）`;
  // The ledger grid as last re-read for a write, so a write can keep a number column numbers.
  let writeGrid: Cell[][] = [];
  let writeTable: RawTable | null = null;

  // The dropdown lists over a block of the ledger tab (at most 5,000 rows and 100 columns per request, as documented).
  const rulesIn = async (rows: [number, number], columns: [number, number]): Promise<ColumnRules> => {
    const sheetId = tabs!.ledger.sheet_id;
    const last = Math.min(rows[1], rows[0] + 4999);
    const right = Math.min(columns[1], columns[0] + 99);
    const data = await call<{ dataValidations?: Dropdown[] | null }>({
      method: 'GET',
      url: `${base}/v2/spreadsheets/${token}/dataValidation`,
      params: { range: `${sheetId}!${columnLetters(columns[0])}${rows[0]}:${columnLetters(right)}${last}`, dataValidationType: 'list' },
    });
    return rulesOfDropdowns(data.dataValidations ?? [], sheetId);
  };

  // Re-reads the ledger tab for a write or an append (never a cached copy).
  const readForWrite = async (): Promise<RawTable> => {
    tabs ??= await loadTabs();
    const { grids } = await batchGet([tabs.ledger]);
    writeGrid = grids[0] ?? [];
    writeTable = tableFromGrid(writeGrid, label(tabs.ledger));
    return writeTable;
  };

  return {
    location: options.location,
    async read(): Promise<LedgerRead> {
      tabs ??= await loadTabs();
      const t = tabs;
      const { grids, revision } = await batchGet(t.units ? [t.ledger, t.units] : [t.ledger]);
      const units: RawTable | null = t.units ? tableFromGrid(grids[1] ?? [], label(t.units)) : null;
      return { ledger: tableFromGrid(grids[0] ?? [], label(t.ledger)), units, revision };
    },
    async readTab(name) {
      tabs ??= await loadTabs();
      const sheet = tabs.all.find((s) => s.title === name);
      if (!sheet) return null;
      const { grids } = await batchGet([sheet]);
      return plainTableFromGrid(grids[0] ?? [], label(sheet));
    },
    // The spreadsheet revision comes with any values read; reading one cell is the cheapest way to get it.
    async revision(): Promise<string | null> {
      tabs ??= await loadTabs();
      const data = await call<{ revision?: number }>({
        method: 'GET',
        url: `${base}/v2/spreadsheets/${token}/values/${tabs.ledger.sheet_id}!A1:A1`,
      });
      return data.revision === undefined ? null : String(data.revision);
    },
    async columnRules(table, columns) {
      tabs ??= await loadTabs();
      if (columns.length === 0) return new Map();
      const rules = await rulesIn([table.headerRow + 1, Math.max(table.headerRow + 1, table.rows.at(-1)?.row ?? 0)], [Math.min(...columns), Math.max(...columns)]);
      return new Map([...rules].filter(([column]) => columns.includes(column)));
    },
    updateTask: createUpdater({
      location: options.location,
      logger: options.logger,
      readLedger: readForWrite,
      async rulesFor(table, rowIndex) {
        const row = table.rows[rowIndex].row;
        return rulesIn([row, row], [0, Math.max(0, table.headers.length - 1)]);
      },
      async readRow(plan) {
        const range = `${tabs!.ledger.sheet_id}!A${plan.row}:${columnLetters(Math.max(0, writeTable!.headers.length - 1))}${plan.row}`;
        const data = await call<{ valueRange?: ValueRange }>({
          method: 'GET',
          url: `${base}/v2/spreadsheets/${token}/values/${range}`,
          params: { valueRenderOption: 'ToString' },
        });
        return rowReader(writeTable!.headers)((data.valueRange?.values?.[0] ?? []).map(flattenFeishuValue));
      },
      async writeCells(plan) {
        const sheetId = tabs!.ledger.sheet_id;
        // Values are stored as sent (docs: a date is a serial number in a date-formatted cell), so keep numbers numeric.
        const valueRanges = plan.cells.map((c) => {
          const cell = cellAddress(sheetId, c.columnIndex, plan.row);
          return { range: `${cell}:${cell.split('!')[1]}`, values: [[typedWriteValue(writeGrid, plan.row, c)]] };
        });
        await call({ method: 'POST', url: `${base}/v2/spreadsheets/${token}/values_batch_update`, data: { valueRanges }, bucket: `sheet:${token}` });
      },
    }),
    appendRows: createAppender({
      location: options.location,
      logger: options.logger,
      readLedger: readForWrite,
      async writeRows(plan) {
        // values_append writes from the first empty row of the range down; INSERT_ROWS first inserts as many rows as
        // are written, so nothing below is ever written over (the default, OVERWRITE, would). The range starts below
        // the last row, so that is where the rows go.
        const width = plan.values[0].length;
        const range = `${tabs!.ledger.sheet_id}!A${plan.firstRow}:${columnLetters(width - 1)}${plan.firstRow + plan.values.length - 1}`;
        await call({
          method: 'POST',
          url: `${base}/v2/spreadsheets/${token}/values_append`,
          params: { insertDataOption: 'INSERT_ROWS' },
          data: { valueRange: { range, values: plan.values } },
          bucket: `sheet:${token}`,
        });
      },
    }),
  };
}
