/**
 * A Messenger over a fake chat server that behaves like Feishu's idempotent send: the same key and content (the
 * uuid the wrapper derives) appear in the chat once. Every send is recorded, duplicates included, so a test sees a
 * resend instead of having it hidden. It can refuse chats and can "kill the process" in the middle of a send: the
 * message reaches the chat, the reply never comes back.
 */
import type { DeliveryResult, Messenger, OutgoingMessage } from '../../src/delivery/messenger.js';

export interface FakeChatServer {
  /** Every send that reached the server, in order, duplicates included. */
  received: OutgoingMessage[];
  /** What appeared in the chats, in order: one message per key and content, as Feishu's uuid de-duplication leaves it. */
  posted: OutgoingMessage[];
  /** The sends whose key had been received before (resends): Feishu absorbs them only when the content is the same. */
  duplicates(): OutgoingMessage[];
  /** How many times each key was received. */
  sendsPerKey(): Map<string, number>;
}

export function fakeChatServer(): FakeChatServer & { receive(message: OutgoingMessage): string } {
  const received: OutgoingMessage[] = [];
  const posted: OutgoingMessage[] = [];
  const ids = new Map<string, string>();
  return {
    received,
    posted,
    duplicates: () => received.filter((m, i) => received.findIndex((earlier) => earlier.key === m.key) < i),
    sendsPerKey() {
      const counts = new Map<string, number>();
      for (const m of received) counts.set(m.key, (counts.get(m.key) ?? 0) + 1);
      return counts;
    },
    receive(message) {
      received.push(message);
      const uuid = `${message.key}\n${JSON.stringify(message.card)}`;
      let id = ids.get(uuid);
      if (!id) {
        id = `om_${ids.size + 1}`;
        ids.set(uuid, id);
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
