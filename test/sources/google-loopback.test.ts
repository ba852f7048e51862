import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGoogleSheetsClient, type GoogleSheetsClient } from '../../src/sources/google-client.js';
import { startGoogleLoopback, type GoogleLoopback } from '../support/google/server.js';

let server: GoogleLoopback;
let client: GoogleSheetsClient;

beforeAll(async () => {
  server = await startGoogleLoopback();
  client = await createGoogleSheetsClient({ GOOGLE_ACCESS_TOKEN: server.token, GOOGLE_SHEETS_ROOT_URL: server.url });
  server.addSpreadsheet('S1', [
    { title: 'Sheet1', rows: [['a', 'b', '', ''], ['', 'x'], [], ['', '', '']] },
    { title: "It's 台账", sheetId: 1533097422, rows: [['编号', '截止日期'], [1, 45366]] },
  ]);
});
afterAll(() => server.close());

describe('Google Sheets loopback, driven by the real client', () => {
  it('trims trailing cells and rows, keeps middle blanks as "" and echoes the clamped range', async () => {
    const res = await client.sheets.spreadsheets.values.get({ spreadsheetId: 'S1', range: 'Sheet1' });
    expect(res.data.values).toEqual([['a', 'b'], ['', 'x']]);
    expect(res.data.range).toBe('Sheet1!A1:Z1000');
    const empty = await client.sheets.spreadsheets.values.get({ spreadsheetId: 'S1', range: 'Sheet1!D1:E2' });
    expect(empty.data.values).toBeUndefined();
  });

  it('parses quoted names with doubled apostrophes and serves serial dates unformatted', async () => {
    const range = "'It''s 台账'!A1:B";
    const unformatted = await client.sheets.spreadsheets.values.get({ spreadsheetId: 'S1', range, valueRenderOption: 'UNFORMATTED_VALUE' });
    expect(unformatted.data.values).toEqual([['编号', '截止日期'], [1, 45366]]);
    const formatted = await client.sheets.spreadsheets.values.get({ spreadsheetId: 'S1', range });
    expect(formatted.data.values?.[1]).toEqual(['1', '45366']);
    await expect(client.sheets.spreadsheets.values.get({ spreadsheetId: 'S1', range: "'Nope'!A1" })).rejects.toMatchObject({ status: 400 });
  });

  it('stores RAW text as text and USER_ENTERED "=" input as a formula; requires valueInputOption', async () => {
    await client.sheets.spreadsheets.values.update({ spreadsheetId: 'S1', range: 'Sheet1!C1', valueInputOption: 'RAW', requestBody: { values: [['=1+1']] } });
    await client.sheets.spreadsheets.values.update({ spreadsheetId: 'S1', range: 'Sheet1!D1', valueInputOption: 'USER_ENTERED', requestBody: { values: [['=1+1']] } });
    const res = await client.sheets.spreadsheets.values.get({ spreadsheetId: 'S1', range: 'Sheet1!C1:D1', valueRenderOption: 'FORMULA' });
    expect(res.data.values).toEqual([['=1+1', '=1+1']]);
    expect(server.tab('S1', 'Sheet1').rows[0].slice(2)).toEqual(['=1+1', { formula: '=1+1' }]);
    await expect(client.sheets.spreadsheets.values.update({ spreadsheetId: 'S1', range: 'Sheet1!C1', requestBody: { values: [['x']] } })).rejects.toMatchObject({ status: 400 });
  });

  it('appends after the table the range finds: OVERWRITE writes over what is below it, INSERT_ROWS inserts rows', async () => {
    server.addSpreadsheet('S2', [{ title: 'Log', rows: [['h'], ['a'], [], ['note']] }]);
    const append = (range: string, values: string[][], insertDataOption?: string) =>
      client.sheets.spreadsheets.values.append({ spreadsheetId: 'S2', range, valueInputOption: 'RAW', insertDataOption, requestBody: { values } });
    const first = await append('Log!A1', [['x'], ['y']]);
    expect(first.data).toMatchObject({ tableRange: 'Log!A1:A2', updates: { updatedRange: 'Log!A3:A4', updatedRows: 2 } });
    expect(server.tab('S2', 'Log').rows.map((r) => r[0])).toEqual(['h', 'a', 'x', 'y']);
    await append('Log!A2', [['z']], 'INSERT_ROWS');
    expect(server.tab('S2', 'Log').rows.map((r) => r[0])).toEqual(['h', 'a', 'x', 'y', 'z']);
    await append('Log!A9', [['far']], 'INSERT_ROWS');
    expect(server.tab('S2', 'Log').rows[8][0]).toBe('far');
    await expect(append('Log!A1', [['x']], 'SIDEWAYS')).rejects.toMatchObject({ status: 400 });
  });

  it('lists tabs with ids and rejects a wrong token', async () => {
    const meta = await client.sheets.spreadsheets.get({ spreadsheetId: 'S1' });
    expect(meta.data.sheets?.map((s) => [s.properties?.sheetId, s.properties?.title])).toEqual([[0, 'Sheet1'], [1533097422, "It's 台账"]]);
    const stranger = await createGoogleSheetsClient({ GOOGLE_ACCESS_TOKEN: 'wrong', GOOGLE_SHEETS_ROOT_URL: server.url });
    await expect(stranger.sheets.spreadsheets.get({ spreadsheetId: 'S1' })).rejects.toMatchObject({ status: 401 });
  });
});
