import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyChatUpdate } from '../../src/app/chat-update.js';
import { readLedger } from '../../src/app/read-ledger.js';
import { parseLedger } from '../../src/ledger/parse-ledger.js';
import { readLocalTable } from '../../src/ledger/read-local.js';
import { matchHeader } from '../../src/ledger/headers.js';
import { openSource } from '../../src/sources/open-source.js';
import type { LoopbackField, LoopbackRecord } from '../support/feishu/bitable-routes.js';
import { apiRequests, type FeishuSetup, useFeishuSetup } from './feishu-harness.js';
import { csvGrid, digest, EXAMPLE_TASKS, EXAMPLE_UNITS } from './example.js';

const APP = 'bascnDubanExample01';
const URL_ = `https://tongnan.feishu.cn/base/${APP}?table=tblLedger01&view=vew1`;
const DATE = '2026-11-29';
let f: FeishuSetup;

// Field types as an office would set them up: dates as date fields, progress a percent number, units multi-select.
const TYPES: Record<string, LoopbackField> = {
  category: { field_name: '', type: 3 },
  assist: { field_name: '', type: 4 },
  start: { field_name: '', type: 5 },
  status: { field_name: '', type: 3 },
  progress: { field_name: '', type: 2, property: { formatter: '0%' } },
  updated: { field_name: '', type: 5 },
};

/** Midnight in Asia/Shanghai of a y-m-d date, in ms (what a Bitable date field holds). */
function shanghaiMs(text: string): number {
  const [y, m, d] = text.split(/[-/]/).map(Number);
  return Date.UTC(y, m - 1, d) - 8 * 3600_000;
}

function toBitable(grid: string[][], id: (i: number) => string = (i) => `rec${String(i).padStart(6, '0')}`) {
  const [header, ...rows] = grid;
  const fields: LoopbackField[] = header.map((name) => ({ ...(TYPES[matchHeader(name) ?? ''] ?? { type: 1 }), field_name: name }));
  // A select field's options are the words the office has used in it.
  fields.forEach((field, c) => {
    if (field.type !== 3 && field.type !== 4) return;
    const words = rows.flatMap((row) => (field.type === 4 ? (row[c] ?? '').split('、') : [row[c] ?? ''])).filter(Boolean);
    field.property = { options: [...new Set(words)].map((name) => ({ name })) };
  });
  fields.push({ field_name: '督办人', type: 11 });
  const records: LoopbackRecord[] = rows.map((row, i) => {
    const values: Record<string, unknown> = {};
    fields.forEach((field, c) => {
      const text = row[c] ?? '';
      if (text === '') return; // Bitable omits empty fields
      if (field.type === 5) values[field.field_name] = shanghaiMs(text);
      else if (field.type === 2) values[field.field_name] = Number(text.replace('%', '')) / 100;
      else if (field.type === 4) values[field.field_name] = text.split('、');
      else values[field.field_name] = text;
    });
    if (i === 0) values['督办人'] = [{ id: 'ou_0123456789abcdef', name: '周敏', en_name: 'Zhou Min' }];
    return { record_id: id(i), fields: values };
  });
  return { fields, records };
}

const unitsTable = () => {
  const [header, ...rows] = csvGrid(EXAMPLE_UNITS);
  return {
    name: '单位',
    fields: header.map((name) => ({ field_name: name, type: 1 })),
    records: rows.map((row, i) => ({ record_id: `recU${i}`, fields: Object.fromEntries(header.map((h, c) => [h, row[c]]).filter(([, v]) => v !== '')) })),
  };
};

const feishu = useFeishuSetup();
beforeEach(() => {
  f = feishu();
  f.bitable.addTable(APP, 'tblLedger01', { name: '台账', ...toBitable(csvGrid(EXAMPLE_TASKS)) });
  f.bitable.addTable(APP, 'tblUnits0001', unitsTable());
  f.server.requests.length = 0;
  f.server.clearFaults();
  f.clock.sleeps.length = 0;
});

const recordOf = (id: string) => f.bitable.table(APP, 'tblLedger01').records.find((r) => r.fields['编号'] === id)!;

