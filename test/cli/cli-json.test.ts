import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDuban } from '../support/run-cli.js';

const EXAMPLE_DATE = JSON.parse(readFileSync(new URL('../../sheets-templates/example/example.json', import.meta.url), 'utf8')).today as string;

describe('duban digest --json', () => {
  it('follows the documented shape (docs/contracts.md) on the bundled example and says which date it used', async () => {
    const run = await runDuban(['digest', '--json']);
    expect(run.code).toBe(0);
    const digest = run.json();
    expect(digest.date).toBe(EXAMPLE_DATE);
    expect(run.stderr).toContain(EXAMPLE_DATE);
    expect(Object.keys(digest)).toEqual(expect.arrayContaining(['date', 'total', 'done', 'inProgress', 'notStarted', 'overdue', 'dueSoon', 'units', 'problems']));
    // 16 tasks on 2022-06-27: 4 done, 10 in progress, 1 not started, 1 paused.
    expect([digest.total, digest.done, digest.inProgress, digest.notStarted]).toEqual([16, 4, 10, 1]);
    expect([digest.overdue, digest.dueSoon]).toEqual([['8', '10', '4', '16'], ['6', '2', '9', '14']]);
    for (const unit of digest.units) expect(Object.keys(unit)).toEqual(expect.arrayContaining(['unit', 'lead', 'done', 'overdue']));
    expect(digest.units).toHaveLength(16);
    const late = digest.units.filter((u: { overdue: number }) => u.overdue > 0).map((u: { unit: string; overdue: number }) => [u.unit, u.overdue]);
    expect(late).toEqual([['桂林街道办事处', 1], ['区林业局', 1], ['区商务委', 1], ['区住房城乡建委', 1]]);
  });

  it('--today overrides the example date; a bad date is a usage error naming the flag', async () => {
    const later = await runDuban(['digest', '--json', '--today', '2023-07-03']);
    expect(later.json().date).toBe('2023-07-03');
    expect(later.json().overdue).toEqual(['8', '10', '4', '16', '6', '2', '9', '14', '11', '13']);
    const bad = await runDuban(['digest', '--today', '2022-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--today');
  });
});

describe('duban remind --json', () => {
  it('plans one message entry per (unit, kind) with chats, task ids and mentions', async () => {
    const run = await runDuban(['remind', '--json']);
    expect(run.code).toBe(0);
    const plan = run.json();
    expect(plan.date).toBe(EXAMPLE_DATE);
    // Without a configuration no group is set for units without their own: their entries have chat null.
    const entry = (unit: string, chat: string | null, kind: string, taskIds: string[], mentions: string[]) => ({ unit, chat, kind, taskIds, mentions });
    expect(plan.messages).toEqual([
      entry('桂林街道办事处', 'oc_79ee52c073a36be8b51f616fcbe01d13', 'overdue', ['16'], ['ou_53c193f0a70a2929190cef32f7515a81']),
      entry('区商务委', 'oc_688440730c8f3b7c31a6fe9e03025d8d', 'escalation', ['8'], ['ou_c88434d30baa0a52f965cc4ee4262d72', 'ou_1a0be7dd409f4dc2085a320e5a4ebd14']),
      entry('区退役军人事务局', 'oc_84c1b4581880cf7f52e8fb5bc0b6a468', 'due_soon', ['6'], ['ou_1369d1faf900fb05028e62a6fa552d97']),
      entry('区城投集团', null, 'due_soon', ['9'], ['ou_ef90b072b99dd2cfe0a77823fe37c7b6']),
      entry('区林业局', null, 'escalation', ['4'], ['ou_62051bbc8a0cbf094e9ba22500afc85d']),
      entry('区农业农村委', null, 'due_soon', ['2'], ['ou_b00d390f08ffcdab3e63ed5e5063efad']),
      entry('区委宣传部', null, 'due_soon', ['14'], ['ou_e4993cbeaacf2f5afb738f10a31c2d40']),
      entry('区住房城乡建委', null, 'escalation', ['10'], []),
    ]);
    expect(plan.deliveries.map((d: { chat: string | null; route: string }) => [d.chat, d.route])).toEqual([
      ['oc_79ee52c073a36be8b51f616fcbe01d13', 'unit'],
      ['oc_688440730c8f3b7c31a6fe9e03025d8d', 'unit'],
      ['oc_84c1b4581880cf7f52e8fb5bc0b6a468', 'unit'],
      [null, 'none'],
    ]);
  });
});

describe('duban ask --json', () => {
  it('answers a unit question in Chinese and in English with the same tasks', async () => {
    const zh = (await runDuban(['ask', '交通局负责哪些任务', '--json'])).json();
    const en = (await runDuban(['ask', 'which tasks does the transport bureau own', '--json'])).json();
    expect(zh.intent).toBe('unit_tasks');
    expect(zh.units).toEqual(['区交通局']);
    expect(zh.tasks.map((t: { id: string }) => t.id)).toEqual(['1']);
    expect(zh.tasks.every((t: { role: string }) => t.role === 'lead')).toBe(true);
    expect(en.units).toEqual(zh.units);
    expect(en.tasks.map((t: { id: string }) => t.id)).toEqual(zh.tasks.map((t: { id: string }) => t.id));
    for (const t of zh.tasks) expect(Object.keys(t)).toEqual(expect.arrayContaining(['id', 'title', 'role', 'status', 'due', 'overdue']));
    expect(typeof zh.text).toBe('string');
  });

  it('an unknown unit gets 没有找到单位 with the question kept', async () => {
    const run = await runDuban(['ask', '宇航局负责哪些任务', '--json']);
    expect(run.json().tasks).toEqual([]);
    expect(run.json().text).toContain('没有找到单位');
  });

  it('asking nothing is a usage error', async () => {
    const run = await runDuban(['ask']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('duban ask');
  });
});

describe('duban validate', () => {
  it('passes the bundled example', async () => {
    const run = await runDuban(['validate', '--json']);
    const report = run.json();
    expect(report.ok).toBe(true);
    expect(run.code).toBe(0);
  });

  it('exits 1 and names row and column when the ledger has errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-validate-'));
    const sheet = join(dir, 'tasks.csv');
    writeFileSync(sheet, '编号,任务,责任单位,截止日期,状态\n1,修缮双拥公园,区城管局,2022-13-45,进行中\n1,,区交通局,2022-06-30,完成\n');
    const run = await runDuban(['validate', '--json', '--sheet', sheet]);
    expect(run.code).toBe(1);
    const { ok, problems } = run.json();
    expect(ok).toBe(false);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, column: '截止日期', severity: 'error' }),
        expect.objectContaining({ row: 3, column: '任务', severity: 'error' }),
      ]),
    );
    for (const p of problems) expect(p.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('names the unit directory when a problem is in its rows, not the ledger\'s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-validate-'));
    writeFileSync(join(dir, 'tasks.csv'), '编号,任务,责任单位,截止日期,状态\n1,修缮双拥公园,区城管局,2022-06-30,进行中\n');
    writeFileSync(join(dir, 'units.csv'), '单位,联络员,联络员账号,工作群\n区城管局,张三,not-an-account,oc_1\n');
    const run = await runDuban(['validate', '--json', '--sheet', join(dir, 'tasks.csv')]);
    const account = run.json().problems.find((p: { code: string }) => p.code === 'bad_account');
    expect(account).toMatchObject({ row: 2, column: '联络员账号', severity: 'warning' });
    expect(account.sheet).toContain('units.csv');
    const text = await runDuban(['validate', '--sheet', join(dir, 'tasks.csv')]);
    expect(text.stdout).toMatch(/〔[^〕]*units\.csv〕第 2 行/);
  });

  it('a missing file is a clear error, not a crash', async () => {
    const run = await runDuban(['validate', '--sheet', '/nonexistent/tasks.csv']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('/nonexistent/tasks.csv');
  });
});

