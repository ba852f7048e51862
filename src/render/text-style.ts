/** ANSI colours for the terminal renderer. */
import type { Tone } from './doc.js';

const CODES: Record<Tone | 'bold', string> = { bold: '1', red: '31', orange: '33', green: '32', grey: '90' };

/** Wraps text in an ANSI style when colour is on (the CLI turns it on for a TTY only). */
export function ansi(text: string, style: Tone | 'bold' | undefined, color: boolean): string {
  if (!color || !style || text === '') return text;
  return `\u001b[${CODES[style]}m${text}\u001b[0m`;
}
