/**
 * `duban serve` with Feishu configured: the scheduler (digest, reminders, weekly summary, sheet problems), the chat
 * bot on the long connection or an HTTP callback, the health endpoint, and a graceful stop on SIGTERM.
 */
import http from 'node:http';
import { todayIn } from '../calendar/dates.js';
import type { ChineseWorkCalendar } from '../calendar/chinese-calendar.js';
import { parseQuestion } from '../ask/parse-question.js';
import type { Card } from '../chat/messenger.js';
import { ConfigError } from '../config/config-error.js';
import type { LoadedConfig } from '../config/load-config.js';
import type { ReportOptions } from '../domain/types.js';
import { systemClock, type Clock } from '../jobs/clock.js';
import { createScheduler } from '../jobs/scheduler.js';
import { problemsFingerprint } from '../jobs/sheet-problems.js';
import type { Logger } from '../log/logger.js';
import { healthStatus, startHealthServer, type ConnectionState, type HealthServer } from '../ops/health.js';
import { installShutdown } from '../ops/shutdown.js';
import { renderAnswerCard } from '../render/answer.js';
import { renderDocCard } from '../render/render-card.js';
import { answerQuestion } from '../reports/answer.js';
import { openSource } from '../sources/open-source.js';
import { openStore } from '../store/open-store.js';
import { loadCalendar, withCalendarProblems } from './calendar-overrides.js';
import { applyChatUpdate } from './chat-update.js';
import { createDelivery } from './delivery.js';
import { cachedLedger, type ParsedLedger } from './read-ledger.js';
import { digestRun, officeMessage, problemsRun, remindRun, type RunInputs } from './runs.js';

export interface ServiceOptions {
  loaded: LoadedConfig;
  logger: Logger;
  calendar: ChineseWorkCalendar;
  options: ReportOptions;
  sheet: string;
  units: string | undefined;
  env: NodeJS.ProcessEnv;
  clock?: Clock;
  /** Installs SIGTERM/SIGINT handlers (default true; tests turn it off and call stop()). */
  handleSignals?: boolean;
}

export interface Service {
  stop(): Promise<void>;
  /** The HTTP callback server's port when events arrive over HTTP. */
  callbackPort: number | null;
}