describe('duban plan --json', () => {
  it('lists runs on working days only, with +08:00 offsets, across the 2026 Spring Festival', async () => {
    const run = await runDuban(['plan', '--from', '2026-02-13', '--days', '12', '--json']);
    expect(run.code).toBe(0);
    const { runs } = run.json();
    const dates = new Set(runs.map((r: { at: string }) => r.at.slice(0, 10)));
    expect(dates.has('2026-02-16')).toBe(false);
    expect(dates.has('2026-02-18')).toBe(false);
    expect(dates.has('2026-02-14')).toBe(true);
    for (const r of runs) {
      expect(['digest', 'remind', 'weekly', 'monthly']).toContain(r.job);
      expect(r.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    }
  });
});

describe('duban import-plan', () => {
  it('turns the bundled plan into template CSV rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-import-'));
    const out = join(dir, 'tasks.csv');
    const plan = new URL('../../sheets-templates/example/tongnan-shuangyong-work-plan-2021.txt', import.meta.url).pathname;
    const run = await runDuban(['import-plan', plan, '--out', out]);
    expect(run.code).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv.startsWith('\uFEFF编号,类别,任务,责任单位,协助单位')).toBe(true);
    expect(csv).toContain('区司法局、区国资委、区卫健委');
    expect(run.stdout).toContain('16');
  });

  it('a missing plan file is a usage mistake (exit 2) named in Chinese, not an internal error', async () => {
    const run = await runDuban(['import-plan', '方案.txt', '--out', 'tasks.csv']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('找不到工作方案文件');
    expect(run.stderr).toContain('方案.txt');
    expect(run.stderr).not.toContain('内部错误');
  });
});

