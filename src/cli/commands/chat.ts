/** `duban chat`: a terminal conversation with the bot. */
import type { CliArgs } from '../args.js';
import { loadLedgerContext } from '../context.js';
import { converse } from '../conversation.js';
import type { CliIO } from '../io.js';
import { askerOption } from '../asker-option.js';
import { notice } from '../output.js';

export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const ctx = await loadLedgerContext(args, io);
  const asker = askerOption(args.as, ctx.directory);
  notice(io, ctx.dateNote);
  await converse(io, ctx, asker);
  return 0;
}
