/** `duban chats`: the group chats the bot is in, with their chat_ids, for the configuration. */
import { createDelivery } from '../../app/delivery.js';
import { listChats } from '../../feishu/chats.js';
import type { CliArgs } from '../args.js';
import { loadRuntime } from '../context.js';
import { println, type CliIO } from '../io.js';

export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const runtime = loadRuntime(args, io);
  const { client } = await createDelivery(runtime.loaded.config, runtime.logger);
  if (!client) {
    println(io.stderr, '需要飞书应用凭据：请设置环境变量 FEISHU_APP_ID 和 FEISHU_APP_SECRET（或配置 feishu.appId / feishu.appSecret）。');
    return 3;
  }
  const chats = await listChats(client);
  if (args.format === 'json') {
    println(io.stdout, JSON.stringify({ chats }, null, 2));
  } else if (chats.length === 0) {
    println(io.stdout, '机器人还不在任何群中：请在飞书群设置 → 群机器人 → 添加机器人 中添加本应用。');
  } else {
    println(io.stdout, chats.map((c) => `${c.chat_id}  ${c.name}`).join('\n'));
  }
  return 0;
}
