/**
 * duban benchmarks (`npm run bench`). Every timing is a ratio against a baseline measured in the same run, so the
 * numbers mean the same on a fast or a slow machine:
 *   (a) read + check + digest + reminder plan of a 10,000-task, 300-unit ledger  vs  (b) csv-parse alone on the file
 *   1,000 mixed questions against the parsed ledger (answer caches warm)          vs  one parse of the ledger
 *   the same questions the first time (caches cold: a freshly parsed ledger)      (reported, no goal)
 *   a month's unit scores of that ledger with 30 daily snapshots                  vs  one parse of the ledger
 *   heap kept by the parsed ledger                                                vs  heap kept by csv-parse's rows
 *   `duban digest` start-up on the bundled example                                 vs  `node -e 0`
 *   peak memory of `duban digest` on the largest ledgers accepted (CSV and XLSX, 99,999 tasks) vs 500 MB
 *   reading chat commands from hostile 160,000-character messages                 vs  the same from 20,000 (8× longer)
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parse as csvParse } from 'csv-parse/sync';
import { generateLedger } from './generate-ledger.mjs';
import { dist, loadCore } from './core.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const { readLocalWorkbook, parseLedger, createDirectory, buildDigest, buildReminderPlan, resolveOptions, createWorkCalendar } = await loadCore();
const { answerQuestion } = await dist('reports/answer.js');
const { readChatCommand } = await dist('ask/commands.js');
const { classifyTasks } = await dist('reports/classify.js');
const { scoreUnits } = await dist('reports/scores.js');
const { snapshotLedger } = await dist('reports/changes.js');
const { addDays } = await dist('calendar/dates.js');

/** Median of `runs` timings of fn (after one warm-up), in ms. */
function median(fn, runs = 7) {
  fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const start = performance.now();
    fn.result = fn();
    times.push(performance.now() - start);
  }
  times.sort((x, y) => x - y);
  return times[Math.floor(times.length / 2)];
}

/** Median of `runs` timings of fn(setup()), the setup not timed (after one warm-up), in ms. */
function medianAfter(setup, fn, runs = 7) {
  fn(setup());
  const times = [];
  for (let i = 0; i < runs; i++) {
    const input = setup();
    globalThis.gc?.();
    const start = performance.now();
    fn(input);
    times.push(performance.now() - start);
  }
  times.sort((x, y) => x - y);
  return times[Math.floor(times.length / 2)];
}

async function medianAsync(fn, runs = 15) {
  await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((x, y) => x - y);
  return times[Math.floor(times.length / 2)];
}

const dir = mkdtempSync(join(tmpdir(), 'duban-bench-'));
const { tasksPath, unitsPath, unitNames } = generateLedger(dir, { tasks: 10_000, units: 300 });
const today = '2022-06-27';
const calendar = createWorkCalendar();
const options = resolveOptions();

// (b) the baseline: csv-parse alone on the same file.
const csvOnly = await medianAsync(async () => csvParse(readFileSync(tasksPath), { bom: true, relax_column_count: true }));

// (a) the whole daily job: read (incl. encoding detection and header detection) + check + digest + reminder plan.
let ledger;
let directory;
const fullJob = await medianAsync(async () => {
  const { ledger: table, units } = await readLocalWorkbook(tasksPath, {});
  const unitsTable = (await readLocalWorkbook(unitsPath, {})).ledger;
  ledger = parseLedger(table, units ?? unitsTable, { today });
  directory = createDirectory(ledger.units, []);
  buildDigest(ledger, today, calendar, options);
  buildReminderPlan(ledger, directory, today, calendar, options, { defaultChat: 'oc_default', officeChat: 'oc_office', daysBefore: null });
});

// One parse of the ledger (the baseline for questions): reading and parsing only.
const onceParse = await medianAsync(async () => {
  const { ledger: table } = await readLocalWorkbook(tasksPath, {});
  parseLedger(table, null, { today });
});

// 1,000 mixed questions against the parsed ledger.
const templates = [
  (u) => `${u.replace(/^第\d+区/, '')}负责哪些任务`,
  (u) => `${u}协助哪些任务`,
  (u) => `${u}有哪些逾期任务`,
  () => '哪些任务逾期了',
  () => '本周到期',
  (_u, i) => `任务${(i % 10_000) + 1}`,
  () => '双拥公园',
  () => '总体进展',
  () => 'which units have the most overdue tasks',
  (u) => `which tasks does ${u} own`,
];
const questions = Array.from({ length: 1000 }, (_, i) => templates[i % templates.length](unitNames[(i * 7) % unitNames.length], i));
const askAll = (parsed = { ledger, directory }) => {
  for (const q of questions) answerQuestion(q, { ...parsed, today, calendar, options });
};
const questionsTime = median(() => askAll(), 5);

