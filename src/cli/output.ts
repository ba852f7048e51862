/** Prints a report in the format the user asked for. */
import type { OutputFormat } from './args.js';
import { println, type CliIO } from './io.js';

export interface Renderings {
  text: () => string;
  markdown: () => string;
  card: () => unknown;
  json: () => unknown;
}

/** Writes one rendering of a report to stdout. */
export function emit(io: CliIO, format: OutputFormat, renderings: Renderings): void {
  if (format === 'json' || format === 'card') {
    println(io.stdout, JSON.stringify(format === 'json' ? renderings.json() : renderings.card(), null, 2));
  } else {
    println(io.stdout, format === 'markdown' ? renderings.markdown() : renderings.text());
  }
}

/** Says a notice for a person (the date used, an unknown holiday year) on stderr, so redirected output stays clean. */
export function notice(io: CliIO, text: string | null): void {
  if (text) println(io.stderr, text);
}

/** True when ANSI colours should be used on stdout. */
export function useColor(io: CliIO): boolean {
  return Boolean(io.stdout.isTTY) && !io.env.NO_COLOR;
}
