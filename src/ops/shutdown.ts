/**
 * Graceful stop on SIGTERM/SIGINT: stop new work, let the message in flight finish, close the connection and
 * the store, exit 0. A second signal exits at once (1).
 */
import type { Logger } from '../log/logger.js';

export interface ShutdownSteps {
  logger: Logger;
  /** Stops the scheduler; resolves when the message in flight is done. */
  stopScheduler(): Promise<void>;
  /** Waits for queued chat replies and logs to be written. */
  flush(): Promise<void>;
  /** Closes the Feishu long connection / HTTP callback server and the health endpoint. */
  closeTransports(): Promise<void>;
  closeStore(): Promise<void>;
  /** Injected for tests; process.exit by default. */
  exit?: (code: number) => void;
  /** The process to listen on; `process` by default. */
  target?: Pick<NodeJS.Process, 'on' | 'off'>;
}

/** Installs the signal handlers; returns `shutdown` (also callable directly) and `uninstall`. */
export function installShutdown(steps: ShutdownSteps): { shutdown(signal: string): Promise<void>; uninstall(): void } {
  const target = steps.target ?? process;
  const exit = steps.exit ?? ((code: number) => process.exit(code));
  let running: Promise<void> | null = null;

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
        ['stop_scheduler', steps.stopScheduler],
        ['flush', steps.flush],
        ['close_transports', steps.closeTransports],
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
