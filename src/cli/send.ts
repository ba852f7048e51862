/** `digest --send` / `remind --send`: deliver today's run through Feishu exactly once, and say what happened. */
import type { DeliveryResult, Messenger } from '../delivery/messenger.js';
import { createDelivery } from '../app/delivery.js';
import { urgentSender } from '../app/urgent.js';
import { digestRun, problemsRun, remindRun, type RunInputs } from '../app/runs.js';
import { systemClock } from '../jobs/clock.js';
import { replicaOf } from '../jobs/replica.js';
import { runJob, type BuiltRun, type RunContext } from '../jobs/run-job.js';
import { problemsFingerprint } from '../jobs/sheet-problems.js';
import { openStore } from '../store/open-store.js';
import type { LedgerContext } from './context.js';
import { println, type CliIO } from './io.js';
import { NoFeishuError } from './no-feishu-error.js';
import { ledgerView } from './stored.js';

/** Said when a leaders' message has nowhere to go. */
export const NO_LEADERS_CHAT = '没有配置领导群：请在配置文件中设置 chats.leaders（群的 chat_id，可用 duban chats 查看）。';

type Build = (inputs: RunInputs, context: RunContext) => Promise<BuiltRun> | BuiltRun;

/** Records each delivery's result so the user sees the Chinese hint of every failure. */
function recording(messenger: Messenger, results: { chat: string; result: DeliveryResult }[]): Messenger {
  return {
    send: async (message) => {
      const result = await messenger.send(message);
      results.push({ chat: message.chat, result });
      return result;
    },
    findDelivered: messenger.findDelivered?.bind(messenger),
  };
}

/** Opens the Feishu delivery and the store once, runs each job through runJob (one run per job and day), and reports; exit code 4 on a failure. */
export async function deliver(io: CliIO, ctx: LedgerContext, jobs: { job: string; label: string; build: Build }[]): Promise<number> {
  const { config } = ctx.loaded;
  const delivery = await createDelivery(config, ctx.logger);
  const store = ledgerView(await openStore(ctx.loaded.dataDir, config.store, { logger: ctx.logger }), ctx.loaded);
  // With replicas of `duban serve` on the same database, a run one of them is sending is left to it.
  const { lease } = replicaOf(config, ctx.loaded.sourceEnv, store.backend);
  const inputs: RunInputs = {
    parsed: { ledger: ctx.ledger, directory: ctx.directory, revision: null },
    today: ctx.today, calendar: ctx.calendar, options: ctx.options, config, store, delivery, sheetUrl: ctx.sheetUrl,
    source: ctx.source, logger: ctx.logger,
    urgent: delivery.client ? urgentSender(delivery.client, ctx.logger) : undefined,
  };
  let code = 0;
  try {
    for (const { job, label, build } of jobs) {
      const results: { chat: string; result: DeliveryResult }[] = [];
      const messenger = recording(delivery.messenger, results);
      const already = (await store.getRun(job, ctx.today))?.status === 'done';
      const outcome = await runJob({ store, messenger, clock: systemClock, logger: ctx.logger, job, date: ctx.today, build: (context) => build(inputs, context), lease });
      if (outcome.heldElsewhere !== undefined) {
        const holder = outcome.heldElsewhere ? `（${outcome.heldElsewhere.replica}）` : '';
        println(io.stdout, `${ctx.today} 的${label}正由另一个 duban 副本${holder}发送，不再重复发送。`);
        continue;
      }
      const unsent = (await store.messages(job, ctx.today)).filter((m) => m.outcome === 'failed' && !results.some((r) => r.chat === m.chat));
      if (results.length + unsent.length === 0) {
        println(io.stdout, already ? `${ctx.today} 的${label}已经发送过，不再重复发送。` : `${label}：没有需要发送的消息。`);
        continue;
      }
      for (const { chat, result } of results) {
        println(io.stdout, result.ok ? `✓ ${label}已发送到 ${chat}` : `✗ ${label}未能发送到 ${chat}：${result.error?.hint || result.error?.message}`);
      }
      // Given up on without a try: the chats before them did not answer, or the run ran out of time.
      for (const { chat } of unsent) println(io.stdout, `✗ ${label}未发送到 ${chat}：前面的群连续没有应答，或本次发送超过时限；重新运行会补发`);
      if (outcome.failed > 0) code = 4;
    }
  } finally {
    await store.close();
  }
  return code;
}

/** Posts the digest card to chats.leaders, and the sheet problems (when they changed) to chats.office. */
export async function sendDigest(io: CliIO, ctx: LedgerContext): Promise<number> {
  if (ctx.loaded.mode === 'local') throw new NoFeishuError();
  if (!ctx.loaded.config.chats.leaders) {
    println(io.stderr, NO_LEADERS_CHAT);
    return 3;
  }
  const jobs: { job: string; label: string; build: Build }[] = [{ job: 'digest', label: '日报', build: (inputs) => digestRun(inputs) }];
  const fingerprint = problemsFingerprint(ctx.ledger.problems);
  if (fingerprint && ctx.loaded.config.chats.office) {
    jobs.push({ job: `problems:${fingerprint}`, label: '表格体检报告', build: (inputs) => problemsRun(inputs, fingerprint) });
  }
  return deliver(io, ctx, jobs);
}

/** Posts one reminder card per chat, liaisons @-mentioned, under the configured reminder policy. */
export async function sendReminders(io: CliIO, ctx: LedgerContext): Promise<number> {
  if (ctx.loaded.mode === 'local') throw new NoFeishuError();
  return deliver(io, ctx, [{ job: 'remind', label: '提醒', build: (inputs, context) => remindRun(inputs, context) }]);
}
