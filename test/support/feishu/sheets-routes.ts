/**
 * Feishu Sheets routes of the loopback: v3 sheets/query, v2 values get,
 * values_batch_get, values_batch_update, values_append and values_prepend, v2 dataValidation (the dropdown lists over
 * a range), with a revision per spreadsheet, null for empty cells, a check that writes to one spreadsheet never
 * overlap (they must be serial), a record of values written into a dropdown cell that are not in its list, and
 * switchable answer variants the docs allow.
 */
import { colIndex, colLetters as colLetter } from '../google/a1.js';
import type { FeishuRoute, RouteResult } from './server.js';

export type FeishuSheetCell = string | number | boolean | null;

export interface FeishuSheetTab {
  sheet_id: string;
  title: string;
  rows: FeishuSheetCell[][];
  /** Dropdown lists (下拉列表): the ranges they cover, one column each ("Q7PlXT!H2:H17"), and their words. */
  dropdowns?: { ranges: string[]; values: string[]; multiple?: boolean }[];
}

/** A value written into a dropdown cell that is not one of its words (Feishu keeps it, marked invalid). */
export interface DropdownViolation {
  range: string;
  value: FeishuSheetCell;
}

/** Answers the docs allow besides the loopback's default (every row as wide as the range, empty cells null). */
export interface SheetsVariant {
  /** Drop trailing empty cells and rows (the docs leave trimming open). */
  trimTrailing?: boolean;
  /** An empty range's `values`: [] by default, or null, or no key at all. */
  emptyValues?: 'null' | 'absent';
  /** Numbers (and serial dates) as text: a literal reading of valueRenderOption=ToString. */
  numbersAsText?: boolean;
  /** valueRanges in reverse order; each still names its sheet in `range`. */
  reverseRanges?: boolean;
}

export interface SheetsState {
  routes: FeishuRoute[];
  addSpreadsheet(token: string, tabs: FeishuSheetTab[]): void;
  tab(token: string, title: string): FeishuSheetTab;
  /** Writes that arrived while another write to the same spreadsheet was still being handled. */
  readonly overlappingWrites: number;
  /** How long a write takes to handle (to make overlaps observable). */
  writeDelayMs: number;
  /** Documented answer variants to exercise; none by default. */
  variant: SheetsVariant;
  /** Values written into dropdown cells that are not in their list. */
  readonly dropdownViolations: DropdownViolation[];
}

interface Book {
  tabs: FeishuSheetTab[];
  revision: number;
  writing: number;
}

const ok = (data: unknown): RouteResult => ({ body: { code: 0, msg: 'success', data } });
const notFound = (): RouteResult => ({ status: 400, body: { code: 1310214, msg: 'spreadsheet not found' } });

interface Parsed {
  tab: FeishuSheetTab;
  r0: number;
  c0: number;
  r1: number | null;
  c1: number | null;
}

/** "<sheetId>", "<sheetId>!A1:B5", "<sheetId>!A2:B", "<sheetId>!A:B". */
function parseRange(book: Book, text: string): Parsed | null {
  const [id, cells] = text.split('!');
  const tab = book.tabs.find((t) => t.sheet_id === id);
  if (!tab) return null;
  if (!cells) return { tab, r0: 0, c0: 0, r1: null, c1: null };
  const m = /^([A-Z]+)(\d*):([A-Z]+)(\d*)$/.exec(cells);
  if (!m) return null;
  return { tab, c0: colIndex(m[1]), r0: m[2] ? Number(m[2]) - 1 : 0, c1: colIndex(m[3]), r1: m[4] ? Number(m[4]) - 1 : null };
}

interface LoopbackValueRange {
  majorDimension: string;
  range: string;
  revision: number;
  values?: FeishuSheetCell[][] | null;
}

