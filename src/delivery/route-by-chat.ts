/** Chooses, per chat, between a group webhook (when one is configured for that chat) and the app bot. */
import type { DeliveryResult, Messenger, OutgoingMessage } from './messenger.js';

/** A Messenger that sends through `byChat.get(chat)` when present, else through `fallback`. */
export function routeByChat(fallback: Messenger, byChat: ReadonlyMap<string, Messenger>): Messenger {
  const pick = (chat: string): Messenger => byChat.get(chat) ?? fallback;
  return {
    send: (message: OutgoingMessage): Promise<DeliveryResult> => pick(message.chat).send(message),
    // Only where the chosen sender can look; null (not found) otherwise, so the message is sent again.
    findDelivered: (message, since) => pick(message.chat).findDelivered?.(message, since) ?? Promise.resolve(null),
  };
}
