/**
 * A send-only alternative to the app bot: a group's custom bot webhook with its signing secret. Limits are
 * 5/s, 100/min and 20 KB per message; these calls do not count toward the monthly API quota.
 */
import { redact, type Logger } from '../log/logger.js';
import type { DeliveryResult, Messenger, OutgoingMessage } from '../delivery/messenger.js';
import { delivered, failed } from '../delivery/results.js';
import { NETWORK_HINT } from './error-codes.js';
import { createTokenBucket, type Clock } from './rate-limiter.js';
import { backoffMs, realSleep } from '../retry/backoff.js';
import { webhookSign } from './webhook-sign.js';

export interface WebhookMessengerOptions {
  /** https://open.feishu.cn/open-apis/bot/v2/hook/<token> */
  url: string;
  /** The signing secret (签名校验), when the bot has one. */
  secret?: string;
  logger: Logger;
  timeoutMs?: number;
  maxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
}

const MAX_BYTES = 20 * 1024;
/** Upper bound of `"timestamp":"…","sign":"…",` in a signed body. */
const SIGNATURE_BYTES = 80;
const RETRYABLE = new Set([11232, 11233]);

const HINTS: Record<number, string> = {
  19021: '群机器人签名校验失败：请检查 webhook 的签名密钥，并确认服务器时间准确',
  19022: '服务器 IP 不在群机器人的 IP 白名单中，请在群机器人安全设置中添加',
  19024: '消息不含群机器人要求的关键词，请在群机器人安全设置中调整关键词',
  9499: '群机器人拒绝了该消息（格式错误或超过 20 KB）',
  11232: '群机器人发送过于频繁（每分钟最多 100 条、每秒 5 条），请稍后再试',
};

/** Sends cards through one group custom bot webhook. */
export class WebhookMessenger implements Messenger {
  private readonly perSecond;
  private readonly perMinute;
  private readonly sleep;
  private readonly now;

  constructor(private readonly options: WebhookMessengerOptions) {
    redact(options.secret);
    // The hook token is the credential: anyone holding the URL can post to the group.
    redact(options.url.split('/').pop());
    this.sleep = options.sleep ?? realSleep;
    this.now = options.now ?? Date.now;
    const clock: Clock = { now: this.now, sleep: this.sleep };
    this.perSecond = createTokenBucket(5, 5, clock);
    this.perMinute = createTokenBucket(100, 100 / 60, clock);
  }

  /** Posts the card; never throws. A card over 20 KB is refused locally. */
  async send(message: OutgoingMessage): Promise<DeliveryResult> {
    if (message.file) {
      return failed('file_not_supported', `a group webhook cannot post files (${message.file.name} for ${message.chat})`,
        `群 ${message.chat} 配置的是群机器人 webhook，无法发送文件「${message.file.name}」；请为该群改用飞书应用机器人（FEISHU_APP_ID / FEISHU_APP_SECRET）`);
    }
    // The 20 KB limit is on the whole body, signature fields included.
    const size = Buffer.byteLength(JSON.stringify({ msg_type: 'interactive', card: message.card }), 'utf8') + SIGNATURE_BYTES;
    if (size > MAX_BYTES) {
      return failed('card_too_large', `card for ${message.chat} is ${size} bytes; a group webhook accepts at most ${MAX_BYTES}`, `卡片超过群机器人 20 KB 上限（${Math.ceil(size / 1024)} KB），请减少任务条数，或改用应用机器人发送`);
    }
    const maxRetries = this.options.maxRetries ?? 3;
    for (let retry = 0; ; retry++) {
      await this.perSecond.take();
      await this.perMinute.take();
      const { result, transient } = await this.post(message);
      if (!transient || retry >= maxRetries) {
        if (result.error) this.options.logger.warn('webhook card not sent', { chat: message.chat, code: result.error.code, error: result.error.message });
        return result;
      }
      await this.sleep(backoffMs(retry + 1, this.options.random));
    }
  }

  private async post(message: OutgoingMessage): Promise<{ result: DeliveryResult; transient: boolean }> {
    const timestamp = Math.floor(this.now() / 1000);
    const signature = this.options.secret ? { timestamp: String(timestamp), sign: webhookSign(timestamp, this.options.secret) } : {};
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...signature, msg_type: 'interactive', card: message.card }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { result: failed('network', `webhook for ${message.chat} unreachable: ${reason}`, NETWORK_HINT), transient: true };
    }
    const body = (await response.json().catch(() => ({}))) as { code?: number; StatusCode?: number; msg?: string };
    const code = body.code ?? body.StatusCode ?? (response.ok ? 0 : response.status);
    if (code === 0 && response.ok) return { result: delivered(null), transient: false };
    const result = failed(code, `webhook for ${message.chat} answered code ${code} (HTTP ${response.status}): ${body.msg ?? ''}`, HINTS[code] ?? '群机器人发送失败，请检查 webhook 地址是否仍有效');
    return { result, transient: RETRYABLE.has(code) || response.status >= 500 };
  }
}