/** Starts everything; resolves once the scheduler has caught up and the transport is started. */
export async function startService(opts: ServiceOptions): Promise<Service> {
  const { loaded, logger, options } = opts;
  const { config } = loaded;
  const clock = opts.clock ?? systemClock;
  const delivery = await createDelivery(config, logger);
  const store = openStore(loaded.dataDir);
  // What is open so far, closed in reverse when starting fails part-way (a port in use, an unreadable calendar tab).
  const opened: (() => Promise<void> | void)[] = [() => store.close()];
  try {
    return await startParts();
  } catch (error) {
    for (const close of opened.reverse()) await close();
    throw error;
  }

  async function startParts(): Promise<Service> {
    const source = openSource(opts.sheet, {
      units: opts.units,
      logger,
      env: opts.env,
      feishuApi: delivery.client ? () => delivery.client! : undefined,
    });
    const ledgerFor = cachedLedger(source);
    // calendar.tab is read once at start; a change to that tab takes effect on the next restart.
    const { calendar, problems: calendarProblems } = config.calendar.tab
      ? await loadCalendar(config, source, logger)
      : { calendar: opts.calendar, problems: [] };
    const sheetUrl = /^https?:\/\//.test(opts.sheet) ? opts.sheet : null;
    const today = () => todayIn(config.timezone, clock.now());
    const inputs = async (date: string): Promise<RunInputs> => ({ parsed: await ledgerFor(date), today: date, calendar, options, config, store, delivery, sheetUrl });

    const scheduler = createScheduler({
      config,
      calendar,
      store,
      messenger: delivery.messenger,
      clock,
      logger,
      jobs: {
        digest: async (ctx) => digestRun(await inputs(ctx.date), 'digest'),
        remind: async (ctx) => remindRun(await inputs(ctx.date), ctx),
        weekly: async (ctx) => digestRun(await inputs(ctx.date), 'weekly'),
      },
      officeMessage: (text, key) => officeMessage(config, '督办机器人提示', [text], key),
      sheetProblems: async (date) => {
        const read = await ledgerFor(date);
        const parsed = { ...read, ledger: withCalendarProblems(read.ledger, calendarProblems) };
        const fingerprint = problemsFingerprint(parsed.ledger.problems);
        return { fingerprint, build: () => problemsRun({ parsed, config, today: date }, fingerprint) };
      },
    });

    // "我的任务" and chat updates need the asker's unit: map the directory's accounts to open_ids once per ledger.
    const askers = new WeakMap<ParsedLedger, Promise<Map<string, { unit: string; name: string | null }>>>();
    const askerIndex = (parsed: ParsedLedger) => {
      let index = askers.get(parsed);
      if (!index) {
        index = (async () => {
          const people = parsed.ledger.units.flatMap((u) => [
            ...(u.liaisonAccount ? [{ account: u.liaisonAccount, unit: u.name, name: u.liaison }] : []),
            ...(u.leaderAccount ? [{ account: u.leaderAccount, unit: u.name, name: u.leader }] : []),
          ]);
          const { ids } = await delivery.resolveMentions(people.map((p) => p.account));
          return new Map(people.filter((p) => ids.has(p.account)).map((p) => [ids.get(p.account)!, { unit: p.unit, name: p.name }]));
        })();
        askers.set(parsed, index);
      }
      return index;
    };

    const answer = async (question: string, asker: { openId: string | null }): Promise<Card> => {
      const date = today();
      const parsed = await ledgerFor(date);
      const who = asker.openId ? ((await askerIndex(parsed)).get(asker.openId) ?? null) : null;
      const intent = parseQuestion(question, parsed.directory);
      if (intent.kind === 'update') {
        const result = await applyChatUpdate(intent, parsed.ledger, source, { unit: who?.unit ?? null, name: who?.name ?? null }, date);
        return renderDocCard({ title: result.ok ? '进展已写回台账' : '未能更新', severity: result.ok ? 'green' : 'orange', summary: result.text, blocks: [{ kind: 'paragraph', parts: [result.text] }] });
      }
      const reply = answerQuestion(intent, { ledger: parsed.ledger, directory: parsed.directory, today: date, calendar, options, asker: { unit: who?.unit ?? null } });
      return renderAnswerCard(reply, { sheetUrl });
    };

    const started = await startTransports({ config, logger, delivery, answer, file: loaded.file });
    opened.push(() => started.close());
    const healthPort = config.health.port;
    const health = healthPort === undefined
      ? null
      : await startHealthServer({ port: healthPort, status: () => healthStatus({ mode: loaded.mode, connection: started.connection(), runs: store.lastRuns(), time: clock.now().toISOString() }) })
        .catch((error: Error) => Promise.reject(portInUse('health.port', healthPort, error, loaded.file)));
    if (health) opened.push(() => health.close());
    for (const [key, purpose] of [['leaders', 'the daily digest and weekly summary'], ['office', 'sheet problems and operator notices'], ['default', 'reminders of units without a work group']] as const) {
      if (!config.chats[key]) logger.warn('config.chat_missing', { setting: `chats.${key}`, purpose, hint: 'set it to a chat_id from `duban chats`; until then these messages are not sent' });
    }
    await scheduler.start();
    logger.info('service.started', { mode: loaded.mode, events: config.feishu.events, health: health?.port ?? null });

    const stop = async () => {
      await scheduler.stop();
      for (const close of opened.reverse()) await close();
    };
    if (opts.handleSignals !== false) {
      installShutdown({
        logger,
        stopScheduler: () => scheduler.stop(),
        flush: async () => {},
        closeTransports: async () => {
          await started.close();
          await health?.close();
        },
        closeStore: () => store.close(),
      });
    }
    return { stop, callbackPort: started.port };
  }
}

/** A server that could not listen: a configuration problem naming the setting, so serve exits 3 with what to change. */
function portInUse(setting: string, port: number, error: Error, file: string | null): ConfigError {
  return new ConfigError([{ path: setting, message: `cannot listen on port ${port} (${error.message}); choose a free port or stop the program using it` }], file);
}

interface Transports {
  connection(): ConnectionState;
  close(): Promise<void>;
  port: number | null;
}

/** The chat side: the long connection (default) or the HTTP callback; none when only webhooks are configured. */
async function startTransports(args: {
  config: LoadedConfig['config'];
  logger: Logger;
  delivery: Awaited<ReturnType<typeof createDelivery>>;
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
    import('../chat/feishu/chats.js'),
    import('../chat/feishu/app-messenger.js'),
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
