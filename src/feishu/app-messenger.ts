/**
 * Sends cards as the app bot (im/v1/messages), one idempotent message per chat; replies to questions; finds a card
 * it posted in a chat's recent messages (a send whose answer was lost, past Feishu's one-hour uuid memory).
 */
import type { Logger } from '../log/logger.js';
import type { DeliveryResult, Messenger, OutgoingMessage } from '../delivery/messenger.js';
import type { Card } from '../render/card.js';
import type { FeishuApi } from './feishu-api.js';
import { delivered, failed } from '../delivery/results.js';
import { failedFrom } from './failed-from.js';
import { messageUuid } from './idempotency.js';

// Feishu limits the request body of a card message (the card JSON-escaped in `content`, plus the envelope).
const CARD_MAX_BYTES = 30 * 1024;

interface SentMessage {
  message_id?: string;
}

/** One page of a chat's messages (GET im/v1/messages with container_id_type=chat). */
interface MessagePage {
  items?: { message_id?: string; msg_type?: string; sender?: { sender_type?: string }; body?: { content?: string } }[] | null;
  has_more?: boolean;
  page_token?: string;
}

// Pages of 50 looked through: a run's messages are found within minutes of their first attempt.
const FIND_PAGES = 4;

/** The card's header title, which names the report and its date ("督办日报 · 2022-06-27"); null without one. */
function cardTitle(card: Card): string | null {
  const title = (card.header as { title?: { content?: unknown } } | undefined)?.title?.content;
  return typeof title === 'string' && title !== '' ? title : null;
}

/** The Messenger for a Feishu self-built app. */
export class FeishuAppMessenger implements Messenger {
  constructor(
    private readonly api: FeishuApi,
    private readonly logger: Logger,
  ) {}

  /** Posts the card to `message.chat`; never throws: failures come back with a Chinese hint naming the chat. */
  async send(message: OutgoingMessage): Promise<DeliveryResult> {
    const content = JSON.stringify(message.card);
    const uuid = messageUuid(message.key, content);
    const body = { receive_id: message.chat, msg_type: 'interactive', content, uuid };
    const tooBig = this.checkSize(body, message.chat);
    if (tooBig) return tooBig;
    try {
      const data = await this.api.call<SentMessage>({
        method: 'POST',
        url: '/open-apis/im/v1/messages',
        params: { receive_id_type: 'chat_id' },
        data: body,
        bucket: `chat:${message.chat}`,
      });
      this.logger.info('card sent', { chat: message.chat, key: message.key, messageId: data?.message_id });
      return delivered(data?.message_id ?? null, uuid);
    } catch (error) {
      const result = failedFrom(error);
      this.logger.warn('card not sent', { chat: message.chat, key: message.key, code: result.error?.code, error: result.error?.message });
      return result;
    }
  }

  /** Replies to a message with a card (answers to questions); `key` makes a repeated reply post once. */
  async replyCard(messageId: string, card: Card, key: string): Promise<DeliveryResult> {
    const content = JSON.stringify(card);
    const body = { msg_type: 'interactive', content, uuid: messageUuid(key, content) };
    const tooBig = this.checkSize(body, messageId);
    if (tooBig) return tooBig;
    try {
      const data = await this.api.call<SentMessage>({
        method: 'POST',
        url: `/open-apis/im/v1/messages/${encodeURIComponent(messageId)}/reply`,
        data: body,
      });
      return delivered(data?.message_id ?? null);
    } catch (error) {
      const result = failedFrom(error);
      this.logger.warn('reply not sent', { messageId, code: result.error?.code, error: result.error?.message });
      return result;
    }
  }

  /**
   * The message_id of a card this app posted to the chat since `since` with the card's title; null when there is
   * none. Feishu's message list does not return the uuid and shows a card in its own rendering, so the card is known
   * by its sender (an app), its type and its title, which names the report and its date.
   */
  async findDelivered(message: OutgoingMessage, since: Date): Promise<string | null> {
    const title = cardTitle(message.card);
    if (!title) return null;
    const needle = JSON.stringify(title).slice(1, -1);
    let pageToken: string | undefined;
    for (let page = 0; page < FIND_PAGES; page++) {
      const data = await this.api.call<MessagePage>({
        method: 'GET',
        url: '/open-apis/im/v1/messages',
        params: { container_id_type: 'chat', container_id: message.chat, start_time: String(Math.floor(since.getTime() / 1000)), sort_type: 'ByCreateTimeAsc', page_size: 50, page_token: pageToken },
      });
      const found = (data?.items ?? []).find((m) => m.sender?.sender_type === 'app' && m.msg_type === 'interactive' && m.body?.content?.includes(needle));
      if (found) return found.message_id ?? null;
      if (!data?.has_more || !data.page_token) return null;
      pageToken = data.page_token;
    }
    return null;
  }

  private checkSize(body: object, target: string): DeliveryResult | null {
    const bytes = Buffer.byteLength(JSON.stringify(body), 'utf8');
    if (bytes <= CARD_MAX_BYTES) return null;
    return failed('card_too_large', `card for ${target} is ${bytes} bytes; Feishu accepts at most ${CARD_MAX_BYTES}`, `卡片超过飞书 30 KB 上限（${Math.ceil(bytes / 1024)} KB），请减少任务条数或拆分发送`);
  }
}
