/** `duban help [CMD]`, `duban CMD --help` and `duban --version`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../config/package-root.js';
import { commandNamed, type CliArgs } from '../args.js';
import { commandHelpText, overviewText } from '../help-text.js';
import { println, type CliIO } from '../io.js';

/** The installed package's version. */
function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

export async function run(args: CliArgs, io: CliIO): Promise<number> {
  if (args.version) {
    println(io.stdout, `duban ${version()}`);
    return 0;
  }
  const [topic] = args.positionals;
  println(io.stdout, topic === undefined ? overviewText(version()) : commandHelpText(commandNamed(topic)));
  return 0;
}
