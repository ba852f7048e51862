/** `duban import-plan` end to end: CSV out, --check, --out files (refused over an existing one), --json, an online ledger, progress. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { startGoogleLoopback, type GoogleLoopback } from '../support/google/server.js';
import { runDuban } from '../support/run-cli.js';

const PLAN = [
  '××区2024年重点工作任务分工方案',
  '一、扩大有效投资',
  '1．推进智慧交通建设，完成信号灯智能化改造。（区交通局牵头，区公安分局配合；2024年6月底前完成）',
  '2．建设口袋公园10个。',
  '牵头领导：张副区长',
  '牵头单位：区城市管理局',
  '责任单位：各街道办事处',
  '二、保障改善民生',
  '3．实施老旧小区改造。（责任单位：区住建委区财政局）',
  '4．开展走访慰问，由区民政局负责。',
].join('\n');

function workspace(): string {
  const cwd = mkdtempSync(join(tmpdir(), 'duban-import-'));
  writeFileSync(join(cwd, '方案.txt'), PLAN);
  return cwd;
}

describe('duban import-plan', () => {
  it('prints the ledger CSV, and the summary with what could not be read on stderr', async () => {
    const run = await runDuban(['import-plan', '方案.txt'], { cwd: workspace() });
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\r\n');
    expect(lines[0]).toBe('编号,类别,任务,责任单位,协助单位,开始日期,截止日期,状态,进度,进展情况,更新时间,工作内容,责任领导');
    expect(lines[2]).toBe('2,扩大有效投资,建设口袋公园10个,区城市管理局,各街道办事处,,,未开始,,,,建设口袋公园10个。,张副区长');
    expect(lines[3]).toContain(',区住建委、区财政局,');
    expect(run.stderr).toContain('从工作方案中找到 3 项任务');
    expect(run.stderr).toContain('未识别 1 处');
    expect(run.stderr).toContain('第10行：提到了单位，但没有写成分工说明（如“（责任单位：…）”），未生成任务（4．开展走访慰问，由区民政局负责。）');
  });

  it('--check shows the tasks as a table for review and writes nothing', async () => {
    const cwd = workspace();
    const run = await runDuban(['import-plan', '方案.txt', '--check', '--out', 'tasks.csv'], { cwd });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^序号 {2}类别 +任务 +责任单位 +协助单位 +截止日期 +责任领导 +位置$/);
    expect(lines[1]).toMatch(/^1 {5}扩大有效投资 +推进智慧交通建设 +区交通局 +区公安分局 +2024-06-30 +第3行$/);
    expect(run.stdout).toContain('共 3 项任务（日期按 2024 年读取）。');
    expect(run.stdout).toContain('未识别 1 处，请对照原文核对：');
    expect(() => readFileSync(join(cwd, 'tasks.csv'))).toThrow();
  });

  it('--out writes a CSV or an XLSX from the template, and refuses an existing file without --force', async () => {
    const cwd = workspace();
    const first = await runDuban(['import-plan', '方案.txt', '--out', 'tasks.csv'], { cwd });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`已写入 ${join(cwd, 'tasks.csv')}（3 项任务）。`);
    expect(readFileSync(join(cwd, 'tasks.csv'), 'utf8').startsWith('\uFEFF编号,类别,任务')).toBe(true);
    const again = await runDuban(['import-plan', '方案.txt', '--out', 'tasks.csv'], { cwd });
    expect([again.code, again.stderr.trim()]).toEqual([2, `文件 ${join(cwd, 'tasks.csv')} 已存在，未写入：如要覆盖，请加上 --force；或换一个文件名。`]);
    expect((await runDuban(['import-plan', '方案.txt', '--out', 'tasks.csv', '--force'], { cwd })).code).toBe(0);

    expect((await runDuban(['import-plan', '方案.txt', '--out', '台账.xlsx'], { cwd })).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(cwd, '台账.xlsx'));
    expect(book.worksheets.map((s) => s.name)).toEqual(['台账', '填写说明', '单位']);
    const sheet = book.getWorksheet('台账')!;
    expect((sheet.getRow(3).values as unknown[]).slice(1, 5)).toEqual(['2', '扩大有效投资', '建设口袋公园10个', '区城市管理局']);
    expect(sheet.getCell('M3').value).toBe('张副区长');

    const wrong = await runDuban(['import-plan', '方案.txt', '--out', 'tasks.txt'], { cwd });
    expect([wrong.code, wrong.stderr.trim()]).toEqual([2, '无法写入“tasks.txt”：--out 只能是 .csv 或 .xlsx 文件，或在线表格（Google 表格、飞书表格、多维表格）的链接。']);
  });

  it('--json gives the tasks with their text, leaders, places and what could not be read; --year sets the year', async () => {
    const cwd = workspace();
    writeFileSync(join(cwd, '无年份.txt'), '工作方案\n1. 开展走访慰问，6月底前完成。（责任单位：区民政局）');
    const run = await runDuban(['import-plan', '无年份.txt', '--json', '--year', '2025'], { cwd });
    expect(run.json()).toEqual({
      tasks: [{ category: '', title: '开展走访慰问', detail: '开展走访慰问，6月底前完成。', lead: ['区民政局'], assist: [], leader: [], line: 2, place: '第2行', due: '2025-06-30', dueText: '6月底前' }],
      phases: [],
      problems: [],
      unrecognized: [],
      year: 2025,
    });
    expect((await runDuban(['import-plan', '无年份.txt', '--year', '25'], { cwd })).stderr).toContain('--year 需要四位年份');
  });

  it('names a missing plan file, and says so when no task is found (exit 1)', async () => {
    const cwd = workspace();
    const missing = await runDuban(['import-plan', '没有.docx'], { cwd });
    expect([missing.code, missing.stderr.trim()]).toEqual([2, `找不到工作方案文件 ${join(cwd, '没有.docx')}，请检查路径。`]);
    writeFileSync(join(cwd, '通知.txt'), '关于做好春节走访慰问工作的通知\n请各单位认真落实。');
    const none = await runDuban(['import-plan', '通知.txt', '--out', 'tasks.csv'], { cwd });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('没有找到任务，未写入 tasks.csv。');
  });

  it('shows its progress on a terminal', async () => {
    const cwd = workspace();
    const stderr = Object.assign(new PassThrough(), { isTTY: true });
    const chunks: Buffer[] = [];
    stderr.on('data', (c: Buffer) => chunks.push(c));
    const code = await runCli(['import-plan', '方案.txt', '--out', 'tasks.csv'], {
      stdout: new PassThrough(), stderr, stdin: Readable.from(['']), env: {}, cwd, now: () => new Date('2026-11-30T01:00:00Z'),
    });
    expect(code).toBe(0);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(`正在读取 方案.txt …\n正在写入 ${join(cwd, 'tasks.csv')} …\n`);
  });
});

describe('duban import-plan --out an online ledger', () => {
  const ID = '1AbC-duban_import';
  let server: GoogleLoopback;

  beforeAll(async () => {
    server = await startGoogleLoopback();
    server.addSpreadsheet(ID, [{ title: '台账', rows: [['编号', '任务', '责任单位', '协助单位', '截止日期', '状态', '进展情况'], [1, '已有任务', '区交通局', '', '', '进行中', '']] }]);
  });
  afterAll(() => server.close());

  it('appends the tasks below the ledger’s rows, ids continuing, and says where', async () => {
    const env = { GOOGLE_ACCESS_TOKEN: server.token, GOOGLE_SHEETS_ROOT_URL: server.url };
    const url = `https://docs.google.com/spreadsheets/d/${ID}/edit#gid=0`;
    const run = await runDuban(['import-plan', '方案.txt', '--out', url], { cwd: workspace(), env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`已追加 3 项任务到 ${url}（第 3–5 行，编号 2–4），原有的行未改动。`);
    expect(run.stdout).toContain('台账没有“类别”、“工作内容”、“责任领导”列，这些内容已写在“进展情况”列中。');
    const rows = server.tab(ID, '台账').rows;
    expect(rows[1][1]).toBe('已有任务');
    expect(rows.slice(2).map((r) => [r[0], r[1], r[2]])).toEqual([['2', '推进智慧交通建设', '区交通局'], ['3', '建设口袋公园10个', '区城市管理局'], ['4', '实施老旧小区改造', '区住建委、区财政局']]);
  });
});
