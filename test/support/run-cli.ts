/** Runs the duban command in-process with captured output and a clean environment (no Feishu, no config file). */
import { PassThrough, Readable } from 'node:stream';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  json<T = any>(): T;
}

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** Runs `duban ...argv`; `cwd` defaults to an empty temporary folder so no config/duban.yaml is picked up. */
export async function runDuban(argv: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv; cwd?: string; now?: Date } = {}): Promise<CliRun> {
  const out = capture();
  const err = capture();
  const cwd = options.cwd ?? mkdtempSync(join(tmpdir(), 'duban-cli-'));
  const code = await runCli(argv, {
    stdout: out.stream,
    stderr: err.stream,
    stdin: Readable.from([options.stdin ?? '']),
    env: { DUBAN_DATA_DIR: join(cwd, '.duban'), ...options.env },
    cwd,
    now: () => options.now ?? new Date('2026-11-30T01:00:00Z'),
  });
  const stdout = out.text();
  return { code, stdout, stderr: err.text(), json: () => JSON.parse(stdout) };
}
