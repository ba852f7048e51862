/**
 * Many ledgers in one service (`npm run bench`): 100 ledgers of 1,000 tasks each vs one such ledger — the heap and
 * RSS kept by the parsed ledgers, the time of one full cycle (read every ledger, at most 4 at once as the service
 * does, then its digest and reminder plan), and the source API calls of a cycle. The ledgers are local CSV files; the
 * calls are computed for the same ledgers in Feishu Sheets (src/sources/feishu-sheet.ts): a cycle on an unchanged
 * ledger is one values call for its revision, a changed one adds one values_batch_get (sheets/query is once per start).
 * Goal: no ratio above the number of ledgers (cost at most linear).
 */
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { generateLedger } from './generate-ledger.mjs';
import { dist, loadCore } from './core.mjs';

const { readLocalWorkbook, parseLedger, createDirectory, buildDigest, buildReminderPlan, resolveOptions, createWorkCalendar } = await loadCore();
const { concurrencyLimit } = await dist('service/limit.js');

const LEDGERS = 100;
const TASKS = 1_000;
const today = '2022-06-27';
const calendar = createWorkCalendar();
const options = resolveOptions();
const dir = mkdtempSync(join(tmpdir(), 'duban-bench-ledgers-'));
const files = Array.from({ length: LEDGERS }, (_, i) => generateLedger(join(dir, `l${i}`), { tasks: TASKS, units: 60, seed: i + 1 }));

/** Feishu Sheets calls of one cycle per ledger: the revision check, and the values read when it changed. */
const CALLS_UNCHANGED = 1;
const CALLS_CHANGED = 2;

/** One cycle over `count` ledgers; resolves with the parsed ledgers (kept, as the service keeps its last read). */
async function cycle(count) {
  const slot = concurrencyLimit(4);
  return Promise.all(files.slice(0, count).map(({ tasksPath, unitsPath }) => slot(async () => {
    const { ledger: table } = await readLocalWorkbook(tasksPath, {});
    const units = (await readLocalWorkbook(unitsPath, {})).ledger;
    const ledger = parseLedger(table, units, { today });
    const directory = createDirectory(ledger.units, []);
    buildDigest(ledger, today, calendar, options);
    buildReminderPlan(ledger, directory, today, calendar, options, { defaultChat: 'oc_default', officeChat: 'oc_office', daysBefore: null });
    return ledger;
  })));
}

async function measure(count) {
  await cycle(count);
  const times = [];
  for (let i = 0; i < 5; i++) {
    globalThis.gc?.();
    const start = performance.now();
    await cycle(count);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const kept = await cycle(count);
  globalThis.gc?.();
  const after = process.memoryUsage();
  // Against the heap before any ledger was read: the parsed ledgers and whatever the readers keep of them.
  const heap = after.heapUsed - baseline;
  if (kept.length !== count) throw new Error('a ledger was not read');
  return { ms: times[2], heap, rss: after.rss, calls: [count * CALLS_UNCHANGED, count * CALLS_CHANGED] };
}

globalThis.gc?.();
const baseline = process.memoryUsage().heapUsed;
const one = await measure(1);
const many = await measure(LEDGERS);
const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
const ratio = (a, b) => (a / b).toFixed(1);
const rows = [
  [`one cycle, 1 ledger of ${TASKS.toLocaleString('en-US')} tasks`, `${one.ms.toFixed(1)} ms`],
  [`one cycle, ${LEDGERS} ledgers (4 read at once)`, `${many.ms.toFixed(1)} ms`],
  [`ratio time ${LEDGERS}/1 (goal ≤ ${LEDGERS}: at most linear)`, ratio(many.ms, one.ms)],
  ['heap kept after a cycle, 1 ledger', mb(one.heap)],
  [`heap kept after a cycle, ${LEDGERS} ledgers`, mb(many.heap)],
  [`ratio heap ${LEDGERS}/1 (goal ≤ ${LEDGERS})`, ratio(many.heap, one.heap)],
  [`process RSS after the ${LEDGERS}-ledger cycle`, mb(many.rss)],
  ['Feishu Sheets calls per cycle, 1 (unchanged / changed; computed)', one.calls.join(' / ')],
  [`Feishu Sheets calls per cycle, ${LEDGERS} (unchanged / changed; computed)`, many.calls.join(' / ')],
  [`ratio calls ${LEDGERS}/1 (goal ≤ ${LEDGERS})`, ratio(many.calls[1], one.calls[1])],
];
const width = Math.max(...rows.map(([k]) => k.length));
console.log(`\nduban bench: many ledgers in one service (median of 5 cycles)`);
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
