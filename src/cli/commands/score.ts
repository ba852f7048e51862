/** `duban score [--month YYYY-MM] [--json]`: each lead unit's score for the month and the ranking (docs/scoring.md). */
import { scoreMonth } from '../../app/period-reports.js';
import { monthOf } from '../../reports/month.js';
import { scoresToJson } from '../../reports/report-json.js';
import { renderDocMarkdown } from '../../render/render-markdown.js';
import { renderDocCard } from '../../render/render-card.js';
import { renderDocText } from '../../render/render-text.js';
import { scoresDoc } from '../../render/scores-doc.js';
import type { CliArgs } from '../args.js';
import { loadLedgerContext } from '../context.js';
import { println, type CliIO } from '../io.js';
import { emit, notice, useColor } from '../output.js';
import { withStoreIfAny } from '../stored.js';

export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const ctx = await loadLedgerContext(args, io);
  notice(io, ctx.dateNote);
  const month = args.month ?? monthOf(ctx.today);
  const scored = await withStoreIfAny(ctx.loaded, (store) =>
    scoreMonth({ ledger: ctx.ledger, today: ctx.today, calendar: ctx.calendar, options: ctx.options, config: ctx.loaded.config, store }, month),
  );
  if (!scored.ok) {
    // No numbers are made up for a month the store has no record of: say so (and, for scripts, exit 1).
    if (args.format === 'json') println(io.stdout, JSON.stringify({ month, units: [], available: false, message: scored.message }, null, 2));
    else println(io.stderr, scored.message);
    return 1;
  }
  const doc = scoresDoc(scored.scores, scored.state.from);
  emit(io, args.format, {
    text: () => renderDocText(doc, { color: useColor(io) }),
    markdown: () => renderDocMarkdown(doc),
    card: () => renderDocCard(doc),
    json: () => ({ ...scoresToJson(scored.scores, scored.state.from), available: true }),
  });
  return 0;
}
