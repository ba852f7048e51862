#!/usr/bin/env node
/** The `duban` command. Each command is loaded on demand, so a local command never loads the Feishu or Google SDKs. */
import { pathToFileURL } from 'node:url';
import { realpathSync } from 'node:fs';
import { parseCommandLine, type CliArgs, type CommandName } from './args.js';
import { println, processIO, type CliIO } from './io.js';

type Command = { run(args: CliArgs, io: CliIO): Promise<number> };

const COMMAND_MODULES: Record<CommandName, () => Promise<Command>> = {
  digest: () => import('./commands/digest.js'),
  remind: () => import('./commands/remind.js'),
  ask: () => import('./commands/ask.js'),
  validate: () => import('./commands/validate.js'),
  chat: () => import('./commands/chat.js'),
  'import-plan': () => import('./commands/import-plan.js'),
  serve: () => import('./commands/serve.js'),
  plan: () => import('./commands/plan.js'),
  update: () => import('./commands/update.js'),
  history: () => import('./commands/history.js'),
  requests: () => import('./commands/requests.js'),
  approve: () => import('./commands/decide.js'),
  reject: () => import('./commands/decide.js'),
  chats: () => import('./commands/chats.js'),
  store: () => import('./commands/store.js'),
  score: () => import('./commands/score.js'),
  report: () => import('./commands/report.js'),
  notice: () => import('./commands/notice.js'),
  help: () => import('./commands/help.js'),
};

/** Runs duban with these arguments; resolves to the exit code. Never throws. */
export async function runCli(argv: string[], io: CliIO = processIO()): Promise<number> {
  try {
    const args = parseCommandLine(argv);
    const command = await COMMAND_MODULES[args.command]();
    return await command.run(args, io);
  } catch (error) {
    // Loaded only on failure: it knows every error class, and a run that goes well needs none of them.
    const { describeFailure } = await import('./failure.js');
    const failure = describeFailure(error);
    println(io.stderr, failure.message);
    if (failure.detail && io.env.DUBAN_DEBUG) println(io.stderr, failure.detail);
    return failure.exitCode;
  }
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}

if (isMain()) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
