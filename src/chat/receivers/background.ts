/**
 * Transports acknowledge a message event at once and let the bot work in the background (Feishu re-sends
 * unacknowledged events after 3 s); a card callback is answered with what the bot returns (its toast).
 */
import type { Logger } from '../../log/logger.js';

/** Wraps `handle` so calling it starts the work and never throws or rejects, whatever the handler does. */
export function inBackground(handle: (event: unknown) => Promise<unknown>, logger: Logger): (event: unknown) => void {
  return (event) => {
    Promise.resolve()
      .then(() => handle(event))
      .catch((error: unknown) => logger.error('event handler failed', { error }));
  };
}

/** The SDK's dispatcher types no card.action.trigger handler (its typings lag the platform): declared here. */
export type CardHandles = { 'card.action.trigger': (event: unknown) => Promise<object> };

/** The card callback handler: the bot's answer, or `{}` (Feishu wants a JSON object, never an empty reply). */
export function cardCallback(handle: (event: unknown) => Promise<unknown>): (event: unknown) => Promise<object> {
  return async (event) => {
    const answer = await handle(event).catch(() => undefined);
    return answer && typeof answer === 'object' ? answer : {};
  };
}