describe('usage', () => {
  it('an unknown command or flag is exit 2 with a Chinese message', async () => {
    expect((await runDuban(['frobnicate'])).code).toBe(2);
    const flag = await runDuban(['digest', '--bogus']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--bogus');
  });
});

describe('duban update', () => {
  it('writes one task of a local ledger, dated by --today, and refuses an unknown status word', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-update-'));
    const sheet = join(dir, 'tasks.csv');
    writeFileSync(sheet, '\uFEFF编号,任务,责任单位,截止日期,状态,进度,进展情况,更新时间\n1,修缮双拥公园,区城管局,2022-06-30,进行中,40%,已完成设计,2022-06-01\n2,走访慰问,区民政局,2022-07-31,未开始,,,\n');
    const run = await runDuban(['update', '1', '--progress', '80', '--note', '主体完工', '--by', '张三', '--today', '2022-06-20', '--sheet', sheet, '--json']);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ id: '1', row: 2 });
    const text = readFileSync(sheet, 'utf8');
    expect(text).toContain('1,修缮双拥公园,区城管局,2022-06-30,进行中,80%,"已完成设计\n[2022-06-20 张三] 主体完工",2022-06-20');
    expect(text).toContain('2,走访慰问,区民政局,2022-07-31,未开始,,,');
    const refused = await runDuban(['update', '2', '--status', '差不多了', '--sheet', sheet]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('--status 无法识别 "差不多了"：请写 未开始、进行中、已完成、暂缓 或 已延期。\n');
    expect(readFileSync(sheet, 'utf8')).toBe(text);
  });

  it('shows a note cell of several lines indented under its column', async () => {
    const sheet = join(mkdtempSync(join(tmpdir(), 'duban-update-')), 'tasks.csv');
    writeFileSync(sheet, '\uFEFF编号,任务,责任单位,截止日期,状态,进度,进展情况,更新时间\n1,修缮双拥公园,区城管局,2022-06-30,进行中,40%,"已完成设计\n[2022-06-20 张三] 主体完工",2022-06-20\n');
    const run = await runDuban(['update', '1', '--note', '验收完成', '--by', '李四', '--today', '2022-06-21', '--sheet', sheet]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  进展情况：已完成设计\n    [2022-06-20 张三] 主体完工 → 已完成设计\n    [2022-06-20 张三] 主体完工\n    [2022-06-21 李四] 验收完成\n');
  });
});

describe('the bundled example', () => {
  it('is never written back: update on the demo explains how to use your own ledger', async () => {
    const example = new URL('../../sheets-templates/example/tasks.csv', import.meta.url);
    const before = readFileSync(example, 'utf8');
    const run = await runDuban(['update', '1', '--progress', '90%', '--note', '演示']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('自带的示例台账');
    expect(run.stderr).toContain('--sheet');
    expect(readFileSync(example, 'utf8')).toBe(before);
  });
});
