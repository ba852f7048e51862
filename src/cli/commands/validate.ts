/** `duban validate`: the ledger check (表格体检); exit code 1 when the ledger has errors. */
import { columnRuleProblems } from '../../app/column-check.js';
import { problemsToJson, renderProblemsCard, renderProblemsMarkdown, renderProblemsText } from '../../render/problems.js';
import type { CliArgs } from '../args.js';
import { loadLedgerContext } from '../context.js';
import type { CliIO } from '../io.js';
import { emit, useColor } from '../output.js';

export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const ctx = await loadLedgerContext(args, io);
  // A select field's or dropdown's words come from the source, not the cells: asked for here only.
  const problems = [...ctx.ledger.problems, ...(await columnRuleProblems(ctx.source))];
  const { source } = ctx.ledger;
  emit(io, args.format, {
    text: () => renderProblemsText(problems, source, { color: useColor(io) }),
    markdown: () => renderProblemsMarkdown(problems, source),
    card: () => renderProblemsCard(problems, source),
    json: () => problemsToJson(problems),
  });
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}