function readRange(p: Parsed, revision: number, text: string, variant: SheetsVariant): LoopbackValueRange {
  const lastRow = p.r1 ?? p.tab.rows.length - 1;
  const width = p.c1 ?? Math.max(0, ...p.tab.rows.map((r) => r.length)) - 1;
  const values: FeishuSheetCell[][] = [];
  for (let r = p.r0; r <= lastRow; r += 1) {
    const row: FeishuSheetCell[] = [];
    for (let c = p.c0; c <= width; c += 1) {
      const cell = p.tab.rows[r]?.[c];
      row.push(cell === undefined || cell === '' ? null : variant.numbersAsText && typeof cell === 'number' ? String(cell) : cell);
    }
    values.push(row);
  }
  if (variant.trimTrailing) {
    for (const row of values) while (row.length && row[row.length - 1] === null) row.pop();
    while (values.length && values[values.length - 1].length === 0) values.pop();
  }
  const range = { majorDimension: 'ROWS', range: text, revision };
  if (values.length > 0 || !variant.emptyValues) return { ...range, values };
  return variant.emptyValues === 'null' ? { ...range, values: null } : range;
}

/** 0-based column bounds and 0-based row bounds (null: open) of a range on a sheet, from "A2:C9" / "H2:H". */
function bounds(p: Parsed): { c0: number; c1: number; r0: number; r1: number } {
  return { c0: p.c0, c1: p.c1 ?? p.c0, r0: p.r0, r1: p.r1 ?? Number.MAX_SAFE_INTEGER };
}

function overlaps(a: ReturnType<typeof bounds>, b: ReturnType<typeof bounds>): boolean {
  return a.c0 <= b.c1 && b.c0 <= a.c1 && a.r0 <= b.r1 && b.r0 <= a.r1;
}

/** The dropdown lists of a sheet covering a range, each with its covered ranges clipped to the sheet's (per column). */
function dropdownsIn(book: Book, p: Parsed) {
  const want = bounds(p);
  return (p.tab.dropdowns ?? [])
    .map((d) => ({ d, ranges: d.ranges.filter((r) => { const q = parseRange(book, r); return q !== null && overlaps(bounds(q), want); }) }))
    .filter(({ ranges }) => ranges.length > 0)
    .map(({ d, ranges }) => ({ ranges, dataValidationType: 'list', conditionValues: d.values, options: { multipleValues: d.multiple ?? false, highlightValidData: false } }));
}

const isEmpty = (cell: FeishuSheetCell | undefined) => cell === undefined || cell === null || cell === '';

/** Writes values into a tab from (r0, c0); plain values only, as the loopback stores them. */
function writeValues(p: Parsed, values: FeishuSheetCell[][]): void {
  values.forEach((row, i) =>
    row.forEach((value, j) => {
      if (typeof value === 'object' && value !== null) throw new Error('loopback stores plain values only');
      const line = (p.tab.rows[p.r0 + i] ??= []);
      while (line.length <= p.c0 + j) line.push(null);
      line[p.c0 + j] = value;
    }),
  );
}

/** The answer to values_append / values_prepend: where the values went. */
function updates(token: string, book: Book, p: Parsed, values: FeishuSheetCell[][]) {
  const width = Math.max(1, ...values.map((row) => row.length));
  const updatedRange = `${p.tab.sheet_id}!${colLetter(p.c0)}${p.r0 + 1}:${colLetter(p.c0 + width - 1)}${p.r0 + values.length}`;
  return {
    revision: book.revision,
    spreadsheetToken: token,
    tableRange: updatedRange,
    updates: { revision: book.revision, spreadsheetToken: token, updatedRange, updatedRows: values.length, updatedColumns: width, updatedCells: values.flat().length },
  };
}

