/**
 * `duban import-plan PLAN [--check] [--out FILE|URL] [--force] [--year YYYY] [--units PATH]`: a work plan (.txt,
 * .docx, .doc/.wps, .xlsx, .csv) to ledger rows: printed as CSV, reviewed as a table (--check), written to a new
 * .csv/.xlsx file, or appended to an online ledger (Google Sheets, Feishu Sheets, Bitable).
 */
import { extname, resolve } from 'node:path';
import { parseUnitDirectory } from '../../ledger/unit-directory-table.js';
import { readLocalUnits } from '../../ledger/read-local.js';
import { planReview } from '../../render/plan-review.js';
import { isLocalLocation } from '../../sources/location.js';
import { openSource } from '../../sources/open-source.js';
import { SourceError } from '../../sources/source-error.js';
import { taskCells } from '../../workplan/ledger-rows.js';
import { readPlanFile } from '../../workplan/read-plan-file.js';
import { runImportPlan, type ImportPlanResult } from '../../workplan/run-import-plan.js';
import { writePlanFile } from '../../workplan/write-plan-file.js';
import { UsageError, type CliArgs } from '../args.js';
import { loadRuntime } from '../context.js';
import { println, type CliIO } from '../io.js';

const EXAMPLE = 'duban import-plan sheets-templates/example/tongnan-shuangyong-work-plan-2021.txt --check';

export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const [file] = args.positionals;
  if (!file) throw new UsageError(`请给出工作方案文件，例如：${EXAMPLE}`);
  const year = planYearOption(args.year);
  // Reading a long Word file, converting a .doc or writing to an online sheet can take a while: say so on a terminal.
  const progress = (text: string) => {
    if (io.stderr.isTTY) println(io.stderr, text);
  };
  const path = resolve(io.cwd, file);
  const legacy = ['.doc', '.wps'].includes(extname(path).toLowerCase());
  progress(legacy ? `正在读取 ${file}（旧版 Word/WPS 文件，先用 LibreOffice 转换）…` : `正在读取 ${file} …`);
  const knownUnits = args.units ? await directoryNames(resolve(io.cwd, args.units)) : [];
  const result = runImportPlan(await readPlanFile(path), { year, knownUnits });
  const found = result.plan.tasks.length > 0 ? 0 : 1;
  if (args.format === 'json') {
    println(io.stdout, JSON.stringify(result.plan, null, 2));
    return found;
  }
  if (args.check) {
    println(io.stdout, planReview(result.plan));
    return found;
  }
  if (!args.out) {
    println(io.stdout, result.csv);
    println(io.stderr, result.summary);
    return found;
  }
  if (result.plan.tasks.length === 0) {
    println(io.stderr, `${result.summary}\n没有找到任务，未写入 ${args.out}。`);
    return found;
  }
  if (isLocalLocation(args.out)) {
    const out = resolve(io.cwd, args.out);
    progress(`正在写入 ${out} …`);
    await writePlanFile(out, result.plan.tasks, { force: args.force });
    println(io.stdout, `${result.summary}\n已写入 ${out}（${result.plan.tasks.length} 项任务）。`);
    return 0;
  }
  return appendOnline(args, io, result, progress);
}

/** Appends the tasks to the online ledger at --out, below its last row. */
async function appendOnline(args: CliArgs, io: CliIO, result: ImportPlanResult, progress: (text: string) => void): Promise<number> {
  const runtime = loadRuntime(args, io);
  const source = openSource(args.out!, { logger: runtime.logger, env: runtime.loaded.sourceEnv });
  if (!source.appendRows) throw new SourceError(`${args.out} 不能追加任务。`);
  progress(`正在把 ${result.plan.tasks.length} 项任务追加到 ${args.out} …`);
  const outcome = await source.appendRows(result.plan.tasks.map(taskCells).map(({ id: _id, ...cells }) => cells));
  const ids = outcome.ids.length > 0 ? `，编号 ${outcome.ids[0]}–${outcome.ids.at(-1)}` : '';
  const lines = [result.summary, `已追加 ${result.plan.tasks.length} 项任务到 ${args.out}（${outcome.place}${ids}），原有的行未改动。`, ...outcome.warnings];
  println(io.stdout, lines.join('\n'));
  return 0;
}

function planYearOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^(19|20)\d{2}$/.test(text)) throw new UsageError(`--year 需要四位年份，例如 --year 2024，收到 "${text}"。`);
  return Number(text);
}

/** The unit names of a directory file (单位 and 别名), to split names the plan glues together. */
async function directoryNames(path: string): Promise<string[]> {
  const { units } = parseUnitDirectory(await readLocalUnits(path));
  return units.flatMap((unit) => [unit.name, ...unit.aliases]);
}
