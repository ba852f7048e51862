import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/args.js';
import { loadRuntime } from '../../src/cli/context.js';

const FEISHU = { FEISHU_APP_ID: 'cli_a1b2c3d4e5f60718', FEISHU_APP_SECRET: 'loopback-secret-0001' };

/** The lines a runtime's logger writes for one info and one warn event. */
function logLines(argv: string[], env: NodeJS.ProcessEnv): string[] {
  const stderr = new PassThrough();
  const chunks: Buffer[] = [];
  stderr.on('data', (c: Buffer) => chunks.push(c));
  const cwd = mkdtempSync(join(tmpdir(), 'duban-log-'));
  const io = { stdout: new PassThrough(), stderr, stdin: Readable.from(['']), env: { DUBAN_DATA_DIR: join(cwd, '.duban'), ...env }, cwd, now: () => new Date() };
  const { logger } = loadRuntime(parseCommandLine(argv), io);
  logger.info('probe.info');
  logger.warn('probe.warn');
  return Buffer.concat(chunks).toString('utf8').trim().split('\n').map((line) => JSON.parse(line).event as string);
}

describe('log level', () => {
  it('the Feishu service logs info events (e.g. "feishu long connection ready") by default', () => {
    expect(logLines(['serve'], FEISHU)).toEqual(['probe.info', 'probe.warn']);
  });

  it('one-shot commands and local mode show only warnings unless DUBAN_LOG_LEVEL says otherwise', () => {
    expect(logLines(['plan'], FEISHU)).toEqual(['probe.warn']);
    expect(logLines(['serve'], {})).toEqual(['probe.warn']);
    expect(logLines(['plan'], { ...FEISHU, DUBAN_LOG_LEVEL: 'info' })).toEqual(['probe.info', 'probe.warn']);
    expect(logLines(['serve'], { ...FEISHU, DUBAN_LOG_LEVEL: 'warn' })).toEqual(['probe.warn']);
  });
});
