/** Transports acknowledge an event at once and let the bot work in the background: Feishu re-sends unacknowledged events after 3 s. */
import type { Logger } from '../../log/logger.js';

/** Wraps `handle` so calling it starts the work and never throws or rejects, whatever the handler does. */
export function inBackground(handle: (event: unknown) => Promise<void>, logger: Logger): (event: unknown) => void {
  return (event) => {
    Promise.resolve()
      .then(() => handle(event))
      .catch((error: unknown) => logger.error('event handler failed', { error }));
  };
}
