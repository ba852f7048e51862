/** A conversation in the terminal: questions typed (or piped) in, answers printed, until end of input. */
import { createInterface } from 'node:readline';
import { askLedger, type AskContext, type Asker } from '../app/ask-ledger.js';
import { renderAnswerText } from '../render/answer.js';
import { println, type CliIO } from './io.js';
import { useColor } from './output.js';

const QUIT = /^(退出|再见|exit|quit|bye)$/i;

/** Answers each line of standard input (as `asker` when given); shows a prompt only on a terminal. Resolves at end of input or "退出". */
export async function converse(io: CliIO, ctx: AskContext, asker?: Asker): Promise<void> {
  const interactive = Boolean(io.stdin.isTTY);
  const lines = createInterface({ input: io.stdin, output: interactive ? io.stdout : undefined, terminal: interactive });
  if (interactive) {
    println(io.stdout, '请输入问题（例如：交通局负责哪些任务、哪些任务逾期了、任务6、帮助），输入"退出"结束。');
    lines.setPrompt('督办> ');
    lines.prompt();
  }
  for await (const raw of lines) {
    const question = raw.trim();
    if (QUIT.test(question)) break;
    if (question) {
      if (!interactive) println(io.stdout, `> ${question}`);
      println(io.stdout, renderAnswerText(await askLedger(question, ctx, { asker }), { color: useColor(io) }));
    }
    if (interactive) lines.prompt();
  }
  lines.close();
}
