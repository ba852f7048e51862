/** Delivering events over HTTP the way Feishu does: compact JSON, optionally encrypted, with signature headers. */
import { createCipheriv, createHash, randomBytes } from 'node:crypto';

/** Feishu's event signature, written out here independently of duban's verifier: sha256_hex(ts + nonce + key + body). */
const sign = (timestamp: string, nonce: string, key: string, body: string) => createHash('sha256').update(timestamp + nonce + key + body).digest('hex');

/** base64(iv ‖ AES-256-CBC(sha256(key), json)). */
export function encryptEvent(encryptKey: string, json: string): string {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', createHash('sha256').update(encryptKey).digest(), iv);
  return Buffer.concat([iv, cipher.update(json, 'utf8'), cipher.final()]).toString('base64');
}

export interface DeliveryOptions {
  encryptKey?: string;
  /** Seconds; now by default. */
  timestamp?: number;
  nonce?: string;
  /** Sign with this key instead (a forger who does not know the real one). */
  signWith?: string;
}

/** Posts an event to a callback URL; resolves with the HTTP status and body text. */
export async function deliverEvent(url: string, event: unknown, options: DeliveryOptions = {}): Promise<{ status: number; body: string }> {
  const json = JSON.stringify(event);
  const body = options.encryptKey ? JSON.stringify({ encrypt: encryptEvent(options.encryptKey, json) }) : json;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const key = options.signWith ?? options.encryptKey;
  if (key) {
    const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
    const nonce = options.nonce ?? randomBytes(8).toString('hex');
    headers['x-lark-request-timestamp'] = timestamp;
    headers['x-lark-request-nonce'] = nonce;
    headers['x-lark-signature'] = sign(timestamp, nonce, key, body);
  }
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, body: await response.text() };
}

/** A schema 2.0 im.message.receive_v1 event with a text message. */
export function textMessageEvent(opts: {
  messageId: string;
  chatId: string;
  chatType?: 'p2p' | 'group';
  text: string;
  senderOpenId?: string;
  mentions?: { key: string; openId: string; name: string }[];
  appId?: string;
}): Record<string, unknown> {
  return {
    schema: '2.0',
    header: {
      event_id: `ev_${opts.messageId}`,
      event_type: 'im.message.receive_v1',
      create_time: String(Date.now()),
      token: 'loopback-verification-token',
      app_id: opts.appId ?? 'cli_a1b2c3d4e5f60718',
      tenant_key: 'loopback-tenant',
    },
    event: {
      sender: { sender_id: { open_id: opts.senderOpenId ?? 'ou_asker0001' }, sender_type: 'user', tenant_key: 'loopback-tenant' },
      message: {
        message_id: opts.messageId,
        create_time: String(Date.now()),
        chat_id: opts.chatId,
        chat_type: opts.chatType ?? 'group',
        message_type: 'text',
        content: JSON.stringify({ text: opts.text }),
        mentions: (opts.mentions ?? []).map((m) => ({ key: m.key, id: { open_id: m.openId }, name: m.name, tenant_key: 'loopback-tenant' })),
      },
    },
  };
}

/** A schema 2.0 im.message.receive_v1 event with a file or an image (what a liaison sends as evidence), optionally in a thread. */
export function fileMessageEvent(opts: {
  messageId: string;
  chatId: string;
  senderOpenId: string;
  file: { fileKey: string; fileName: string } | { imageKey: string };
  rootId?: string;
  parentId?: string;
  chatType?: 'p2p' | 'group';
  /** When it was sent (ms); now by default. */
  createTime?: number;
}): Record<string, unknown> {
  const event = textMessageEvent({ messageId: opts.messageId, chatId: opts.chatId, chatType: opts.chatType, text: '', senderOpenId: opts.senderOpenId });
  const message = (event.event as { message: Record<string, unknown> }).message;
  if (opts.createTime !== undefined) message.create_time = String(opts.createTime);
  if ('imageKey' in opts.file) Object.assign(message, { message_type: 'image', content: JSON.stringify({ image_key: opts.file.imageKey }) });
  else Object.assign(message, { message_type: 'file', content: JSON.stringify({ file_key: opts.file.fileKey, file_name: opts.file.fileName }) });
  if (opts.rootId) message.root_id = opts.rootId;
  if (opts.parentId) message.parent_id = opts.parentId;
  return event;
}

/**
 * A schema 2.0 card.action.trigger callback, as Feishu posts it (HTTP) or pushes it (long connection): the operator,
 * the update token, the button's value and name, the form's values, and the card's message and chat.
 */
export function cardActionEvent(opts: {
  eventId: string;
  operatorOpenId: string;
  value: Record<string, unknown>;
  formValue?: Record<string, unknown>;
  name?: string;
  messageId: string;
  chatId: string;
  appId?: string;
}): Record<string, unknown> {
  return {
    schema: '2.0',
    header: {
      event_id: opts.eventId,
      token: 'loopback-verification-token',
      create_time: String(Date.now() * 1000),
      event_type: 'card.action.trigger',
      tenant_key: 'loopback-tenant',
      app_id: opts.appId ?? 'cli_a1b2c3d4e5f60718',
    },
    event: {
      operator: { tenant_key: 'loopback-tenant', open_id: opts.operatorOpenId, union_id: `on_${opts.operatorOpenId.slice(3)}` },
      token: `c-${opts.eventId}`,
      action: {
        value: opts.value,
        tag: 'button',
        ...(opts.name ? { name: opts.name } : {}),
        timezone: 'Asia/Shanghai',
        ...(opts.formValue ? { form_value: opts.formValue } : {}),
      },
      host: 'im_message',
      context: { open_message_id: opts.messageId, open_chat_id: opts.chatId },
    },
  };
}