// The same questions the first time: a ledger object parsed afresh, so no answer cache has seen it.
const unitsTable = (await readLocalWorkbook(unitsPath, {})).ledger;
const table = (await readLocalWorkbook(tasksPath, {})).ledger;
const freshLedger = () => {
  const fresh = parseLedger(table, unitsTable, { today });
  return { ledger: fresh, directory: createDirectory(fresh.units, []) };
};
const coldQuestionsTime = medianAfter(freshLedger, askAll, 5);

// A month's scores (docs/scoring.md) with 30 daily snapshots for completion and report dates.
const snapshots = Array.from({ length: 30 }, (_, i) => snapshotLedger(ledger, addDays(today, -i)));
const weights = { onTime: 40, overdue: 30, extensions: 10, reports: 10, ack: 10 };
const scoring = median(() => scoreUnits({
  month: today.slice(0, 7), asOf: today, views: classifyTasks(ledger.tasks, today, calendar, options), snapshots, requests: [], acks: [],
  reminders: [], calendar, collectDay: 25, weights, timezone: 'Asia/Shanghai',
}), 5);

// Memory: heap retained by what the service keeps (the parsed ledger, raw text beside every value; the sheet table
// is dropped after parsing) vs heap retained by csv-parse's rows of the same file.
async function retained(build) {
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  const kept = await build();
  globalThis.gc?.();
  const after = process.memoryUsage().heapUsed;
  void kept.length;
  return after - before;
}
const csvBytes = await retained(async () => csvParse(readFileSync(tasksPath), { bom: true, relax_column_count: true }));
const ledgerBytes = await retained(async () => parseLedger((await readLocalWorkbook(tasksPath, {})).ledger, null, { today }).tasks);

// Start-up: `duban digest` on the bundled example vs `node -e 0`.
const node = process.execPath;
const timeCommand = (args) => median(() => execFileSync(node, args, { cwd: dir, stdio: 'ignore', env: { ...process.env, FEISHU_APP_ID: '', FEISHU_APP_SECRET: '' } }), 5);
const nodeStart = timeCommand(['-e', '0']);
const digestStart = timeCommand([join(root, 'dist', 'cli', 'main.js'), 'digest']);
// Which SDKs a local `duban digest` loads (CommonJS packages imported from ESM land in require.cache).
const sdkProbe = `
  import { createRequire } from 'node:module';
  import { PassThrough, Readable } from 'node:stream';
  const { runCli } = await import(${JSON.stringify(join(root, 'dist', 'cli', 'main.js'))});
  const sink = new PassThrough(); sink.resume();
  await runCli(['digest'], { stdout: sink, stderr: sink, stdin: Readable.from([]), env: {}, cwd: process.cwd(), now: () => new Date() });
  const cache = Object.keys(createRequire(import.meta.url).cache);
  console.log(JSON.stringify(['@larksuiteoapi', '@googleapis', 'google-auth-library', 'exceljs'].filter((p) => cache.some((k) => k.includes('/node_modules/' + p + '/')))));`;
const loadedSdks = JSON.parse(execFileSync(node, ['--input-type=module', '-e', sdkProbe], { cwd: dir }).toString().trim());

// Chat commands are read in time linear in the message: runs that would make a careless regex backtrack.
const hostile = (n) => [`签收 6${'1'.repeat(n)}x`, `申请办结 6 ${',,'.repeat(n)}x`, `申请延期 6 至${'7'.repeat(n)}原因${'原因'.repeat(n)}`, `6 ${'延期到'.repeat(n)}`, `同意 R${'1'.repeat(n)}x`];
const readAll = (messages) => () => messages.forEach((m) => readChatCommand(m));
const commandsShort = median(readAll(hostile(20_000)), 5);
const commandsLong = median(readAll(hostile(160_000)), 5);

