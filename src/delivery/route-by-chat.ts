/** Chooses, per chat, between a group webhook (when one is configured for that chat) and the app bot. */
import type { DeliveryResult, Messenger, OutgoingMessage } from './messenger.js';

/** A Messenger that sends through `byChat.get(chat)` when present, else through `fallback`. */
export function routeByChat(fallback: Messenger, byChat: ReadonlyMap<string, Messenger>): Messenger {
  return {
    send: (message: OutgoingMessage): Promise<DeliveryResult> => (byChat.get(message.chat) ?? fallback).send(message),
  };
}
