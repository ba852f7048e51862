/**
 * Writes the README's command table from the command table in src/cli/command-table.ts (the one `duban help`
 * prints from): `npm run docs:commands`. test/cli/conventions.test.ts fails when the README is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { commandsMarkdown } = await import(join(root, 'dist', 'cli', 'help-text.js'));
const readme = join(root, 'README.md');
const text = readFileSync(readme, 'utf8');
const section = /(<!-- commands:start -->\n)(?:[\s\S]*?\n)?(<!-- commands:end -->)/;
if (!section.test(text)) throw new Error('README.md has no <!-- commands:start --> … <!-- commands:end --> section');
writeFileSync(readme, text.replace(section, (_all, start, end) => `${start}${commandsMarkdown()}\n${end}`));
console.log('README.md: command table written');
