/**
 * A ledger in a Google Sheet. Steady state is ONE values.batchGet per read (ledger + units tab); the tab list
 * (spreadsheets.get) is fetched once per source and again only when a tab was renamed. A write re-reads the ledger
 * to find the row by id, asks for the row's dropdowns (spreadsheets.get with includeGridData and a fields mask),
 * re-reads the row right before writing (the Sheets API has no conditional write: an appended note goes onto the
 * note as it is then) and checks afterwards that the appended line is still there. Writes use RAW, only the planned
 * cells (a number or serial-date column gets a number), in one values.batchUpdate. Another tab by name (readTab) is
 * one values.get of the quoted name; a tab that does not exist answers 400 "Unable to parse range".
 * New rows (appendRows) are one values.append below the last row.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { Cell, RawTable } from '../domain/types.js';
import type { Logger } from '../log/logger.js';
import { cellAddress, columnLetters, quoteTab } from './a1.js';
import type { GoogleClientFactory, GoogleSheetsClient } from './google-client.js';
import { classifyGoogleAppendError, classifyGoogleError, explainGoogleError } from './google-errors.js';
import { typedWriteValue } from './typed-write-value.js';
import { plainTableFromGrid, rowReader, tableFromGrid } from './grid.js';
import { rangeOf, rulesOfValidations, validationsOf, VALIDATION_FIELDS } from './google-validation.js';
import type { Sleep } from '../retry/backoff.js';
import { withRetry } from '../retry/with-retry.js';
import { createAppender } from './apply-append.js';
import { createUpdater } from './apply-update.js';
import type { ColumnRules, LedgerRead, LedgerSource } from './source.js';
import { SourceError } from './source-error.js';
import { pickUnitsTab } from './units-tab.js';

export interface GoogleSheetOptions {
  location: string;
  spreadsheetId: string;
  /** The tab from the URL's gid; the first tab when null. */
  gid: number | null;
  /** A units tab name from the configuration, or null to look for a default name. */
  unitsTab: string | null;
  client: GoogleClientFactory;
  logger: Logger;
  sleep?: Sleep;
}

interface Tabs {
  ledger: string;
  units: string | null;
}

// Numbers and serial dates rather than locale-formatted strings (valueRenderOption UNFORMATTED_VALUE, dateTimeRenderOption SERIAL_NUMBER).
const RENDER = { majorDimension: 'ROWS', valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'SERIAL_NUMBER' } as const;

/** The API's answer to a range naming a tab that does not exist (or no longer does, after a rename). */
function isMissingTab(error: unknown): boolean {
  return /Unable to parse range/i.test((error as Error).message);
}

