/** The graceful stop: intake first, then the work in flight (bounded by the grace period), then the store; exit 0. */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/log/logger.js';
import { createInFlight } from '../../src/ops/in-flight.js';
import { installShutdown } from '../../src/ops/shutdown.js';

function harness(options: { failing?: string; work?: () => Promise<void>; graceMs?: number } = {}) {
  const steps: string[] = [];
  const exits: number[] = [];
  const target = new EventEmitter();
  const step = (name: string) => async () => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (name === options.failing) throw new Error(`${name} broke`);
    steps.push(name);
  };
  const handle = installShutdown({
    logger: silentLogger,
    stopIntake: step('intake'),
    finishWork: options.work ?? step('work'),
    closeStore: async () => void steps.push('store'),
    graceMs: options.graceMs,
    exit: (code) => void exits.push(code),
    target: target as unknown as Pick<NodeJS.Process, 'on' | 'off'>,
  });
  return { steps, exits, target, handle };
}

describe('installShutdown', () => {
  it('on SIGTERM stops the intake, lets the work in flight finish, closes the store, and exits 0', async () => {
    const { steps, exits, target } = harness();
    target.emit('SIGTERM');
    await vi.waitFor(() => expect(exits).toEqual([0]));
    expect(steps).toEqual(['intake', 'work', 'store']);
  });

  it('waits for every answer in flight, including one that starts another piece of work', async () => {
    const inFlight = createInFlight();
    const done: string[] = [];
    const later = (name: string, ms: number) => new Promise<void>((resolve) => setTimeout(() => resolve(void done.push(name)), ms));
    inFlight.track(later('answer 1', 30));
    inFlight.track(later('answer 2', 10).then(() => void inFlight.track(later('write-back', 30))));
    const { steps, exits, target } = harness({ work: () => inFlight.drain() });
    target.emit('SIGTERM');
    await vi.waitFor(() => expect(exits).toEqual([0]));
    expect(done.sort()).toEqual(['answer 1', 'answer 2', 'write-back']);
    expect(inFlight.size()).toBe(0);
    expect(steps).toEqual(['intake', 'store']);
  });

  it('stops waiting at the end of the grace period, closes the store and still exits 0', async () => {
    const { steps, exits, target } = harness({ work: () => new Promise(() => {}), graceMs: 30 });
    target.emit('SIGTERM');
    await vi.waitFor(() => expect(exits).toEqual([0]));
    expect(steps).toEqual(['intake', 'store']);
  });

  it('exits 1 at once on a second signal', async () => {
    const { exits, target } = harness();
    target.emit('SIGTERM');
    target.emit('SIGINT');
    expect(exits).toEqual([1]);
    await vi.waitFor(() => expect(exits).toEqual([1, 0]));
  });

  it('still closes the store when a step fails, and exits 1', async () => {
    const { steps, exits, handle } = harness({ failing: 'intake' });
    await handle.shutdown('SIGINT');
    expect(steps).toEqual(['work', 'store']);
    expect(exits).toEqual([1]);
  });

  it('can be uninstalled', async () => {
    const { exits, target, handle } = harness();
    handle.uninstall();
    target.emit('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(exits).toEqual([]);
    expect(target.listenerCount('SIGTERM')).toBe(0);
  });
});
