import { describe, expect, it } from 'vitest';
import { routeByChat } from '../../src/delivery/route-by-chat.js';
import type { Messenger, OutgoingMessage } from '../../src/delivery/messenger.js';

const recorder = (name: string, log: string[]): Messenger => ({
  send: async (m: OutgoingMessage) => {
    log.push(`${name}:${m.chat}`);
    return { ok: true, messageId: null, error: null };
  },
});

describe('routeByChat', () => {
  it('sends through a chat’s webhook when configured, else through the app bot', async () => {
    const log: string[] = [];
    const messenger = routeByChat(recorder('app', log), new Map([['oc_hooked0001', recorder('webhook', log)]]));
    await messenger.send({ chat: 'oc_hooked0001', card: {}, key: 'a' });
    await messenger.send({ chat: 'oc_other00001', card: {}, key: 'b' });
    expect(log).toEqual(['webhook:oc_hooked0001', 'app:oc_other00001']);
  });
});