/** Opens a Google Sheets ledger; nothing is loaded or requested until the first read or write. */
export function googleSheetSource(options: GoogleSheetOptions): LedgerSource {
  const { spreadsheetId } = options;
  let client: GoogleSheetsClient | null = null;
  let tabs: Tabs | null = null;

  const call = async <T>(label: string, op: (api: sheets_v4.Sheets) => Promise<T>, classify = classifyGoogleError): Promise<T> => {
    try {
      client ??= await options.client();
    } catch (error) {
      // A missing or malformed key already says which setting to fix.
      if (error instanceof SourceError) throw error;
      throw new SourceError(`无法连接 Google 表格：${(error as Error).message}`, { cause: error });
    }
    const api = client.sheets;
    try {
      return await withRetry(() => op(api), { label, classify, sleep: options.sleep, logger: options.logger });
    } catch (error) {
      throw explainGoogleError(error, spreadsheetId, client.account);
    }
  };

  const loadTabs = async (): Promise<Tabs> => {
    const res = await call('google tabs', (api) =>
      api.spreadsheets.get({ spreadsheetId, fields: 'sheets(properties(sheetId,title,index))' }),
    );
    const props = (res.data.sheets ?? []).map((s) => s.properties ?? {}).sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    const titles = props.map((p) => p.title ?? '');
    // JSON from protobuf may omit zero values: a missing sheetId or index is 0 (the first tab).
    const ledgerProps = options.gid === null ? props[0] : props.find((p) => (p.sheetId ?? 0) === options.gid);
    if (!ledgerProps?.title) {
      throw new SourceError(`Google 表格 ${spreadsheetId} 中找不到 gid=${options.gid} 的工作表（现有：${titles.join('、')}）。`);
    }
    return { ledger: ledgerProps.title, units: pickUnitsTab(titles, ledgerProps.title, options.unitsTab) };
  };

  const batchGet = async (ranges: string[]): Promise<Cell[][][]> => {
    const res = await call('google read', (api) =>
      api.spreadsheets.values.batchGet({ spreadsheetId, ranges, ...RENDER }),
    );
    return (res.data.valueRanges ?? []).map((vr) => (vr.values ?? []) as Cell[][]);
  };

  // Reads whole tabs; a renamed tab (400 "Unable to parse range") refreshes the tab list once.
  const readTabs = async (withUnits: boolean): Promise<{ tabs: Tabs; grids: Cell[][][] }> => {
    for (let attempt = 0; ; attempt += 1) {
      tabs ??= await loadTabs();
      const current = tabs;
      const ranges = [quoteTab(current.ledger), ...(withUnits && current.units ? [quoteTab(current.units)] : [])];
      try {
        return { tabs: current, grids: await batchGet(ranges) };
      } catch (error) {
        if (attempt > 0 || !isMissingTab(error)) throw error;
        tabs = null;
      }
    }
  };

  const label = (tab: string) => `${options.location}（工作表 ${tab}）`;
  // The ledger grid as last re-read for a write, so a write can keep a number column numbers.
  let writeGrid: Cell[][] = [];
  let writeTable: RawTable | null = null;

  // The dropdowns over these A1 ranges of the ledger tab, a range-based list read with one more values.batchGet.
  const rulesIn = async (ranges: string[]): Promise<ColumnRules> => {
    const res = await call('google validation', (api) =>
      api.spreadsheets.get({ spreadsheetId, ranges, includeGridData: true, fields: VALIDATION_FIELDS }),
    );
    const found = (res.data.sheets ?? []).flatMap((sheet) => validationsOf(sheet));
    const listRanges = [...new Set(found.map(({ rule }) => rangeOf(rule)).filter((r): r is string => r !== null))];
    const lists = listRanges.length > 0 ? await batchGet(listRanges) : [];
    return rulesOfValidations(found, new Map(listRanges.map((range, i) => [range, lists[i] ?? []])));
  };

  // Re-reads the ledger tab for a write or an append (never a cached copy).
  const readForWrite = async (): Promise<RawTable> => {
    const { tabs: t, grids } = await readTabs(false);
    writeGrid = grids[0] ?? [];
    writeTable = tableFromGrid(writeGrid, label(t.ledger));
    return writeTable;
  };

  return {
    location: options.location,
    async read(): Promise<LedgerRead> {
      const { tabs: t, grids } = await readTabs(true);
      const units: RawTable | null = t.units ? tableFromGrid(grids[1] ?? [], label(t.units)) : null;
      return { ledger: tableFromGrid(grids[0] ?? [], label(t.ledger)), units, revision: null };
    },
    async readTab(name) {
      try {
        const res = await call('google read tab', (api) => api.spreadsheets.values.get({ spreadsheetId, range: quoteTab(name), ...RENDER }));
        return plainTableFromGrid((res.data.values ?? []) as Cell[][], label(name));
      } catch (error) {
        if (isMissingTab(error)) return null;
        throw error;
      }
    },
    // The Sheets API has no revision, etag or modified time; Drive's modifiedTime lags by minutes and
    // needs another API and scope, so callers simply re-read (one request).
    async revision(): Promise<string | null> {
      return null;
    },
    async columnRules(table, columns) {
      tabs ??= await loadTabs();
      const tab = quoteTab(tabs.ledger);
      const [first, last] = [table.headerRow + 1, Math.max(table.headerRow + 1, table.rows.at(-1)?.row ?? 0)];
      return rulesIn(columns.map((c) => `${tab}!${columnLetters(c)}${first}:${columnLetters(c)}${last}`));
    },
    updateTask: createUpdater({
      location: options.location,
      logger: options.logger,
      readLedger: readForWrite,
      async rulesFor(table, rowIndex) {
        const row = table.rows[rowIndex].row;
        return rulesIn([`${quoteTab(tabs!.ledger)}!${row}:${row}`]);
      },
      async readRow(plan) {
        const res = await call('google read row', (api) =>
          api.spreadsheets.values.get({ spreadsheetId, range: `${quoteTab(tabs!.ledger)}!${plan.row}:${plan.row}`, ...RENDER }),
        );
        return rowReader(writeTable!.headers)(((res.data.values ?? [])[0] ?? []) as Cell[]);
      },
      async writeCells(plan) {
        const tab = quoteTab(tabs!.ledger);
        const data = plan.cells.map((c) => ({
          range: cellAddress(tab, c.columnIndex, plan.row),
          values: [[typedWriteValue(writeGrid, plan.row, c)]],
        }));
        // RAW: stored exactly as given, never parsed as a formula or a date.
        await call('google write', (api) => api.spreadsheets.values.batchUpdate({ spreadsheetId, requestBody: { valueInputOption: 'RAW', data } }));
      },
    }),
    appendRows: createAppender({
      location: options.location,
      logger: options.logger,
      readLedger: readForWrite,
      async writeRows(plan) {
        // The range starts below the last row and holds no data, so the rows go exactly there; INSERT_ROWS inserts
        // new rows rather than writing over anything further down. An append is not retried once it may have been
        // applied (a server error or a lost answer): only a refusal for quota is.
        const range = `${quoteTab(tabs!.ledger)}!A${plan.firstRow}`;
        const request = { spreadsheetId, range, valueInputOption: 'RAW', insertDataOption: 'INSERT_ROWS', requestBody: { majorDimension: 'ROWS', values: plan.values } };
        await call('google append', (api) => api.spreadsheets.values.append(request), classifyGoogleAppendError);
      },
    }),
  };
}
