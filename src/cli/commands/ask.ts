/** `duban ask "问题"`: one question, one answer. */
import { askLedger } from '../../app/ask-ledger.js';
import { answerToJson, renderAnswerCard, renderAnswerMarkdown, renderAnswerText } from '../../render/answer.js';
import { UsageError, type CliArgs } from '../args.js';
import { loadLedgerContext } from '../context.js';
import type { CliIO } from '../io.js';
import { askerOption } from '../asker-option.js';
import { emit, notice, useColor } from '../output.js';

export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const question = args.positionals.join(' ').trim();
  if (!question) throw new UsageError('请给出问题，例如：duban ask "交通局负责哪些任务"');
  const ctx = await loadLedgerContext(args, io);
  const asker = askerOption(args.as, ctx.directory);
  notice(io, ctx.dateNote);
  const answer = await askLedger(question, ctx, { asker });
  emit(io, args.format, {
    text: () => renderAnswerText(answer, { color: useColor(io) }),
    markdown: () => renderAnswerMarkdown(answer),
    card: () => renderAnswerCard(answer, { sheetUrl: ctx.sheetUrl }),
    json: () => answerToJson(answer),
  });
  return 0;
}
