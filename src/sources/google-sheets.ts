/**
 * A ledger in a Google Sheet. Steady state is ONE values.batchGet per read (ledger + units tab); the tab list
 * (spreadsheets.get) is fetched once per source and again only when a tab was renamed. Writes use RAW, only the
 * planned cells (a number or serial-date cell gets a number again), in one values.batchUpdate, after re-reading the
 * ledger to find the row by id. Another tab by name (readTab) is one values.get of the quoted name; a tab that does
 * not exist answers 400 "Unable to parse range".
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { Cell, RawTable } from '../domain/types.js';
import type { Logger } from '../log/logger.js';
import { cellAddress, quoteTab } from './a1.js';
import type { GoogleClientFactory, GoogleSheetsClient } from './google-client.js';
import { classifyGoogleError, explainGoogleError } from './google-errors.js';
import { typedWriteValue } from './typed-write-value.js';
import { plainTableFromGrid, tableFromGrid } from './grid.js';
import type { Sleep } from '../retry/backoff.js';
import { withRetry } from '../retry/with-retry.js';
import { createUpdater } from './apply-update.js';
import type { LedgerRead, LedgerSource } from './source.js';
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

  const call = async <T>(label: string, op: (api: sheets_v4.Sheets) => Promise<T>): Promise<T> => {
    try {
      client ??= await options.client();
    } catch (error) {
      // A missing or malformed key already says which setting to fix.
      if (error instanceof SourceError) throw error;
      throw new SourceError(`无法连接 Google 表格：${(error as Error).message}`, { cause: error });
    }
    const api = client.sheets;
    try {
      return await withRetry(() => op(api), { label, classify: classifyGoogleError, sleep: options.sleep, logger: options.logger });
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
  // The ledger grid as last re-read for a write, so a write can keep a number cell a number.
  let writeGrid: Cell[][] = [];

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
    updateTask: createUpdater({
      location: options.location,
      logger: options.logger,
      async readLedger() {
        const { tabs: t, grids } = await readTabs(false);
        writeGrid = grids[0] ?? [];
        return tableFromGrid(writeGrid, label(t.ledger));
      },
      async writeCells(plan) {
        const tab = quoteTab(tabs!.ledger);
        const current = writeGrid[plan.row - 1] ?? [];
        const data = plan.cells.map((c) => ({
          range: cellAddress(tab, c.columnIndex, plan.row),
          values: [[typedWriteValue(current[c.columnIndex], c)]],
        }));
        // RAW: stored exactly as given, never parsed as a formula or a date.
        await call('google write', (api) => api.spreadsheets.values.batchUpdate({ spreadsheetId, requestBody: { valueInputOption: 'RAW', data } }));
      },
    }),
  };
}
