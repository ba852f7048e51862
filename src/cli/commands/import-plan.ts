/** `duban import-plan PLAN.txt [--out tasks.csv]`: a work-plan document to ledger rows. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UTF8_BOM } from '../../ledger/csv-format.js';
import { readPlanFile } from '../../workplan/read-plan-file.js';
import { runImportPlan } from '../../workplan/run-import-plan.js';
import { UsageError, type CliArgs } from '../args.js';
import { println, type CliIO } from '../io.js';

export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const [file] = args.positionals;
  if (!file) throw new UsageError('请给出工作方案文件，例如：duban import-plan sheets-templates/example/tongnan-shuangyong-work-plan-2021.txt --out tasks.csv');
  const result = runImportPlan(await readPlanFile(resolve(io.cwd, file)));
  if (args.format === 'json') {
    println(io.stdout, JSON.stringify(result.plan, null, 2));
  } else if (args.out) {
    const out = resolve(io.cwd, args.out);
    // A BOM so Excel and WPS open the UTF-8 file correctly.
    writeFileSync(out, UTF8_BOM + result.csv);
    println(io.stdout, `${result.summary}\n已写入 ${out}`);
  } else {
    println(io.stdout, result.csv);
    println(io.stderr, result.summary);
  }
  return result.plan.tasks.length > 0 ? 0 : 1;
}
