import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/log/logger.js';
import { installShutdown } from '../../src/ops/shutdown.js';

function harness(failing?: string) {
  const steps: string[] = [];
  const exits: number[] = [];
  const target = new EventEmitter();
  const step = (name: string) => async () => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (name === failing) throw new Error(`${name} broke`);
    steps.push(name);
  };
  const handle = installShutdown({
    logger: silentLogger,
    stopScheduler: step('scheduler'),
    flush: step('flush'),
    closeTransports: step('transports'),
    closeStore: async () => void steps.push('store'),
    exit: (code) => void exits.push(code),
    target: target as unknown as Pick<NodeJS.Process, 'on' | 'off'>,
  });
  return { steps, exits, target, handle };
}

describe('installShutdown', () => {
  it('on SIGTERM stops the scheduler, flushes, closes transports then the store, and exits 0', async () => {
    const { steps, exits, target } = harness();
    target.emit('SIGTERM');
    await vi.waitFor(() => expect(exits).toEqual([0]));
    expect(steps).toEqual(['scheduler', 'flush', 'transports', 'store']);
  });

  it('exits 1 at once on a second signal', async () => {
    const { exits, target } = harness();
    target.emit('SIGTERM');
    target.emit('SIGINT');
    expect(exits).toEqual([1]);
    await vi.waitFor(() => expect(exits).toEqual([1, 0]));
  });

  it('still closes the store when a step fails, and exits 1', async () => {
    const { steps, exits, handle } = harness('transports');
    await handle.shutdown('SIGINT');
    expect(steps).toEqual(['scheduler', 'flush', 'store']);
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
