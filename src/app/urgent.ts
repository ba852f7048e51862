/** Feishu's in-app 加急 through the app bot, for reminders.urgent: app. */
import { FeishuAppMessenger } from '../feishu/app-messenger.js';
import type { FeishuApi } from '../feishu/feishu-api.js';
import type { Logger } from '../log/logger.js';

/** Sends 加急 for a message the bot sent; resolves to the open_ids Feishu refused (never rejects). */
export function urgentSender(client: FeishuApi, logger: Logger): (messageId: string, openIds: string[]) => Promise<string[]> {
  const messenger = new FeishuAppMessenger(client, logger);
  return (messageId, openIds) => messenger.urgentApp(messageId, openIds);
}
