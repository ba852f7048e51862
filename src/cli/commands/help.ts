/** `duban help`. */
import { USAGE, type CliArgs } from '../args.js';
import { println, type CliIO } from '../io.js';

export async function run(_args: CliArgs, io: CliIO): Promise<number> {
  println(io.stdout, USAGE);
  return 0;
}
