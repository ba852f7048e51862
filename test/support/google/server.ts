/**
 * A Google Sheets v4 server on 127.0.0.1 for tests: the real `@googleapis/sheets` client talks to it through
 * `rootUrl`. values.get / batchGet / update / batchUpdate / append and spreadsheets.get (with `ranges`,
 * `includeGridData` and the `fields` mask: each cell's values and data validation), with ragged rows, quoted ranges,
 * serial-number dates (cells hold what the test put there), RAW vs USER_ENTERED, a record of writes that break a
 * cell's dropdown list, faults and a request log.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { colLetters, echoSheet, parseA1, type A1Range } from './a1.js';
import { applyFieldsMask, parseFieldsMask } from './fields-mask.js';

export type GoogleCell = string | number | boolean | null | { formula: string };

/** A data-validation rule as the API represents it (DataValidationRule). */
export interface GoogleValidation {
  condition: { type: string; values?: { userEnteredValue: string }[] };
  strict?: boolean;
  showCustomUi?: boolean;
}

export interface GoogleTab {
  sheetId: number;
  title: string;
  rows: GoogleCell[][];
  /** Data validation over ranges of this tab ("H2:H17"). */
  validations?: { range: string; rule: GoogleValidation }[];
}

/** A value written into a cell whose ONE_OF_LIST rule does not list it. */
export interface ValidationViolation {
  tab: string;
  row: number;
  column: number;
  value: unknown;
}

export interface GoogleRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: any;
  status: number;
}

export interface GoogleFault {
  method?: string;
  path?: RegExp;
  times: number;
  respond: { status: number; body: unknown; headers?: Record<string, string> } | 'drop' | { delayMs: number };
}

export interface GoogleLoopback {
  /** Pass as GOOGLE_SHEETS_ROOT_URL / rootUrl. */
  readonly url: string;
  /** The access token the server accepts (GOOGLE_ACCESS_TOKEN). */
  readonly token: string;
  readonly requests: GoogleRequest[];
  /** Values written against a cell's dropdown list. */
  readonly validationViolations: ValidationViolation[];
  /** Creates or replaces a spreadsheet; tabs are in order (index 0 first). */
  addSpreadsheet(id: string, tabs: { title: string; sheetId?: number; rows: GoogleCell[][]; validations?: GoogleTab['validations'] }[]): void;
  tab(id: string, title: string): GoogleTab;
  fault(fault: GoogleFault): void;
  clearFaults(): void;
  close(): Promise<void>;
}

const JSON_TYPE = { 'content-type': 'application/json; charset=UTF-8' };

/** A Google-style error body. */
export function googleError(status: number, message: string, canonical: string, headers?: Record<string, string>) {
  return { status, headers, body: { error: { code: status, message, status: canonical } } };
}

/** Canned Google failures, as the real API answers them (status, error.status and error.message as Google sends them). */
export const faults = {
  quota: (retryAfterSeconds?: number) =>
    googleError(429, "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user'", 'RESOURCE_EXHAUSTED',
      retryAfterSeconds === undefined ? undefined : { 'retry-after': String(retryAfterSeconds) }),
  forbidden: () => googleError(403, 'The caller does not have permission', 'PERMISSION_DENIED'),
  notFound: () => googleError(404, 'Requested entity was not found.', 'NOT_FOUND'),
  serverError: () => googleError(500, 'Internal error encountered.', 'INTERNAL'),
  unavailable: () => googleError(503, 'The service is currently unavailable.', 'UNAVAILABLE'),
};

class HttpFailure extends Error {
  constructor(readonly result: ReturnType<typeof googleError>) {
    super(String((result.body as { error: { message: string } }).error.message));
  }
}

/** Answer variants the protobuf JSON mapping allows. */
export interface GoogleLoopbackOptions {
  /** Leave out zero-valued fields (the first tab's sheetId 0 and index 0), as proto3 JSON may. */
  omitZeroes?: boolean;
}

/** Drops the keys whose value is 0 when `omit` is set. */
function withoutZeroes<T extends Record<string, unknown>>(object: T, omit: boolean): Partial<T> {
  return omit ? (Object.fromEntries(Object.entries(object).filter(([, v]) => v !== 0)) as Partial<T>) : object;
}

