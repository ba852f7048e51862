/**
 * How cards leave duban in the service and `--send`: the Feishu app bot, or a group's custom-bot webhook where one
 * is configured for that chat. The Feishu SDK is imported here on demand, so local commands never load it.
 */
import type { DubanConfig } from '../config/schema.js';
import type { Messenger } from '../delivery/messenger.js';
import type { FeishuClient } from '../feishu/feishu-client.js';
import type { Logger } from '../log/logger.js';

export interface Delivery {
  messenger: Messenger;
  /** The app client, or null when only group webhooks are configured. */
  client: FeishuClient | null;
  /** Account → open_id for every account that could be resolved; the rest are returned as `unresolved`. */
  resolveMentions(accounts: string[]): Promise<{ ids: Map<string, string>; unresolved: string[] }>;
}

/** Builds the delivery side from the configuration (FEISHU_* already applied by loadConfig). */
export async function createDelivery(config: DubanConfig, logger: Logger): Promise<Delivery> {
  const [{ createFeishuClient }, { FeishuAppMessenger }, { WebhookMessenger }, { routeByChat }, { createAccountResolver }, { failed }] =
    await Promise.all([
      import('../feishu/feishu-client.js'),
      import('../feishu/app-messenger.js'),
      import('../feishu/webhook-messenger.js'),
      import('../delivery/route-by-chat.js'),
      import('../feishu/account-resolver.js'),
      import('../delivery/results.js'),
    ]);
  const { appId, appSecret, domain, webhooks, timeoutSeconds } = config.feishu;
  const timeoutMs = timeoutSeconds * 1000;
  const client = appId && appSecret ? createFeishuClient({ appId, appSecret, domain, logger, timeoutMs }) : null;
  const noApp: Messenger = {
    send: async (message) =>
      failed('no_app', `no Feishu app configured and no webhook for chat ${message.chat}`,
        `群 ${message.chat} 没有配置群机器人 webhook，且未配置飞书应用（FEISHU_APP_ID / FEISHU_APP_SECRET）`),
  };
  const hooks = new Map<string, Messenger>(
    Object.entries(webhooks).map(([chat, hook]) => [chat, new WebhookMessenger({ url: hook.url, secret: hook.secret, logger, timeoutMs })]),
  );
  const messenger = routeByChat(client ? new FeishuAppMessenger(client, logger) : noApp, hooks);
  const resolver = client ? createAccountResolver(client, logger) : null;
  return {
    messenger,
    client,
    async resolveMentions(accounts) {
      const unique = [...new Set(accounts)];
      const passThrough = () => new Map(unique.map((a) => [a, /^ou_/.test(a) ? a : null]));
      // A failed lookup (missing contact permission, quota) must not stop the reminders: mention by name instead.
      const found = resolver
        ? await resolver.resolve(unique).catch((error: Error) => {
            logger.warn('accounts.resolve_failed', { error: error.message, hint: 'grant contact:user.id:readonly to resolve liaison emails/mobiles' });
            return passThrough();
          })
        : passThrough();
      const ids = new Map<string, string>();
      const unresolved: string[] = [];
      for (const account of unique) {
        const id = found.get(account);
        if (id) ids.set(account, id);
        else unresolved.push(account);
      }
      return { ids, unresolved };
    },
  };
}
