/**
 * The chat side of the service: the bot behind the Feishu long connection (default) or the HTTP callback receiver,
 * both feeding its one `handle(event)`; nothing when only group webhooks are configured.
 */
import type { BotOptions } from '../chat/bot.js';
import type { Receiver } from '../chat/receivers/receiver.js';
import type { LoadedConfig } from '../config/load-config.js';
import type { Logger } from '../log/logger.js';
import type { Delivery } from '../app/delivery.js';
import type { InFlight } from '../ops/in-flight.js';
import { portInUse } from './port-in-use.js';

/** The started receiver, or null when there is no Feishu app to receive events for. */
export interface ChatReceiver {
  receiver: Receiver | null;
  /** The HTTP callback's port when events arrive over HTTP. */
  port: number | null;
}

/** What the bot does with what arrives: answers, files (evidence), clicks; and the store's event de-duplication. */
export type ChatHandlers = Pick<BotOptions, 'answer' | 'files' | 'cardAction' | 'recordEvent'>;

/** Creates the bot and starts the configured receiver; the bot's open_id comes from bot/v3/info. */
export async function startChat(args: {
  config: LoadedConfig['config'];
  logger: Logger;
  delivery: Delivery;
  handlers: ChatHandlers;
  file: string | null;
  /** Counts each event's handling (the answer, its write-back, the reply) so a shutdown can wait for it. */
  inFlight: InFlight;
}): Promise<ChatReceiver> {
  const { config, logger, delivery } = args;
  const { client } = delivery;
  const { appId, appSecret, domain } = config.feishu;
  if (!client || !appId || !appSecret) {
    logger.warn('chat.disabled', { reason: 'no Feishu app configured (FEISHU_APP_ID / FEISHU_APP_SECRET); only group webhooks send' });
    return { receiver: null, port: null };
  }
  const [{ createBot }, { getBotInfo }, { FeishuAppMessenger }] = await Promise.all([
    import('../chat/bot.js'),
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
    ...args.handlers,
    allowChats: config.chats.allow,
    replier: (messageId, card, key) => replier.replyCard(messageId, card, key),
    logger,
  });
  // Feishu does not deliver an acknowledged event again: its answer must be finished before the process exits.
  const handle = (event: unknown) => args.inFlight.track(bot.handle(event));
  if (config.feishu.events === 'http') {
    const { createHttpReceiver } = await import('../chat/receivers/http-receiver.js');
    const { encryptKey, verificationToken, port, path } = config.feishu.http;
    const receiver = createHttpReceiver({ encryptKey, verificationToken, port, path, handle, logger });
    await receiver.start().catch((error: Error) => Promise.reject(portInUse('feishu.http.port', port, error, args.file)));
    return { receiver, port: receiver.port() };
  }
  const { createLongConnectionReceiver } = await import('../chat/receivers/long-connection.js');
  const receiver = createLongConnectionReceiver({ appId, appSecret, domain, logger, handle });
  await receiver.start();
  return { receiver, port: null };
}