/** Starts the server on an ephemeral port. */
export async function startGoogleLoopback(token = 'test-google-token', options: GoogleLoopbackOptions = {}): Promise<GoogleLoopback> {
  const books = new Map<string, GoogleTab[]>();
  const requests: GoogleRequest[] = [];
  const pending: GoogleFault[] = [];
  const violations: ValidationViolation[] = [];

  // The rule covering a cell (0-based row and column), if any.
  const validationAt = (tab: GoogleTab, r: number, c: number): GoogleValidation | undefined =>
    tab.validations?.find(({ range }) => {
      const a = parseA1(range)!;
      return (a.startRow ?? 0) <= r && r <= (a.endRow ?? Infinity) && (a.startCol ?? 0) <= c && c <= (a.endCol ?? Infinity);
    })?.rule;

  // GridData for a range: every cell's values and its validation, proto3-style (zero starts and empty cells left out).
  const gridData = (tab: GoogleTab, range: A1Range) => {
    const r0 = range.startRow ?? 0;
    const c0 = range.startCol ?? 0;
    const r1 = Math.min(range.endRow ?? 999, Math.max(999, tab.rows.length - 1));
    const c1 = Math.min(range.endCol ?? 25, 25);
    const rowData = [];
    for (let r = r0; r <= r1; r += 1) {
      const values: Record<string, unknown>[] = [];
      for (let c = c0; c <= c1; c += 1) {
        const cell = tab.rows[r]?.[c];
        const data: Record<string, unknown> = {};
        if (cell !== undefined && cell !== null && cell !== '' && typeof cell !== 'object') {
          const kind = typeof cell === 'number' ? 'numberValue' : typeof cell === 'boolean' ? 'boolValue' : 'stringValue';
          data.userEnteredValue = { [kind]: cell };
          data.effectiveValue = { [kind]: cell };
          data.formattedValue = render_(cell, 'FORMATTED_VALUE');
        }
        const rule = validationAt(tab, r, c);
        if (rule) data.dataValidation = rule;
        values.push(data);
      }
      rowData.push({ values });
    }
    return { ...(r0 ? { startRow: r0 } : {}), ...(c0 ? { startColumn: c0 } : {}), rowData };
  };

  // Drops what proto3 JSON leaves out after a fields mask: empty cells at the end of a row, empty rows at the end.
  const trimGrid = (sheet: any) => {
    for (const block of sheet.data ?? []) {
      for (const row of block.rowData ?? []) {
        while (row.values?.length && Object.keys(row.values[row.values.length - 1]).length === 0) row.values.pop();
        if (row.values?.length === 0) delete row.values;
      }
      while (block.rowData?.length && Object.keys(block.rowData[block.rowData.length - 1]).length === 0) block.rowData.pop();
    }
    return sheet;
  };

  const bookOf = (id: string): GoogleTab[] => {
    const book = books.get(id);
    if (!book) throw new HttpFailure(faults.notFound());
    return book;
  };
  const resolve = (id: string, text: string): { tab: GoogleTab; range: A1Range } => {
    const range = parseA1(text);
    const book = bookOf(id);
    const tab = range && (range.sheet === null ? book[0] : book.find((t) => t.title === range.sheet));
    if (!range || !tab) throw new HttpFailure(googleError(400, `Unable to parse range: ${text}`, 'INVALID_ARGUMENT'));
    return { tab, range };
  };

  const readRange = (id: string, text: string, render: string) => {
    const { tab, range } = resolve(id, text);
    const rowCount = Math.max(1000, tab.rows.length);
    const r0 = range.startRow ?? 0;
    const r1 = Math.min(range.endRow ?? rowCount - 1, rowCount - 1);
    const c0 = range.startCol ?? 0;
    const c1 = Math.min(range.endCol ?? 25, 25);
    const values: unknown[][] = [];
    for (let r = r0; r <= r1 && r < tab.rows.length; r += 1) {
      const row = (tab.rows[r] ?? []).slice(c0, c1 + 1).map((cell) => render_(cell, render));
      while (row.length && (row[row.length - 1] === '' || row[row.length - 1] === null)) row.pop();
      values.push(row.map((v) => v ?? ''));
    }
    while (values.length && values[values.length - 1].length === 0) values.pop();
    const echo = `${echoSheet(tab.title)}!${colLetters(c0)}${r0 + 1}:${colLetters(c1)}${r1 + 1}`;
    return values.length ? { range: echo, majorDimension: 'ROWS', values } : { range: echo, majorDimension: 'ROWS' };
  };

  const writeRange = (id: string, text: string, values: unknown[][], input: string | null) => {
    if (input !== 'RAW' && input !== 'USER_ENTERED') {
      throw new HttpFailure(googleError(400, `Invalid valueInputOption: ${input}`, 'INVALID_ARGUMENT'));
    }
    const { tab, range } = resolve(id, text);
    const r0 = range.startRow ?? 0;
    const c0 = range.startCol ?? 0;
    values.forEach((row, i) =>
      row.forEach((value, j) => {
        if (value === null) return; // null leaves the cell unchanged
        const line = (tab.rows[r0 + i] ??= []);
        while (line.length <= c0 + j) line.push('');
        line[c0 + j] = input === 'USER_ENTERED' && typeof value === 'string' && value.startsWith('=') ? { formula: value } : (value as GoogleCell);
        const rule = validationAt(tab, r0 + i, c0 + j);
        const listed = rule?.condition.type === 'ONE_OF_LIST' ? (rule.condition.values ?? []).map((v) => v.userEnteredValue) : null;
        if (listed && value !== '' && !listed.includes(String(value))) violations.push({ tab: tab.title, row: r0 + i + 1, column: c0 + j, value });
      }),
    );
    for (let r = 0; r < tab.rows.length; r += 1) tab.rows[r] ??= [];
    const cells = values.reduce((n, row) => n + row.length, 0);
    return { spreadsheetId: id, updatedRange: `${echoSheet(tab.title)}!${text.split('!').pop()}`, updatedRows: values.length, updatedColumns: values[0]?.length ?? 0, updatedCells: cells };
  };

  // values.append: the range is searched for a table (its first row with data, and the rows that follow it without a
  // gap, past the range's end); the values go on the row after it, or at the range's start when it holds no data.
  // INSERT_ROWS inserts rows for them; OVERWRITE (the default) writes over whatever is there.
  const appendRange = (id: string, text: string, values: unknown[][], input: string | null, insert: string) => {
    if (insert !== 'OVERWRITE' && insert !== 'INSERT_ROWS') {
      throw new HttpFailure(googleError(400, `Invalid value at 'insert_data_option' (${insert})`, 'INVALID_ARGUMENT'));
    }
    const { tab, range } = resolve(id, text);
    const r0 = range.startRow ?? 0;
    const last = Math.min(range.endRow ?? tab.rows.length - 1, tab.rows.length - 1);
    const c0 = range.startCol ?? 0;
    const c1 = range.endCol ?? 25;
    const hasData = (r: number) => (tab.rows[r] ?? []).slice(c0, c1 + 1).some((cell) => cell !== '' && cell !== null && cell !== undefined);
    let start = r0;
    while (start <= last && !hasData(start)) start++;
    let end = start;
    while (end + 1 < tab.rows.length && hasData(end + 1)) end++;
    const found = start <= last;
    const at = found ? end + 1 : r0;
    if (insert === 'INSERT_ROWS') tab.rows.splice(at, 0, ...values.map(() => [] as GoogleCell[]));
    const updates = writeRange(id, `${echoSheet(tab.title)}!${colLetters(c0)}${at + 1}`, values, input);
    const width = Math.max(0, ...values.map((row) => row.length));
    const updatedRange = `${echoSheet(tab.title)}!${colLetters(c0)}${at + 1}:${colLetters(c0 + Math.max(width, 1) - 1)}${at + values.length}`;
    const tableRange = found ? { tableRange: `${echoSheet(tab.title)}!${colLetters(c0)}${start + 1}:${colLetters(c1)}${end + 1}` } : {};
    return { spreadsheetId: id, ...tableRange, updates: { ...updates, updatedRange } };
  };

  const route = (method: string, segments: string[], query: URLSearchParams, body: any): unknown => {
    const [v4, spreadsheets, rawId, values, rawRange] = segments;
    if (v4 !== 'v4' || spreadsheets !== 'spreadsheets' || !rawId) throw new HttpFailure(googleError(404, 'Not Found', 'NOT_FOUND'));
    // Custom methods are literal colons after the id or after "values" (…/spreadsheets/ID:batchUpdate, …/values:batchGet).
    const [id, idMethod] = rawId.split(':').map(decodeURIComponent);
    if (method === 'GET' && values === undefined && !idMethod) {
      const book = bookOf(id);
      // With `ranges`, only the tabs they name, each with one GridData per range when includeGridData is true.
      const ranges = query.getAll('ranges').map((text) => resolve(id, text));
      const tabs = ranges.length ? book.filter((t) => ranges.some((r) => r.tab === t)) : book;
      const withData = query.get('includeGridData') === 'true';
      const answer = {
        spreadsheetId: id,
        properties: { title: id, locale: 'zh_CN', timeZone: 'Asia/Shanghai' },
        sheets: tabs.map((t) => ({
          properties: {
            ...withoutZeroes({ sheetId: t.sheetId, index: book.indexOf(t) }, options.omitZeroes ?? false),
            title: t.title,
            sheetType: 'GRID',
            gridProperties: { rowCount: Math.max(1000, t.rows.length), columnCount: 26 },
          },
          ...(withData ? { data: (ranges.length ? ranges.filter((r) => r.tab === t).map((r) => r.range) : [parseA1('A:Z')!]).map((r) => gridData(t, r)) } : {}),
        })),
      };
      const fields = query.get('fields');
      if (!fields) return answer;
      const masked = applyFieldsMask(answer, parseFieldsMask(fields)) as { sheets?: unknown[] };
      masked.sheets?.forEach(trimGrid);
      return masked;
    }
    const render = query.get('valueRenderOption') ?? 'FORMATTED_VALUE';
    if (method === 'GET' && values === 'values:batchGet') {
      return { spreadsheetId: id, valueRanges: query.getAll('ranges').map((r) => readRange(id, r, render)) };
    }
    if (method === 'POST' && values === 'values:batchUpdate') {
      const data = (body?.data ?? []) as { range: string; values: unknown[][] }[];
      const responses = data.map((d) => writeRange(id, d.range, d.values, body?.valueInputOption ?? null));
      const sum = (key: 'updatedCells' | 'updatedRows' | 'updatedColumns') => responses.reduce((n, r) => n + r[key], 0);
      const sheets = new Set(data.map((d) => resolve(id, d.range).tab.sheetId)).size;
      return { spreadsheetId: id, totalUpdatedRows: sum('updatedRows'), totalUpdatedColumns: sum('updatedColumns'), totalUpdatedCells: sum('updatedCells'), totalUpdatedSheets: sheets, responses };
    }
    if (values === 'values' && rawRange) {
      const range = decodeURIComponent(rawRange);
      if (method === 'POST' && range.endsWith(':append')) {
        return appendRange(id, range.slice(0, -':append'.length), body?.values ?? [], query.get('valueInputOption'), query.get('insertDataOption') ?? 'OVERWRITE');
      }
      if (method === 'GET') return readRange(id, range, render);
      if (method === 'PUT') return writeRange(id, range, body?.values ?? [], query.get('valueInputOption'));
    }
    throw new HttpFailure(googleError(404, `No route for ${method} ${segments.join('/')}`, 'NOT_FOUND'));
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string) {
    const [rawPath, rawQuery = ''] = (req.url ?? '/').split('?');
    const method = req.method ?? 'GET';
    const query = new URLSearchParams(rawQuery);
    // The OAuth token endpoint gets a form body (grant_type=…&assertion=…), the Sheets API JSON.
    const body = raw && /json/i.test(req.headers['content-type'] ?? '') ? JSON.parse(raw) : raw || undefined;
    const record: GoogleRequest = { method, path: rawPath, query, body, status: 0 };
    requests.push(record);
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { ...JSON_TYPE, ...headers });
      res.end(JSON.stringify(payload, null, 2));
    };
    const fault = pending.find((f) => f.times > 0 && (!f.method || f.method === method) && (!f.path || f.path.test(decodeURIComponent(rawPath))));
    if (fault) {
      fault.times -= 1;
      if (fault.respond === 'drop') {
        record.status = -1;
        req.socket.destroy();
        return;
      }
      if ('delayMs' in fault.respond) await new Promise((r) => setTimeout(r, (fault.respond as { delayMs: number }).delayMs));
      else return send(fault.respond.status, fault.respond.body, fault.respond.headers);
    }
    if (req.headers.authorization !== `Bearer ${token}`) {
      const e = googleError(401, 'Request had invalid authentication credentials.', 'UNAUTHENTICATED');
      return send(e.status, e.body);
    }
    try {
      send(200, route(method, rawPath.split('/').filter(Boolean), query, body));
    } catch (error) {
      if (error instanceof HttpFailure) return send(error.result.status, error.result.body, error.result.headers);
      send(500, { error: { code: 500, message: String(error), status: 'INTERNAL' } });
    }
  }

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    requests,
    validationViolations: violations,
    addSpreadsheet(id, tabs) {
      books.set(id, tabs.map((t, i) => ({ sheetId: t.sheetId ?? (i === 0 ? 0 : 1000 + i * 7919), title: t.title, rows: t.rows.map((r) => [...r]), validations: t.validations })));
    },
    tab(id, title) {
      const tab = bookOf(id).find((t) => t.title === title);
      if (!tab) throw new Error(`no tab ${title}`);
      return tab;
    },
    fault: (f) => pending.push({ ...f }),
    clearFaults: () => pending.splice(0),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function render_(cell: GoogleCell | undefined, render: string): unknown {
  if (cell === undefined || cell === null) return '';
  if (typeof cell === 'object') return render === 'FORMULA' ? cell.formula : '#FORMULA';
  if (render === 'FORMATTED_VALUE') return typeof cell === 'boolean' ? (cell ? 'TRUE' : 'FALSE') : String(cell);
  return cell;
}
