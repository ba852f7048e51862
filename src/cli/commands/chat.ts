/** `duban chat`: a terminal conversation with the bot. */
import type { CliArgs } from '../args.js';
import { loadLedgerContext } from '../context.js';
import { converse } from '../conversation.js';
import type { CliIO } from '../io.js';
import { note } from '../output.js';

export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const ctx = await loadLedgerContext(args, io);
  note(io, 'text', ctx.dateNote);
  await converse(io, ctx);
  return 0;
}
