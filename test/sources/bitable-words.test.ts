import { beforeEach, describe, expect, it } from 'vitest';
import { columnRuleProblems } from '../../src/app/column-check.js';
import { applyChatUpdate } from '../../src/app/chat-update.js';
import { readLedger } from '../../src/app/read-ledger.js';
import { openSource } from '../../src/sources/open-source.js';
import type { LoopbackField } from '../support/feishu/bitable-routes.js';
import { apiRequests, type FeishuSetup, useFeishuSetup } from './feishu-harness.js';

const APP = 'bascnWords0001';
const SOURCE = `bitable:${APP}/tblWords`;
const DATE = '2026-11-29';
const DAY = Date.UTC(2026, 5, 30) - 8 * 3600_000; // 2026-06-30 00:00 in Asia/Shanghai
let f: FeishuSetup;

const select = (name: string, options: string[], type = 3): LoopbackField => ({ field_name: name, type, property: { options: options.map((o) => ({ name: o })) } });

/** A base as an office sets one up: 状态 a single select with its own words, dates as date fields, a count as a number. */
function addBase(statusOptions: string[], extra: LoopbackField[] = [], extraValues: Record<string, unknown> = {}) {
  f.bitable.addTable(APP, 'tblWords', {
    name: '台账',
    fields: [
      { field_name: '编号', type: 1 }, { field_name: '任务', type: 1 }, { field_name: '责任单位', type: 1 },
      select('状态', statusOptions), { field_name: '截止日期', type: 5 }, { field_name: '进度', type: 2, property: { formatter: '0%' } },
      { field_name: '进展情况', type: 1 }, { field_name: '更新时间', type: 1002 }, ...extra,
    ],
    records: [1, 2, 3].map((n) => ({
      record_id: `rec${n}`,
      fields: { 编号: String(n), 任务: `任务${n}`, 责任单位: '区民政局', 状态: statusOptions[0], 截止日期: DAY, 进度: 0.5, ...extraValues },
    })),
  });
}
const field = (n: number, name: string) => f.bitable.table(APP, 'tblWords').records.find((r) => r.record_id === `rec${n}`)!.fields[name];

const feishu = useFeishuSetup();
beforeEach(() => {
  f = feishu();
  f.server.requests.length = 0;
  f.bitable.createdOptions.length = 0;
});