/** Creates the routes and the spreadsheets they serve. */
export function createSheetsRoutes(): SheetsState {
  const books = new Map<string, Book>();
  let overlapping = 0;
  const violations: DropdownViolation[] = [];
  const base = '/open-apis/sheets';

  const state: SheetsState = {
    routes: [
      {
        method: 'GET',
        path: `${base}/v3/spreadsheets/:token/sheets/query`,
        handle: ({ params }) => {
          const book = books.get(params.token);
          if (!book) return notFound();
          const sheets = book.tabs.map((t, index) => ({
            sheet_id: t.sheet_id, title: t.title, index, hidden: false, resource_type: 'sheet',
            grid_properties: { frozen_row_count: 1, frozen_column_count: 0, row_count: Math.max(200, t.rows.length), column_count: 20 },
          }));
          return ok({ sheets });
        },
      },
      {
        method: 'GET',
        path: `${base}/v2/spreadsheets/:token/values_batch_get`,
        handle: ({ params, query }) => {
          const book = books.get(params.token);
          if (!book) return notFound();
          const ranges = (query.get('ranges') ?? '').split(',');
          const parsed = ranges.map((r) => parseRange(book, r));
          if (parsed.some((p) => p === null)) return { status: 400, body: { code: 1310202, msg: 'Wrong Range' } };
          const valueRanges = parsed.map((p, i) => readRange(p!, book.revision, ranges[i], state.variant));
          const totalCells = valueRanges.reduce((n, vr) => n + (vr.values ?? []).reduce((m, row) => m + row.length, 0), 0);
          if (state.variant.reverseRanges) valueRanges.reverse();
          return ok({ revision: book.revision, spreadsheetToken: params.token, totalCells, valueRanges });
        },
      },
      {
        method: 'GET',
        path: `${base}/v2/spreadsheets/:token/values/:range`,
        handle: ({ params }) => {
          const book = books.get(params.token);
          if (!book) return notFound();
          const p = parseRange(book, params.range);
          if (!p) return { status: 400, body: { code: 1310202, msg: 'Wrong Range' } };
          return ok({ revision: book.revision, spreadsheetToken: params.token, valueRange: readRange(p, book.revision, params.range, state.variant) });
        },
      },
      {
        method: 'GET',
        path: `${base}/v2/spreadsheets/:token/dataValidation`,
        handle: ({ params, query }) => {
          const book = books.get(params.token);
          if (!book) return notFound();
          if (query.get('dataValidationType') !== 'list') return { status: 400, body: { code: 1310251, msg: 'dataValidationType must be list' } };
          const p = parseRange(book, query.get('range') ?? '');
          if (!p) return { status: 400, body: { code: 1310202, msg: 'Wrong Range' } };
          const { r0, r1, c0, c1 } = bounds(p);
          // Documented limit: at most 5,000 rows and 100 columns per query.
          if ((p.r1 === null ? Infinity : r1 - r0 + 1) > 5000 || c1 - c0 + 1 > 100) return { status: 400, body: { code: 1310251, msg: 'range too large' } };
          return ok({ spreadsheetToken: params.token, sheetId: p.tab.sheet_id, revision: book.revision, dataValidations: dropdownsIn(book, p) });
        },
      },
      {
        method: 'POST',
        path: `${base}/v2/spreadsheets/:token/values_batch_update`,
        handle: async ({ params, body }) => {
          const book = books.get(params.token);
          if (!book) return notFound();
          if (book.writing > 0) overlapping += 1;
          book.writing += 1;
          try {
            if (state.writeDelayMs) await new Promise((r) => setTimeout(r, state.writeDelayMs));
            const responses = [];
            for (const vr of (body?.valueRanges ?? []) as { range: string; values: FeishuSheetCell[][] }[]) {
              const p = parseRange(book, vr.range);
              if (!p) return { status: 400, body: { code: 1310202, msg: 'Wrong Range' } };
              writeValues(p, vr.values);
              vr.values.forEach((row, i) =>
                row.forEach((value, j) => {
                  const cell: Parsed = { tab: p.tab, r0: p.r0 + i, c0: p.c0 + j, r1: p.r0 + i, c1: p.c0 + j };
                  const lists = dropdownsIn(book, cell);
                  if (value !== null && value !== '' && lists.some((l) => !l.conditionValues.includes(String(value)))) violations.push({ range: vr.range, value });
                }),
              );
              responses.push({ spreadsheetToken: params.token, updatedRange: vr.range, updatedRows: vr.values.length, updatedColumns: vr.values[0]?.length ?? 0, updatedCells: vr.values.flat().length });
            }
            book.revision += 1;
            return ok({ revision: book.revision, spreadsheetToken: params.token, responses });
          } finally {
            book.writing -= 1;
          }
        },
      },
      {
        // Appends from the first empty cell of the range's first column, looking down from its first row. OVERWRITE
        // (the default) writes from there over whatever follows when the empty rows run out; INSERT_ROWS first inserts
        // as many rows as are written.
        method: 'POST',
        path: `${base}/v2/spreadsheets/:token/values_append`,
        handle: ({ params, query, body }) => {
          const book = books.get(params.token);
          if (!book) return notFound();
          const option = query.get('insertDataOption') ?? 'OVERWRITE';
          const vr = body?.valueRange as { range?: string; values?: FeishuSheetCell[][] } | undefined;
          const p = vr?.range ? parseRange(book, vr.range) : null;
          const values = vr?.values ?? [];
          if (!p || (p.c1 !== null && values.some((row) => row.length > p.c1! - p.c0 + 1))) return { status: 400, body: { code: 1310202, msg: 'Wrong Range' } };
          if (option !== 'OVERWRITE' && option !== 'INSERT_ROWS') return { status: 400, body: { code: 1310201, msg: 'Wrong Param: insertDataOption' } };
          let at = p.r0;
          while (!isEmpty(p.tab.rows[at]?.[p.c0])) at++;
          if (option === 'INSERT_ROWS') p.tab.rows.splice(at, 0, ...values.map(() => []));
          const target = { ...p, r0: at };
          writeValues(target, values);
          book.revision += 1;
          return ok(updates(params.token, book, target, values));
        },
      },
      {
        // Inserts as many rows as are written above the range's first row, and writes them there.
        method: 'POST',
        path: `${base}/v2/spreadsheets/:token/values_prepend`,
        handle: ({ params, body }) => {
          const book = books.get(params.token);
          if (!book) return notFound();
          const vr = body?.valueRange as { range?: string; values?: FeishuSheetCell[][] } | undefined;
          const p = vr?.range ? parseRange(book, vr.range) : null;
          if (!p) return { status: 400, body: { code: 1310202, msg: 'Wrong Range' } };
          const values = vr?.values ?? [];
          p.tab.rows.splice(p.r0, 0, ...values.map(() => []));
          writeValues(p, values);
          book.revision += 1;
          return ok(updates(params.token, book, p, values));
        },
      },
    ],
    addSpreadsheet(token, tabs) {
      books.set(token, { tabs: tabs.map((t) => ({ ...t, rows: t.rows.map((r) => [...r]) })), revision: 1, writing: 0 });
    },
    tab(token, title) {
      const tab = books.get(token)?.tabs.find((t) => t.title === title);
      if (!tab) throw new Error(`no tab ${title} in ${token}`);
      return tab;
    },
    get overlappingWrites() {
      return overlapping;
    },
    writeDelayMs: 0,
    variant: {},
    dropdownViolations: violations,
  };
  return state;
}

/** The wiki get_node route: wiki node tokens → the documents they hold (sheets and bases kept in a 知识库). */
export function createWikiRoute(nodes: Record<string, { obj_type: string; obj_token: string; title: string }>): FeishuRoute {
  return {
    method: 'GET',
    path: '/open-apis/wiki/v2/spaces/get_node',
    handle: ({ query }) => {
      const node = nodes[query.get('token') ?? ''];
      if (!node) return { status: 400, body: { code: 131005, msg: 'not found' } };
      return ok({ node: { node_token: query.get('token'), node_type: 'origin', space_id: '7300000000000000001', ...node } });
    },
  };
}
