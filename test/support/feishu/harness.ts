/** Test helpers for the Feishu tests: a virtual clock for retries and rate limits, a captured log, and the check that the loopback saw nothing unexpected. */
import { Writable } from 'node:stream';
import { expect } from 'vitest';
import { createLogger, type Logger } from '../../../src/log/logger.js';
import type { FeishuLoopback } from './server.js';

/** Asserts that the loopback was not called in a way Feishu would refuse outright (no such API, a body that is not JSON, an unknown WebSocket path). */
export function expectNoUnexpectedCalls(server: Pick<FeishuLoopback, 'unexpected'>): void {
  expect(server.unexpected).toEqual([]);
}

/** Closes (and forgets) the loopbacks a test started, then asserts none saw an unexpected call. */
export async function closeLoopbacks(servers: FeishuLoopback[]): Promise<void> {
  const done = servers.splice(0);
  await Promise.all(done.map((s) => s.close()));
  for (const server of done) expectNoUnexpectedCalls(server);
}

export interface VirtualClock {
  now: () => number;
  /** Advances virtual time instead of waiting. */
  sleep: (ms: number) => Promise<void>;
  /** Every sleep requested, in ms. */
  readonly sleeps: number[];
}

/** A clock starting at a fixed instant whose `sleep` returns at once and moves time forward. */
export function virtualClock(start = Date.UTC(2026, 2, 2, 1, 0, 0)): VirtualClock {
  let t = start;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
    sleeps,
  };
}

/** A debug-level JSON logger whose output is kept in `text()`. */
export function capturedLogger(): { logger: Logger; text: () => string } {
  let out = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      out += String(chunk);
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', stream, pretty: false }), text: () => out };
}