describe('Bitable write-back in the field\'s own options', () => {
  it('writes every status through one of the select\'s options, never creating one', async () => {
    addBase(['待启动', '推进中', '已办结', '暂停', '延期中']);
    const source = openSource(SOURCE, f.deps);
    const written: unknown[] = [];
    for (const status of ['进行中', '已完成', '暂缓', '已延期', '未开始', 'in progress', '办结', '推进中']) {
      await source.updateTask('1', { status, date: DATE });
      written.push(field(1, '状态'));
    }
    expect(written).toEqual(['推进中', '已办结', '暂停', '延期中', '待启动', '推进中', '已办结', '推进中']);
    expect(f.bitable.createdOptions).toEqual([]);
  });

  it('writes 推进中 when the select lacks 已延期, notes the extension, says so, and creates nothing', async () => {
    addBase(['未开始', '推进中', '已完成'], [{ field_name: '原截止日期', type: 5 }, { field_name: '延期次数', type: 2 }]);
    const outcome = await openSource(SOURCE, f.deps).updateTask('2', {
      status: '已延期', newDue: '2026-07-31', note: '同意延期，原因：雨季停工', by: '督查室', date: DATE,
    });
    expect([field(2, '状态'), field(2, '截止日期'), field(2, '原截止日期'), field(2, '延期次数')]).toEqual([
      '推进中', Date.UTC(2026, 6, 31) - 8 * 3600_000, DAY, 1,
    ]);
    expect(field(2, '进展情况')).toBe(`[${DATE} 督查室] 同意延期，原因：雨季停工；状态：已延期`);
    expect(outcome.warnings).toEqual([
      '“状态”（单选字段）没有表示“已延期”的选项，duban 不新增选项：已写“推进中”，“已延期”已记入“进展情况”；请办公室在“状态”中添加“已延期”选项。',
    ]);
    expect(outcome.unwritten).toEqual([{ field: 'status', column: '状态', value: '已延期', reason: 'no_option', inNote: true }]);
    // 更新时间 is a modified-time field: Bitable fills it in, duban leaves it alone.
    expect(Object.keys(apiRequests(f.server).find((r) => r.method === 'PUT')!.body.fields)).toEqual(['状态', '原截止日期', '截止日期', '延期次数', '进展情况']);
    expect(f.bitable.createdOptions).toEqual([]);
  });

  it('counts the words of a text status field over every record, though the write reads only the task\'s', async () => {
    f.bitable.addTable(APP, 'tblText', {
      fields: [{ field_name: '编号', type: 1 }, { field_name: '任务', type: 1 }, { field_name: '状态', type: 1 }, { field_name: '进展情况', type: 1 }],
      records: ['推进中', '推进中', '进行中', '未开始'].map((status, i) => ({ record_id: `recT${i}`, fields: { 编号: String(i + 1), 任务: 't', 状态: status } })),
    });
    await openSource(`bitable:${APP}/tblText`, f.deps).updateTask('4', { status: '进行中', date: DATE });
    expect(f.bitable.table(APP, 'tblText').records[3].fields['状态']).toBe('推进中');
    const counted = apiRequests(f.server).find((r) => r.body?.field_names)!;
    expect([counted.body.field_names, counted.body.filter]).toEqual([['状态'], undefined]);
  });

  it('takes an option the office added a moment ago (the fields list is read again for each write)', async () => {
    addBase(['未开始', '推进中']);
    const source = openSource(SOURCE, f.deps);
    await source.updateTask('1', { status: '已延期', date: DATE });
    expect(field(1, '状态')).toBe('推进中');
    f.bitable.table(APP, 'tblWords').fields.find((x) => x.field_name === '状态')!.property!.options!.push({ name: '已延期' });
    await source.updateTask('1', { status: '已延期', date: DATE });
    expect(field(1, '状态')).toBe('已延期');
    expect(f.bitable.createdOptions).toEqual([]);
  });

  it('sets one status option of a multi-select status and keeps its tags', async () => {
    f.bitable.addTable(APP, 'tblMulti', {
      fields: [{ field_name: '编号', type: 1 }, { field_name: '任务', type: 1 }, select('状态', ['进行中', '已完成', '重点'], 4), { field_name: '进展情况', type: 1 }],
      records: [{ record_id: 'recM', fields: { 编号: '1', 任务: 't', 状态: ['进行中', '重点'] } }],
    });
    await openSource(`bitable:${APP}/tblMulti`, f.deps).updateTask('1', { status: '已完成', date: DATE });
    expect(f.bitable.table(APP, 'tblMulti').records[0].fields['状态']).toEqual(['重点', '已完成']);
    expect(f.bitable.createdOptions).toEqual([]);
  });

  it('notes evidence an attachment field cannot take as text, and writes 办结时间 as a timestamp', async () => {
    addBase(['推进中', '已完成'], [{ field_name: '办结时间', type: 5 }, { field_name: '佐证材料', type: 17 }]);
    const outcome = await openSource(SOURCE, f.deps).updateTask('3', {
      status: '已完成', progress: '100%', closedOn: DATE, evidence: [{ name: '验收报告.pdf', url: 'https://tn.feishu.cn/file/x' }], by: '张三', date: DATE,
    });
    expect([field(3, '状态'), field(3, '进度'), field(3, '办结时间'), field(3, '佐证材料')]).toEqual(['已完成', 1, Date.UTC(2026, 10, 29) - 8 * 3600_000, undefined]);
    expect(field(3, '进展情况')).toBe(`[${DATE} 张三] 佐证材料：验收报告.pdf（https://tn.feishu.cn/file/x）`);
    expect(outcome.warnings).toEqual(['“佐证材料”是附件字段，不能写入“验收报告.pdf（https://tn.feishu.cn/file/x）”，已记入“进展情况”。']);
  });

  it('writes a chat update\'s status in the select\'s word', async () => {
    addBase(['待启动', '正在推进', '已办结']);
    const source = openSource(SOURCE, f.deps);
    const { ledger } = await readLedger(source, DATE);
    const intent = { kind: 'update', id: '1', status: '已完成', progress: null, note: '已验收' } as const;
    const result = await applyChatUpdate(intent, ledger, source, { unit: '区民政局', name: '赵六' }, DATE);
    expect(result.ok).toBe(true);
    expect(field(1, '状态')).toBe('已办结');
    expect(f.bitable.createdOptions).toEqual([]);
  });

  it('records, as the docs say, an option created by a write of an unknown value (what duban must never cause)', async () => {
    addBase(['未开始', '推进中']);
    const put = await f.client.call({ method: 'PUT', url: `/open-apis/bitable/v1/apps/${APP}/tables/tblWords/records/rec1`, data: { fields: { 状态: '进行中' } } });
    expect(put).toMatchObject({ record: { record_id: 'rec1' } });
    expect(f.bitable.createdOptions).toEqual([{ table: 'tblWords', field: '状态', name: '进行中' }]);
    const listed = await f.client.call<{ items: { field_name: string; property?: { options?: { name: string }[] } }[] }>({
      method: 'GET', url: `/open-apis/bitable/v1/apps/${APP}/tables/tblWords/fields`, params: { page_size: 100 },
    });
    expect(listed.items.find((x) => x.field_name === '状态')!.property!.options!.map((o) => o.name)).toEqual(['未开始', '推进中', '进行中']);
  });
});

describe('the ledger check of a select field\'s options', () => {
  it('names options duban cannot read, several options for one state, and the states without one', async () => {
    addBase(['未开始', '推进中', '进行中', '已完成', '待审核', '滞后'], [select('预警', ['红灯', '黄灯', '绿灯', '灰'])]);
    const problems = await columnRuleProblems(openSource(SOURCE, f.deps));
    expect(problems.map((p) => [p.code, p.column, p.message])).toEqual([
      ['unmapped_option', '状态', '“状态”（单选字段）的选项 “待审核” 不对应 duban 认识的含义（未开始、进行中、已完成、暂缓、已延期），duban 不会写入这些选项；请改名或删除'],
      ['duplicate_options', '状态', '“状态”（单选字段）有 2 个选项表示“进行中”：推进中、进行中；按其中一个筛选会漏掉其他记录，建议合并为一个'],
      ['missing_option', '状态', '“状态”（单选字段）没有表示 暂缓、已延期 的选项：写回这些状态时，duban 只在“进展情况”中注明（获批延期写“进行中”）；需要时请办公室添加这些选项（duban 不会自行新增）'],
      ['unmapped_option', '预警', '“预警”（单选字段）的选项 “灰” 不对应 duban 认识的含义（绿灯、蓝灯、黄灯、红灯），duban 不会写入这些选项；请改名或删除'],
      ['missing_option', '预警', '“预警”（单选字段）没有表示 蓝灯 的选项：这些预警等级不会写入；需要时请办公室添加这些选项（duban 不会自行新增）'],
    ]);
    expect(problems.every((p) => p.severity === 'warning' && p.row === null)).toBe(true);
  });
});
