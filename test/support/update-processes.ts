/** Runs `duban update` in child processes (test/support/update-worker.mjs over dist/), as separate invocations race. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const WORKER = fileURLToPath(new URL('./update-worker.mjs', import.meta.url));

export interface WorkerRun {
  code: number | null;
  /** The updates that failed: their index, task id, exit code and message. */
  failures: unknown[];
}

/** `count` updates `--note TAG-i --by TAG` of the tasks `ids` in turn, in one child process started in `cwd`. */
export function updateInChild(options: { sheet: string; tag: string; count: number; ids: string[]; cwd: string; env?: NodeJS.ProcessEnv }): Promise<WorkerRun> {
  return new Promise((resolve, reject) => {
    const args = [WORKER, options.sheet, options.tag, String(options.count), options.ids.join(',')];
    const child = spawn(process.execPath, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      const text = Buffer.concat(out).toString('utf8');
      try {
        resolve({ code, failures: JSON.parse(text || '[]') as unknown[] });
      } catch {
        reject(new Error(`update worker printed ${text}; stderr: ${Buffer.concat(err).toString('utf8')}`));
      }
    });
  });
}
