/** Listing the chats the bot is in (for `duban chats`) and reading the bot's own identity. */
import type { FeishuApi } from './feishu-api.js';

export interface ChatSummary {
  chat_id: string;
  name: string;
}

interface ChatPage {
  items?: { chat_id: string; name?: string }[];
  has_more?: boolean;
  page_token?: string;
}

/** Every chat the bot is a member of, following pagination (GET im/v1/chats). */
export async function listChats(api: FeishuApi): Promise<ChatSummary[]> {
  const chats: ChatSummary[] = [];
  let pageToken: string | undefined;
  do {
    const page = await api.call<ChatPage>({ method: 'GET', url: '/open-apis/im/v1/chats', params: { page_size: 100, page_token: pageToken } });
    for (const item of page?.items ?? []) chats.push({ chat_id: item.chat_id, name: item.name ?? '' });
    pageToken = page?.has_more && page.page_token ? page.page_token : undefined;
  } while (pageToken);
  return chats;
}

export interface BotInfo {
  openId: string;
  appName: string;
}

/** The bot's own open_id and name (GET bot/v3/info), used to spot @-mentions of the bot and ignore its own messages. */
export async function getBotInfo(api: FeishuApi): Promise<BotInfo> {
  const result = await api.call<{ bot?: { open_id?: string; app_name?: string } }>({ method: 'GET', url: '/open-apis/bot/v3/info' });
  if (!result?.bot?.open_id) throw new Error('bot/v3/info returned no open_id: enable the bot capability of the Feishu app');
  return { openId: result.bot.open_id, appName: result.bot.app_name ?? '' };
}
