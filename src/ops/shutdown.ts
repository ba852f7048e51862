/**
 * Graceful stop on SIGTERM/SIGINT: stop taking new work (the Feishu connection, the callback and health servers), let
 * the work in flight finish (the message being sent, chat answers and their write-backs) for at most a grace period,
 * close the store, exit 0. A second signal exits at once (1).
 */
import type { Logger } from '../log/logger.js';

export interface ShutdownSteps {
  logger: Logger;
  /** Stops taking new work: closes the Feishu long connection / HTTP callback server and the health endpoint. */
  stopIntake(): Promise<void>;
  /** Resolves when the work in flight is done: the scheduler's current message, chat answers and their write-backs. */
  finishWork(): Promise<void>;
  closeStore(): Promise<void>;
  /** How long finishWork may take before the store is closed anyway, in ms; 10 s by default. */
  graceMs?: number;
  /** Injected for tests; process.exit by default. */
  exit?: (code: number) => void;
  /** The process to listen on; `process` by default. */
  target?: Pick<NodeJS.Process, 'on' | 'off'>;
}

const GRACE_MS = 10_000;

/** Installs the signal handlers; returns `shutdown` (also callable directly) and `uninstall`. */
export function installShutdown(steps: ShutdownSteps): { shutdown(signal: string): Promise<void>; uninstall(): void } {
  const target = steps.target ?? process;
  const exit = steps.exit ?? ((code: number) => process.exit(code));
  const graceMs = steps.graceMs ?? GRACE_MS;
  let running: Promise<void> | null = null;

  /** finishWork, or the grace period's end, whichever comes first (work cut off is resumed by the next start). */
  const finishWithin = async (): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((resolve) => (timer = setTimeout(() => resolve('expired'), graceMs)));
    try {
      if ((await Promise.race([steps.finishWork().then(() => 'done' as const), expired])) === 'expired') {
        steps.logger.warn('shutdown.grace_expired', { graceMs, hint: 'work still in flight is resumed on the next start' });
      }
    } finally {
      clearTimeout(timer);
    }
  };

  const shutdown = (signal: string): Promise<void> => {
    if (running) {
      steps.logger.warn('shutdown.forced', { signal });
      exit(1);
      return running;
    }
    steps.logger.info('shutdown.started', { signal });
    running = (async () => {
      let code = 0;
      for (const [name, step] of [
        ['stop_intake', steps.stopIntake],
        ['finish_work', finishWithin],
        ['close_store', steps.closeStore],
      ] as const) {
        try {
          await step();
        } catch (error) {
          code = 1;
          steps.logger.error(`shutdown.${name}_failed`, { error });
        }
      }
      steps.logger.info('shutdown.finished', { code });
      exit(code);
    })();
    return running;
  };
  const onTerm = () => void shutdown('SIGTERM');
  const onInt = () => void shutdown('SIGINT');
  target.on('SIGTERM', onTerm);
  target.on('SIGINT', onInt);
  return {
    shutdown,
    uninstall() {
      target.off('SIGTERM', onTerm);
      target.off('SIGINT', onInt);
    },
  };
}
