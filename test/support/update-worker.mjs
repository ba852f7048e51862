// Runs `duban update ID --note TAG-i` COUNT times through the built command line (dist/), the way separate
// invocations would (each opens the ledger afresh), cycling over IDS task ids. Prints the failures as JSON; exit 1 on any.
import { PassThrough } from 'node:stream';
import { runCli } from '../../dist/cli/main.js';

const [sheet, tag, count, ids] = process.argv.slice(2);
const taskIds = ids.split(',');
const failures = [];
for (let i = 0; i < Number(count); i += 1) {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = [];
  err.on('data', (c) => chunks.push(c));
  out.resume();
  const id = taskIds[i % taskIds.length];
  const io = { stdout: out, stderr: err, stdin: process.stdin, env: { ...process.env }, cwd: process.cwd(), now: () => new Date() };
  const code = await runCli(['update', id, '--note', `${tag}-${i}`, '--by', tag, '--today', '2026-11-29', '--sheet', sheet], io);
  if (code !== 0) failures.push({ i, id, code, stderr: Buffer.concat(chunks).toString('utf8') });
}
process.stdout.write(JSON.stringify(failures));
process.exitCode = failures.length > 0 ? 1 : 0;
