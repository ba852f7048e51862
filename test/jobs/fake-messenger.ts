/**
 * A Messenger that behaves like Feishu's idempotent send: a message whose key was already posted is not posted
 * again (Feishu de-duplicates by the uuid the wrapper derives from the key). It can refuse chats and can
 * "kill the process" in the middle of a send: the message reaches the chat, the reply never comes back.
 */
import type { DeliveryResult, Messenger, OutgoingMessage } from '../../src/delivery/messenger.js';

export interface FakeChatServer {
  /** Every message that appeared in a chat, in order. */
  posted: OutgoingMessage[];
  /** How many times each key appeared in a chat. */
  postsPerKey(): Map<string, number>;
}

export function fakeChatServer(): FakeChatServer & { receive(message: OutgoingMessage): string } {
  const posted: OutgoingMessage[] = [];
  const ids = new Map<string, string>();
  return {
    posted,
    postsPerKey() {
      const counts = new Map<string, number>();
      for (const m of posted) counts.set(m.key, (counts.get(m.key) ?? 0) + 1);
      return counts;
    },
    receive(message) {
      let id = ids.get(message.key);
      if (!id) {
        id = `om_${ids.size + 1}`;
        ids.set(message.key, id);
        posted.push(message);
      }
      return id;
    },
  };
}

export interface FakeMessengerOptions {
  /** Chats that refuse messages (the bot was removed). */
  refuse?: string[];
  /** After this many completed sends, the next send posts and then never answers (the process dies). */
  dieAfter?: number;
  /** Calls `hook` before each send (to trigger a shutdown in the middle of a run). */
  beforeSend?: (sendNumber: number) => void;
}

export function fakeMessenger(server: ReturnType<typeof fakeChatServer>, options: FakeMessengerOptions = {}): Messenger & { sends: number } {
  const messenger = {
    sends: 0,
    async send(message: OutgoingMessage): Promise<DeliveryResult> {
      messenger.sends += 1;
      options.beforeSend?.(messenger.sends);
      if (options.refuse?.includes(message.chat)) {
        return { ok: false, messageId: null, error: { code: 230002, message: 'bot not in chat', hint: '请把机器人加入该群' } };
      }
      const messageId = server.receive(message);
      if (options.dieAfter !== undefined && messenger.sends > options.dieAfter) return new Promise<DeliveryResult>(() => {});
      return { ok: true, messageId, error: null };
    },
  };
  return messenger;
}
