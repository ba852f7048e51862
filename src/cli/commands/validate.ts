/**
 * `duban validate`: the ledger check (表格体检), the status words the source's columns allow, and the units whose
 * reminders cannot @ anyone; exit code 1 when the ledger has errors.
 */
import { columnRuleProblems } from '../../app/column-check.js';
import type { Ledger, Problem } from '../../domain/types.js';
import { problem } from '../../ledger/problems.js';
import { problemsToJson, renderProblemsCard, renderProblemsMarkdown, renderProblemsText } from '../../render/problems.js';
import { unitsWithoutLiaison } from '../../reports/liaison-gaps.js';
import type { CliArgs } from '../args.js';
import { loadLedgerContext, loadRuntime, type LedgerContext, type Runtime } from '../context.js';
import { chooseLedger } from '../choose-ledger.js';
import type { CliIO } from '../io.js';
import { emit, notice, useColor } from '../output.js';

const DIRECTORY = '单位通讯录';

/** One warning per lead unit without a liaison account; one for all of them when there is no directory at all. */
function liaisonProblems(ledger: Ledger): Problem[] {
  const gaps = unitsWithoutLiaison(ledger);
  if (gaps.length === 0) return [];
  if (!ledger.units.some((unit) => unit.inDirectory)) {
    const names = gaps.slice(0, 5).map((g) => g.unit).join('、');
    return [{ ...problem(null, '联络员账号', 'warning', 'no_liaison',
      `没有单位通讯录：${gaps.length} 个责任单位（${names}${gaps.length > 5 ? ' 等' : ''}）的提醒都无法 @ 到联络员；请在台账旁放 units.csv、在表格中加“单位”工作表，或用 --units 指定`), sheet: DIRECTORY }];
  }
  return gaps.map((gap) => ({ ...problem(null, '联络员账号', 'warning', 'no_liaison',
    `单位「${gap.unit}」牵头 ${gap.tasks} 项任务，但单位通讯录中没有它的联络员账号，提醒无法 @ 到人；请填写联络员和联络员账号（飞书 open_id、邮箱或手机号）`), sheet: DIRECTORY }));
}

/** The ledger's problems: the check of every row, the words its status column allows, units nobody can be @-ed for. */
async function problemsOf(ctx: LedgerContext): Promise<Problem[]> {
  // A select field's or dropdown's words come from the source, not the cells: asked for here only.
  return [...ctx.ledger.problems, ...(await columnRuleProblems(ctx.source)), ...liaisonProblems(ctx.ledger)];
}

const hasErrors = (problems: readonly Problem[]) => problems.some((p) => p.severity === 'error');

export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const runtime = loadRuntime(args, io);
  // Several ledgers and no --ledger: each is checked, under its name (an office checks them all after an edit).
  if (runtime.loaded.ledger === null) return validateEach(args, io, runtime);
  const ctx = await loadLedgerContext(args, io, runtime);
  for (const text of ctx.notices) notice(io, text);
  const problems = await problemsOf(ctx);
  const { source } = ctx.ledger;
  emit(io, args.format, {
    text: () => renderProblemsText(problems, source, { color: useColor(io) }),
    markdown: () => renderProblemsMarkdown(problems, source),
    card: () => renderProblemsCard(problems, source),
    json: () => problemsToJson(problems),
  });
  return hasErrors(problems) ? 1 : 0;
}

/** Every configured ledger checked in turn: a section per ledger (text, markdown), or `{ ledgers: [...] }` (json, card). */
async function validateEach(args: CliArgs, io: CliIO, runtime: Runtime): Promise<number> {
  const checked: { ledger: string; source: string; problems: Problem[] }[] = [];
  for (const { name } of runtime.loaded.ledgers) {
    const ctx = await loadLedgerContext(args, io, { ...runtime, loaded: chooseLedger(runtime.loaded, args.command, name) });
    for (const text of ctx.notices) notice(io, text);
    checked.push({ ledger: name, source: ctx.ledger.source, problems: await problemsOf(ctx) });
  }
  emit(io, args.format, {
    text: () => checked.map((c) => `【${c.ledger}】\n${renderProblemsText(c.problems, c.source, { color: useColor(io) })}`).join('\n\n'),
    markdown: () => checked.map((c) => `## ${c.ledger}\n\n${renderProblemsMarkdown(c.problems, c.source)}`).join('\n\n'),
    card: () => ({ ledgers: checked.map((c) => ({ ledger: c.ledger, card: renderProblemsCard(c.problems, c.source) })) }),
    json: () => ({ ok: !checked.some((c) => hasErrors(c.problems)), ledgers: checked.map((c) => ({ ledger: c.ledger, ...problemsToJson(c.problems) })) }),
  });
  return checked.some((c) => hasErrors(c.problems)) ? 1 : 0;
}
