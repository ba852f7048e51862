/** `digest --send` / `remind --send`: deliver today's run through Feishu exactly once, and say what happened. */
import type { DeliveryResult, Messenger } from '../chat/messenger.js';
import { createDelivery } from '../app/delivery.js';
import { digestRun, remindRun, type RunInputs } from '../app/runs.js';
import { systemClock } from '../jobs/clock.js';
import { runJob, type BuiltRun, type RunContext } from '../jobs/run-job.js';
import { renderDigestText } from '../render/digest.js';
import { renderReminderText } from '../render/reminders.js';
import { buildDigest } from '../reports/digest.js';
import { openStore } from '../store/open-store.js';
import type { CliArgs } from './args.js';
import type { LedgerContext } from './context.js';
import { println, type CliIO } from './io.js';
import { reminderPlanFor } from './commands/remind.js';

const LOCAL_MODE = '未配置飞书（FEISHU_APP_ID / FEISHU_APP_SECRET，或 feishu.webhooks），以下内容只输出到终端：';

/** Records each delivery's result so the user sees the Chinese hint of every failure. */
function recording(messenger: Messenger, results: { chat: string; result: DeliveryResult }[]): Messenger {
  return {
    send: async (message) => {
      const result = await messenger.send(message);
      results.push({ chat: message.chat, result });
      return result;
    },
  };
}

async function deliver(io: CliIO, ctx: LedgerContext, job: 'digest' | 'remind', build: (inputs: RunInputs, context: RunContext) => Promise<BuiltRun> | BuiltRun): Promise<number> {
  const { config } = ctx.loaded;
  const delivery = await createDelivery(config, ctx.logger);
  const store = openStore(ctx.loaded.dataDir);
  const results: { chat: string; result: DeliveryResult }[] = [];
  try {
    const inputs: RunInputs = { parsed: { ledger: ctx.ledger, directory: ctx.directory, revision: null }, today: ctx.today, calendar: ctx.calendar, options: ctx.options, config, store, delivery, sheetUrl: ctx.sheetUrl };
    const outcome = await runJob({ store, messenger: recording(delivery.messenger, results), clock: systemClock, logger: ctx.logger, job, date: ctx.today, build: (context) => build(inputs, context) });
    if (results.length === 0 && outcome.sent === 0 && outcome.failed === 0) {
      println(io.stdout, outcome.status === 'done' ? `${ctx.today} 的${job === 'digest' ? '日报' : '提醒'}已经发送过，不再重复发送（见 duban history）。` : '没有需要发送的消息。');
      return 0;
    }
    for (const { chat, result } of results) {
      println(io.stdout, result.ok ? `✓ 已发送到 ${chat}` : `✗ ${chat}：${result.error?.hint || result.error?.message}`);
    }
    println(io.stdout, `共发送 ${outcome.sent} 条，失败 ${outcome.failed} 条。`);
    return outcome.failed > 0 ? 4 : 0;
  } finally {
    store.close();
  }
}

/** Posts the digest card to chats.leaders. */
export async function sendDigest(_args: CliArgs, io: CliIO, ctx: LedgerContext): Promise<number> {
  if (ctx.loaded.mode === 'local') {
    println(io.stdout, `${LOCAL_MODE}\n${renderDigestText(buildDigest(ctx.ledger, ctx.today, ctx.calendar, ctx.options))}`);
    return 0;
  }
  if (!ctx.loaded.config.chats.leaders) {
    println(io.stderr, '没有配置领导群：请在配置文件中设置 chats.leaders（群的 chat_id，可用 duban chats 查看）。');
    return 3;
  }
  return deliver(io, ctx, 'digest', (inputs) => digestRun(inputs, 'digest'));
}

/** Posts one reminder card per chat, liaisons @-mentioned, under the configured reminder policy. */
export async function sendReminders(_args: CliArgs, io: CliIO, ctx: LedgerContext): Promise<number> {
  if (ctx.loaded.mode === 'local') {
    println(io.stdout, `${LOCAL_MODE}\n${renderReminderText(reminderPlanFor(ctx, ctx.loaded.config.reminders.daysBefore))}`);
    return 0;
  }
  return deliver(io, ctx, 'remind', (inputs, context) => remindRun(inputs, context));
}
