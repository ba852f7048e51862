/**
 * Sends cards as the app bot (im/v1/messages), one idempotent message per chat; replies to questions; finds a card
 * it posted in a chat's recent messages (a send whose answer was lost, past Feishu's one-hour uuid memory).
 */
import type { Logger } from '../log/logger.js';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { DeliveryResult, Messenger, OutgoingFile, OutgoingMessage } from '../delivery/messenger.js';
import type { Card } from '../render/card.js';
import type { FeishuApi } from './feishu-api.js';
import { delivered, failed } from '../delivery/results.js';
import { failedFrom } from './failed-from.js';
import { messageUuid } from './idempotency.js';

// Feishu takes files of 1 byte to 30 MB through im/v1/files.
const FILE_MAX_BYTES = 30 * 1024 * 1024;

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

  /**
   * Posts the card to `message.chat` (its file first, when it has one); never throws: failures come back with a
   * Chinese hint naming the chat.
   */
  async send(message: OutgoingMessage): Promise<DeliveryResult> {
    if (message.file) {
      const posted = await this.sendFile(message.chat, message.file, message.key);
      if (!posted.ok) return posted;
    }
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
   * Uploads the file (im/v1/files, multipart, a fresh stream per attempt so a retry sends it whole) and posts it as a
   * file message. The message's uuid comes from the key and the file's bytes, not the new file_key, so a rerun
   * after a crash posts it once.
   */
  private async sendFile(chat: string, file: OutgoingFile, key: string): Promise<DeliveryResult> {
    let bytes: Buffer;
    try {
      bytes = await readFile(file.path);
    } catch (error) {
      return failed('file_missing', `${file.path} cannot be read: ${(error as Error).message}`, `要发送的文件「${file.name}」已不在数据目录中（${file.path}），请重新生成后发送`);
    }
    if (bytes.length === 0 || bytes.length > FILE_MAX_BYTES) {
      return failed('file_size', `${file.name} is ${bytes.length} bytes; Feishu accepts 1 byte to 30 MB`, `文件「${file.name}」大小为 ${Math.ceil(bytes.length / 1024)} KB，飞书只接受非空且不超过 30 MB 的文件`);
    }
    try {
      const uploaded = await this.api.call<{ file_key?: string }>({
        method: 'POST',
        url: '/open-apis/im/v1/files',
        form: () => ({ file_type: file.type, file_name: file.name, file: createReadStream(file.path) }),
      });
      if (!uploaded?.file_key) return failed('no_file_key', `upload of ${file.name} returned no file_key`, `上传文件「${file.name}」后飞书没有返回 file_key，请稍后重试`);
      const hash = createHash('sha256').update(bytes).digest('hex');
      const data = await this.api.call<SentMessage>({
        method: 'POST',
        url: '/open-apis/im/v1/messages',
        params: { receive_id_type: 'chat_id' },
        data: { receive_id: chat, msg_type: 'file', content: JSON.stringify({ file_key: uploaded.file_key }), uuid: messageUuid(`${key}|file`, hash) },
        bucket: `chat:${chat}`,
      });
      this.logger.info('file sent', { chat, key, file: file.name, messageId: data?.message_id });
      return delivered(data?.message_id ?? null);
    } catch (error) {
      const result = failedFrom(error);
      this.logger.warn('file not sent', { chat, key, file: file.name, code: result.error?.code, error: result.error?.message });
      return result;
    }
  }

  /**
   * Updates a card the bot sent, in place (im/v1 PATCH: shared JSON 2.0 cards, messages up to 14 days old, at most
   * 5 updates a second per message); never throws.
   */
  async patchCard(messageId: string, card: Card): Promise<DeliveryResult> {
    const content = JSON.stringify(card);
    const tooBig = this.checkSize({ content }, messageId);
    if (tooBig) return tooBig;
    try {
      await this.api.call({ method: 'PATCH', url: `/open-apis/im/v1/messages/${encodeURIComponent(messageId)}`, data: { content }, bucket: `message:${messageId}` });
      return delivered(messageId);
    } catch (error) {
      const result = failedFrom(error);
      this.logger.warn('card not updated', { messageId, code: result.error?.code, error: result.error?.message });
      return result;
    }
  }

  /**
   * Sends Feishu's in-app 加急 for a message the bot sent to these users (who must be in its chat); returns the
   * open_ids Feishu refused. Never throws: a failure is logged and every id is returned as refused.
   */
  async urgentApp(messageId: string, openIds: string[]): Promise<string[]> {
    if (openIds.length === 0) return [];
    try {
      const data = await this.api.call<{ invalid_user_id_list?: string[] }>({
        method: 'PATCH',
        url: `/open-apis/im/v1/messages/${encodeURIComponent(messageId)}/urgent_app`,
        params: { user_id_type: 'open_id' },
        data: { user_id_list: openIds },
      });
      return data?.invalid_user_id_list ?? [];
    } catch (error) {
      const result = failedFrom(error);
      this.logger.warn('urgent not sent; check the im:message.urgent permission and that the group allows members to send 加急 (reminders.urgent)', { messageId, code: result.error?.code, error: result.error?.message });
      return openIds;
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
