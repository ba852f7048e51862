/** `duban import-plan`: a plan → ledger CSV and a Chinese summary for the office. */
import { formatCsv } from '../ledger/csv-format.js';
import { importPlan, type ImportOptions } from './import-plan.js';
import { planToLedgerRows } from './ledger-rows.js';
import type { PlanDocument, PlanImport } from './types.js';

export interface ImportPlanResult {
  /** Ledger CSV (CRLF, no BOM: prepend UTF8_BOM when writing a file for Excel). */
  csv: string;
  summary: string;
  plan: PlanImport;
}

/** Imports the plan and renders the ledger CSV and the summary. */
export function runImportPlan(input: string | PlanDocument, options: ImportOptions = {}): ImportPlanResult {
  const plan = importPlan(input, options);
  return { csv: formatCsv(planToLedgerRows(plan.tasks)), summary: summarizePlan(plan), plan };
}

/** Multi-line Chinese summary: task count by category, units, phases with dates, what could not be read, problems. */
function summarizePlan(plan: PlanImport): string {
  const lines: string[] = [];
  const leads = new Set(plan.tasks.flatMap((t) => t.lead));
  const units = new Set([...leads, ...plan.tasks.flatMap((t) => t.assist)]);
  lines.push(`从工作方案中找到 ${plan.tasks.length} 项任务，涉及 ${units.size} 个单位（其中责任单位 ${leads.size} 个）。`);
  const byCategory = new Map<string, number>();
  for (const task of plan.tasks) byCategory.set(task.category, (byCategory.get(task.category) ?? 0) + 1);
  for (const [category, count] of byCategory) lines.push(`  ${category || '（未分类）'}：${count} 项`);
  if (plan.phases.length > 0) {
    lines.push(`工作阶段 ${plan.phases.length} 个（可据此填写开始日期和截止日期）：`);
    for (const p of plan.phases) lines.push(`  ${p.name}：${p.start ?? '?'} 至 ${p.due ?? '?'}（原文：${p.raw}）`);
  }
  if (plan.unrecognized.length > 0) {
    lines.push(`未识别 ${plan.unrecognized.length} 处（提到单位却没有生成任务，或像任务却没有写明单位），请对照原文核对：`);
    for (const u of plan.unrecognized) lines.push(`  ${u.place}：${u.reason}（${u.text}）`);
  }
  if (plan.problems.length > 0) {
    lines.push(`需要注意 ${plan.problems.length} 条：`);
    for (const problem of plan.problems) lines.push(`  ${problem}`);
  }
  const withDue = plan.tasks.filter((t) => t.due).length;
  if (withDue > 0) lines.push(`其中 ${withDue} 项任务的原文写明了完成时限（如“2024年6月底前完成”），已填入截止日期，请核对。`);
  if (plan.tasks.length > 0) lines.push('所有任务的状态为“未开始”，请补充开始日期、截止日期后再共享给各单位。');
  return lines.join('\n');
}