describe('Bitable source', () => {
  it('reads the example ledger and units to the same tasks as the CSV, people kept with open_ids', async () => {
    const local = parseLedger(await readLocalTable(EXAMPLE_TASKS), await readLocalTable(EXAMPLE_UNITS), { today: DATE });
    const read = await openSource(URL_, { ...f.deps, units: 'tblUnits0001' }).read();
    expect(digest(parseLedger(read.ledger, read.units, { today: DATE }))).toEqual(digest(local));
    expect(read.people).toEqual({ 周敏: 'ou_0123456789abcdef' });
    expect(read.ledger.rows[0].cells[read.ledger.headers.indexOf('督办人')]).toBe('周敏');
  });

  it('finds the units table by its name, listing the tables once per source', async () => {
    const source = openSource(URL_, f.deps);
    expect((await source.read()).units?.rows).toHaveLength(24);
    await source.read();
    expect(apiRequests(f.server).filter((r) => r.path.endsWith(`/apps/${APP}/tables`))).toHaveLength(1);
    await expect(openSource(URL_, { ...f.deps, units: '联络表' }).read()).rejects.toThrow('没有名为“联络表”');
  });

  it('reads a base kept in a wiki (知识库) through its node', async () => {
    const read = await openSource('https://tongnan.feishu.cn/wiki/wikcnLedgerBase?table=tblLedger01&view=vew1', f.deps).read();
    expect(read.ledger.rows).toHaveLength(16);
    expect(read.units?.rows).toHaveLength(24);
  });

  it('pages through 2,000 records 500 at a time and fails instead of truncating on a bad page', async () => {
    const grid = csvGrid(EXAMPLE_TASKS);
    const rows = Array.from({ length: 2000 }, (_, i) => [String(i + 1), '类别', `任务 ${i + 1}`, '区交通局', '', '2022-01-04', '2022-06-30', '进行中', '50%', '', '2022-06-01']);
    f.bitable.addTable(APP, 'tblBig', toBitable([grid[0], ...rows]));
    const source = openSource(`bitable:${APP}/tblBig`, f.deps);
    const read = await source.read();
    expect(read.ledger.rows).toHaveLength(2000);
    const searches = apiRequests(f.server).filter((r) => r.path.endsWith('tblBig/records/search'));
    expect(searches.map((r) => r.query.page_token ?? '')).toEqual(['', '500', '1000', '1500']);
    expect(searches.every((r) => r.query.page_size === '500')).toBe(true);

    f.server.fault({ path: /tblBig\/records\/search$/, times: 1, respond: { body: { code: 1254291, msg: 'Write conflict' } } });
    expect((await source.read()).ledger.rows).toHaveLength(2000);
    // Page 1 passes (after a short delay), page 2 fails: the read must fail, not return 500 rows.
    f.server.fault({ path: /tblBig\/records\/search$/, times: 1, respond: { delayMs: 1 } });
    f.server.fault({ path: /tblBig\/records\/search$/, times: 1, respond: { body: { code: 1254302, msg: 'permission denied by advanced permission' } } });
    await expect(source.read()).rejects.toThrow(/添加文档应用.*bitable:app/);
  });

  it('updates the record found by id at write time with typed values and an appended note', async () => {
    const source = openSource(URL_, f.deps);
    await source.read();
    const table = f.bitable.table(APP, 'tblLedger01');
    table.records.reverse();
    recordOf('5').fields['任务'] = '人工修改的任务';
    const outcome = await source.updateTask('5', { status: '暂缓', progress: '100%', note: '已办结', by: '王五', date: DATE });
    const rec = recordOf('5');
    expect(rec.fields['状态']).toBe('暂缓');
    expect(rec.fields['进度']).toBe(1);
    expect(rec.fields['更新时间']).toBe(shanghaiMs(DATE));
    expect(String(rec.fields['进展情况'])).toMatch(new RegExp(`\\n\\[${DATE} 王五\\] 已办结$`));
    expect(rec.fields['任务']).toBe('人工修改的任务');
    expect(outcome.changes.map((c) => c.column)).toEqual(['状态', '进度', '进展情况', '更新时间']);
    // Only the id's record was read, so its "row" is always 2: messages name the record instead.
    expect(outcome.place).toBe(`多维表格记录 ${rec.record_id}`);
    const search = apiRequests(f.server).filter((r) => r.path.endsWith('/records/search')).pop()!;
    expect(search.body.filter.conditions).toEqual([{ field_name: '编号', operator: 'is', value: ['5'] }]);
    const put = apiRequests(f.server).find((r) => r.method === 'PUT')!;
    expect(put.path).toContain(rec.record_id);
    expect(Object.keys(put.body.fields)).toEqual(['状态', '进度', '进展情况', '更新时间']);
  });

  it('tells a liaison updating in chat which record was written, not a row number that Bitable does not have', async () => {
    const source = openSource(URL_, { ...f.deps, units: 'tblUnits0001' });
    const { ledger } = await readLedger(source, DATE);
    const intent = { kind: 'update', id: '6', status: null, progress: '90%', note: '已审定' } as const;
    const result = await applyChatUpdate(intent, ledger, source, { unit: '区退役军人事务局', name: '黄志强' }, DATE);
    expect(result.ok).toBe(true);
    expect(result.text).toContain(`（多维表格记录 ${recordOf('6').record_id}）`);
    expect(result.text).not.toContain('第 2 行');
  });

  it('retries a write conflict (1254291, HTTP 200) and refuses missing or duplicate ids', async () => {
    const source = openSource(URL_, f.deps);
    f.server.fault({ method: 'PUT', times: 1, respond: { body: { code: 1254291, msg: 'Write conflict' } } });
    await source.updateTask('2', { status: '进行中', progress: '0.85', date: DATE });
    expect(recordOf('2').fields['进度']).toBe(0.85);
    expect(f.clock.sleeps.length).toBe(1);
    await expect(source.updateTask('404', { status: '已完成', date: DATE })).rejects.toThrow('找不到编号为“404”');
    recordOf('6').fields['编号'] = '3';
    await expect(source.updateTask('3', { status: '已完成', date: DATE })).rejects.toThrow(/出现了 2 次/);
  });

  it('refuses formula input as a status, writing nothing', async () => {
    const before = recordOf('1').fields['状态'];
    await expect(openSource(URL_, f.deps).updateTask('1', { note: 'x', status: '-1+1', date: DATE })).rejects.toThrow('无法识别');
    expect(recordOf('1').fields['状态']).toEqual(before);
  });
});