// Peak memory on the largest ledgers duban accepts (src/ledger/limits.ts: 100,000 rows with the header): a child
// process per run, its peak resident set read from its own resource usage.
const { MAX_SHEET_ROWS } = await dist('ledger/limits.js');
const big = generateLedger(join(dir, 'largest'), { tasks: MAX_SHEET_ROWS - 1, units: 300 });
const bigXlsx = join(dir, 'largest', 'tasks.xlsx');
await writeXlsxCopy(big.tasksPath, bigXlsx);
const peakMb = (sheet) => {
  const script = `const { runCli } = await import(${JSON.stringify(join(root, 'dist', 'cli', 'main.js'))});
    const { PassThrough, Readable } = await import('node:stream');
    const sink = new PassThrough(); sink.resume();
    const code = await runCli(['digest', '--sheet', ${JSON.stringify(sheet)}, '--units', ${JSON.stringify(big.unitsPath)}, '--today', '${today}'],
      { stdout: sink, stderr: sink, stdin: Readable.from([]), env: {}, cwd: process.cwd(), now: () => new Date() });
    process.stdout.write(JSON.stringify({ code, peak: process.resourceUsage().maxRSS }));`;
  const { code, peak } = JSON.parse(execFileSync(node, ['--input-type=module', '-e', script], { cwd: dir }).toString());
  if (code !== 0) throw new Error(`duban digest on ${sheet} exited ${code}`);
  return peak / 1024;
};
const peakCsv = peakMb(big.tasksPath);
const peakXlsx = peakMb(bigXlsx);

/** The CSV's rows as the first sheet of an XLSX, written row by row (exceljs's streaming writer). */
async function writeXlsxCopy(csvPath, xlsxPath) {
  const ExcelJS = createRequire(import.meta.url)('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsxPath });
  const sheet = workbook.addWorksheet('台账');
  for (const row of csvParse(readFileSync(csvPath), { bom: true, relax_column_count: true })) sheet.addRow(row).commit();
  await sheet.commit();
  await workbook.commit();
}

const fmt = (ms) => `${ms.toFixed(1)} ms`;
const ratio = (a, b) => (a / b).toFixed(2);
const rows = [
  ['10,000-task ledger: read + check + digest + reminders (a)', fmt(fullJob)],
  ['csv-parse alone on the same file (b)', fmt(csvOnly)],
  ['ratio a/b (goal ≤ 2)', ratio(fullJob, csvOnly)],
  ['one parse of the ledger (read + check)', fmt(onceParse)],
  ['1,000 mixed questions', fmt(questionsTime)],
  ['ratio questions/parse (goal < 1)', ratio(questionsTime, onceParse)],
  ['1,000 mixed questions, answer caches cold', fmt(coldQuestionsTime)],
  ['ratio cold questions/parse (no goal)', ratio(coldQuestionsTime, onceParse)],
  ['month scores with 30 snapshots', fmt(scoring)],
  ['ratio scores/parse (goal < 1)', ratio(scoring, onceParse)],
  ['heap kept by csv-parse rows', `${(csvBytes / 1048576).toFixed(1)} MB`],
  ['heap kept by the parsed ledger (tasks)', `${(ledgerBytes / 1048576).toFixed(1)} MB`],
  ['ratio memory ledger/csv rows', ratio(ledgerBytes, csvBytes)],
  ['node -e 0', fmt(nodeStart)],
  ['duban digest (bundled example)', fmt(digestStart)],
  ['ratio start-up digest/node (goal ≤ 3)', ratio(digestStart, nodeStart)],
  [`peak memory, digest of the largest CSV accepted (${(MAX_SHEET_ROWS - 1).toLocaleString('en-US')} tasks; goal < 500 MB)`, `${peakCsv.toFixed(0)} MB`],
  ['peak memory, digest of the same ledger as XLSX (goal < 500 MB)', `${peakXlsx.toFixed(0)} MB`],
  ['SDKs loaded by a local digest (goal: none)', loadedSdks.length ? loadedSdks.join(', ') : 'none'],
  ['chat commands, hostile messages of 20,000 characters', fmt(commandsShort)],
  ['the same, 8× longer', fmt(commandsLong)],
  ['ratio 8×/1× (goal ≤ 10: linear)', ratio(commandsLong, commandsShort)],
];
const width = Math.max(...rows.map(([k]) => k.length));
console.log(`duban bench (${new Date().toISOString().slice(0, 10)}, node ${process.version}, median of repeated runs)`);
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
