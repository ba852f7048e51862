/**
 * The chat side of the service: the Feishu long connection (default) or the HTTP callback, both feeding the bot's one
 * `handle(event)`; nothing when only group webhooks are configured.
 */
import http from 'node:http';
import type { Card } from '../render/card.js';
import { ConfigError } from '../config/config-error.js';
import type { LoadedConfig } from '../config/load-config.js';
import type { Logger } from '../log/logger.js';
import type { ConnectionState } from '../ops/health.js';
import type { Delivery } from './delivery.js';

/** A server that could not listen: a configuration problem naming the setting, so serve exits 3 with what to change. */
export function portInUse(setting: string, port: number, error: Error, file: string | null): ConfigError {
  return new ConfigError([{ path: setting, message: `cannot listen on port ${port} (${error.message}); choose a free port or stop the program using it` }], file);
}

export interface Transports {
  connection(): ConnectionState;
  close(): Promise<void>;
  port: number | null;
}

/** Starts the configured transport; the bot's open_id comes from bot/v3/info. */
export async function startTransports(args: {
  config: LoadedConfig['config'];
  logger: Logger;
  delivery: Delivery;
  answer: (question: string, asker: { openId: string | null }) => Promise<Card>;
  file: string | null;
}): Promise<Transports> {
  const { config, logger, delivery } = args;
  const { client } = delivery;
  const { appId, appSecret, domain } = config.feishu;
  if (!client || !appId || !appSecret) {
    logger.warn('chat.disabled', { reason: 'no Feishu app configured (FEISHU_APP_ID / FEISHU_APP_SECRET); only group webhooks send' });
    return { connection: () => 'not_used', close: async () => {}, port: null };
  }
  const [{ createBot }, { getBotInfo }, { FeishuAppMessenger }] = await Promise.all([
    import('../chat/bot/bot.js'),
    import('../feishu/chats.js'),
    import('../feishu/app-messenger.js'),
  ]);
  const botOpenId = await getBotInfo(client).then(
    (info) => info.openId,
    (error: Error) => {
      logger.warn('bot.info_failed', { error: error.message, hint: 'check the app has the bot capability enabled (应用能力 → 机器人)' });
      return undefined;
    },
  );
  const replier = new FeishuAppMessenger(client, logger);
  const bot = createBot({
    botOpenId,
    answer: args.answer,
    allowChats: config.chats.allow,
    replier: (messageId, card, key) => replier.replyCard(messageId, card, key),
    logger,
  });
  if (config.feishu.events === 'http') {
    const { createHttpCallback } = await import('../chat/bot/http-callback.js');
    const { encryptKey, verificationToken, port, path } = config.feishu.http;
    const callback = createHttpCallback({ encryptKey, verificationToken, handle: bot.handle, logger });
    const server = http.createServer((req, res) => {
      if ((req.url ?? '').split('?')[0] === path && req.method === 'POST') callback(req, res);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error) => reject(portInUse('feishu.http.port', port, error, args.file)));
      server.listen(port, resolve);
    });
    const address = server.address();
    return {
      connection: () => 'connected',
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
      port: typeof address === 'object' && address ? address.port : port,
    };
  }
  const { startLongConnection } = await import('../chat/bot/long-connection.js');
  const connection = startLongConnection({ appId, appSecret, domain, logger, handle: bot.handle });
  return {
    connection: () => {
      const state = connection.status().state;
      return state === 'connected' ? 'connected' : state === 'connecting' || state === 'reconnecting' ? 'connecting' : state === 'idle' ? 'connecting' : 'disconnected';
    },
    close: async () => connection.close(),
    port: null,
  };
}