describe('Bitable answer variants and field value shapes from the docs', () => {
  afterEach(() => {
    f.bitable.variant = {};
  });

  it('reads the same tasks with text as plain strings, page_token "" on the last page, and an empty search as items null or absent', async () => {
    const local = parseLedger(await readLocalTable(EXAMPLE_TASKS), await readLocalTable(EXAMPLE_UNITS), { today: DATE });
    f.bitable.variant = { textAsString: true, emptyPageToken: true, emptyItems: 'null' };
    const source = openSource(URL_, { ...f.deps, units: 'tblUnits0001' });
    const read = await source.read();
    expect(digest(parseLedger(read.ledger, read.units, { today: DATE }))).toEqual(digest(local));
    await expect(source.updateTask('404', { status: '已完成', date: DATE })).rejects.toThrow('找不到编号为“404”');
    f.bitable.variant = { emptyItems: 'absent' };
    await expect(source.updateTask('405', { status: '已完成', date: DATE })).rejects.toThrow('找不到编号为“405”');
  });

  it('reads formula and lookup results, people without a name, links, checkboxes and numbers or dates sent as text', async () => {
    const due = shanghaiMs('2026-12-01');
    f.bitable.addTable(APP, 'tblShapes', {
      name: '形状',
      fields: [
        { field_name: '公式日期', type: 20 }, { field_name: '引用文本', type: 19 }, { field_name: '公式数字', type: 20 },
        { field_name: '人员', type: 11 }, { field_name: '链接', type: 15 }, { field_name: '完成', type: 7 },
        { field_name: '数字', type: 2 }, { field_name: '日期', type: 5 }, { field_name: '多选', type: 4 },
      ],
      records: [{
        record_id: 'recShape1',
        fields: {
          公式日期: { type: 5, value: [due] },
          引用文本: { type: 1, value: [{ type: 'text', text: '区交' }, { type: 'text', text: '通局' }] },
          公式数字: { type: 2, value: [3, 4] },
          人员: [{ id: 'ou_a', en_name: 'Li Lei' }, { id: 'ou_b', name: '韩梅梅', email: 'hmm@tn.gov.cn' }],
          链接: { link: 'https://tn.gov.cn/x', text: '文件' },
          完成: true,
          数字: '2323.5',
          日期: String(due),
          多选: ['区交通局', '区财政局'],
        },
      }],
    });
    const tab = await openSource(`bitable:${APP}/tblLedger01`, f.deps).readTab!('形状');
    expect(tab?.rows[0].cells).toEqual(['2026-12-01', '区交通局', '3、4', 'Li Lei、韩梅梅', '文件', true, 2323.5, '2026-12-01', '区交通局、区财政局']);
  });

  it('takes liaison and leader open_ids from person fields of the units table (no account text column)', async () => {
    // A directory kept the Bitable way: 联络员 a person field, 领导账号 a person field, no 联络员账号 column.
    const person = (id: string, name: string) => [{ id, name, en_name: name, email: '', avatar_url: 'https://x/a.png' }];
    f.bitable.addTable(APP, 'tblUnits0001', {
      name: '单位',
      fields: [{ field_name: '单位', type: 1 }, { field_name: '联络员', type: 11 }, { field_name: '分管领导', type: 1 }, { field_name: '领导账号', type: 11 }],
      records: [
        { record_id: 'recU0', fields: { 单位: '区交通局', 联络员: person('ou_liaison0000000000000000000000a1', '王晓东'), 分管领导: '李建国', 领导账号: person('ou_leader00000000000000000000000b2', '李建国') } },
        { record_id: 'recU1', fields: { 单位: '区林业局' } },
      ],
    });
    const { ledger } = await readLedger(openSource(URL_, f.deps), DATE);
    const unit = (name: string) => ledger.units.find((u) => u.name === name);
    expect(unit('区交通局')).toMatchObject({ liaison: '王晓东', liaisonAccount: 'ou_liaison0000000000000000000000a1', leaderAccount: 'ou_leader00000000000000000000000b2' });
    expect(unit('区林业局')).toMatchObject({ liaison: null, liaisonAccount: null });
    expect(ledger.problems.filter((p) => p.code === 'bad_account')).toEqual([]);
  });

  it('reads an answer whose data is null as no records instead of failing', async () => {
    f.server.fault({ path: /tblLedger01\/records\/search$/, times: 1, respond: { body: { code: 0, msg: 'success', data: null } } });
    expect((await openSource(URL_, f.deps).read()).ledger.rows).toEqual([]);
  });
});
