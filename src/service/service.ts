/**
 * `duban serve` with Feishu configured: the scheduler (digest, reminders, weekly summary, sheet problems), the chat
 * bot on the long connection or an HTTP callback, the health endpoint, and a graceful stop on SIGTERM.
 */
import { todayIn } from '../calendar/dates.js';
import type { LoadedConfig } from '../config/load-config.js';
import type { ReportOptions } from '../domain/types.js';
import { systemClock, type Clock } from '../jobs/clock.js';
import { replicaOf } from '../jobs/replica.js';
import { createScheduler, type Scheduler } from '../jobs/scheduler.js';
import { problemsFingerprint } from '../jobs/sheet-problems.js';
import type { Logger } from '../log/logger.js';
import { healthStatus, startHealthServer, type HealthServer } from '../ops/health.js';
import { createInFlight } from '../ops/in-flight.js';
import { installShutdown } from '../ops/shutdown.js';
import type { Receiver } from '../chat/receivers/receiver.js';
import { isBundledExample, openLedger } from '../app/bundled-example.js';
import { storeLedgerLock } from '../sources/locked-writes.js';
import { webLink } from '../sources/location.js';
import { openStore } from '../store/open-store.js';
import { StoreError } from '../store/store-error.js';
import { loadCalendar, withCalendarProblems } from '../app/calendar-overrides.js';
import { createDelivery } from '../app/delivery.js';
import { cachedLedger } from '../app/read-ledger.js';
import { createChatAnswer } from './chat-answer.js';
import { chatHandlers } from './chat-handlers.js';
import { reviewDeps } from '../app/review-loop.js';
import { collectRun } from '../app/collection.js';
import { urgentSender } from '../app/urgent.js';
import { createLoop } from '../review/loop.js';
import { startChat } from './chat.js';
import { portInUse } from './port-in-use.js';
import { digestRun, officeMessage, problemsRun, remindRun, type RunInputs } from '../app/runs.js';
import { monthlyRun, weeklyRun } from '../app/report-runs.js';

export interface ServiceOptions {
  loaded: LoadedConfig;
  logger: Logger;
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

/**
 * Starts everything; resolves once the scheduler has caught up and the transport is started. The signal handlers are
 * installed first, so SIGTERM during the start-up catch-up stops gracefully too.
 */
export async function startService(opts: ServiceOptions): Promise<Service> {
  const { loaded, logger, options } = opts;
  const { config } = loaded;
  const clock = opts.clock ?? systemClock;
  const delivery = await createDelivery(config, logger);
  const store = await openStore(loaded.dataDir, config.store, { logger }).catch((error: Error) => {
    if (error instanceof StoreError) logger.error('store.unavailable', { problem: error.problem, error: error.logMessage });
    throw error;
  });
  const { replica, lease } = replicaOf(config, opts.env, store.backend);
  logger.info('store.opened', { backend: store.backend, location: store.path, replica });
  // What is started so far; a stop (or a start failing part-way) closes what is there.
  const parts: { receiver?: Receiver | null; health?: HealthServer | null; scheduler?: Scheduler } = {};
  const inFlight = createInFlight();
  let stopping = false;
  const steps = {
    logger,
    stopIntake: async () => {
      stopping = true;
      await parts.receiver?.stop();
      await parts.health?.close();
    },
    finishWork: async () => {
      await Promise.all([parts.scheduler?.stop(), inFlight.drain()]);
    },
    closeStore: () => store.close(),
  };
  const signals = opts.handleSignals === false ? null : installShutdown(steps);
  try {
    return await startParts();
  } catch (error) {
    signals?.uninstall();
    await steps.stopIntake();
    await steps.closeStore();
    throw error;
  }

  async function startParts(): Promise<Service> {
    logLedger(opts.sheet, opts.units, loaded.mode, logger);
    const source = openLedger(opts.sheet, {
      units: opts.units,
      logger,
      env: opts.env,
      feishuApi: delivery.client ? () => delivery.client! : undefined,
      ledgerLock: storeLedgerLock(store),
    });
    const ledgerFor = cachedLedger(source);
    // calendar.tab is read once at start; a change to that tab takes effect on the next restart.
    const { calendar, problems: calendarProblems } = await loadCalendar(config, source, logger);
    const sheetUrl = webLink(opts.sheet);
    const today = () => todayIn(config.timezone, clock.now());
    const urgent = delivery.client ? urgentSender(delivery.client, logger) : undefined;
    const inputs = async (date: string): Promise<RunInputs> => ({ parsed: await ledgerFor(date), today: date, calendar, options, config, store, delivery, sheetUrl, urgent, source, logger });

    const scheduler = createScheduler({
      config,
      calendar,
      store,
      messenger: delivery.messenger,
      clock,
      logger,
      lease,
      jobs: {
        digest: async (ctx) => digestRun(await inputs(ctx.date)),
        remind: async (ctx) => remindRun(await inputs(ctx.date), ctx),
        weekly: async (ctx) => weeklyRun({ ...(await inputs(ctx.date)), dataDir: loaded.dataDir }),
        monthly: async (ctx) => monthlyRun({ ...(await inputs(ctx.date)), dataDir: loaded.dataDir }),
        collect: async (ctx) => collectRun(await inputs(ctx.date)),
      },
      officeMessage: (text, key) => officeMessage(config, '督办机器人提示', [text], key),
      sheetProblems: async (date) => {
        const read = await ledgerFor(date);
        const parsed = { ...read, ledger: withCalendarProblems(read.ledger, calendarProblems) };
        const fingerprint = problemsFingerprint(parsed.ledger.problems);
        return { fingerprint, build: () => problemsRun({ parsed, config, today: date }, fingerprint) };
      },
    });
    parts.scheduler = scheduler;

    const review = reviewDeps({ config, store, source, ledgerFor, delivery, logger, now: () => clock.now() });
    const loop = createLoop(review);
    const answer = createChatAnswer({ ledgerFor, people: review.people, loop, calendar, options, today, sheetUrl });
    const handlers = chatHandlers({ loop, answer, store });
    const chat = await startChat({ config, logger, delivery, handlers, file: loaded.file, inFlight });
    parts.receiver = chat.receiver;
    const healthPort = config.health.port;
    parts.health = healthPort === undefined
      ? null
      : await startHealthServer({ port: healthPort, status: async () => healthStatus({ mode: loaded.mode, connection: chat.receiver?.state() ?? 'not_used', runs: await store.lastRuns(), replica, leases: await store.leases(), time: clock.now().toISOString() }) })
        .catch((error: Error) => Promise.reject(portInUse('health.port', healthPort, error, loaded.file)));
    for (const [key, purpose] of [['leaders', 'the daily digest and weekly summary'], ['office', 'sheet problems and operator notices'], ['default', 'reminders of units without a work group (until then they go to chats.office)']] as const) {
      if (!config.chats[key]) logger.warn('config.chat_missing', { setting: `chats.${key}`, purpose, hint: 'set it to a chat_id from `duban chats`; until then these messages are not sent' });
    }
    if (config.review.reviewers.length === 0) {
      logger.warn('config.no_reviewers', { setting: 'review.reviewers', hint: 'list the accounts who may approve requests (同意/退回) in chat; until then only `duban approve` / `duban reject` decide' });
    }
    // A SIGTERM during the steps above has begun the stop: the catch-up is not started.
    if (!stopping) await scheduler.start();
    logger.info('service.started', { mode: loaded.mode, events: config.feishu.events, health: parts.health?.port ?? null });

    return {
      async stop() {
        signals?.uninstall();
        await steps.stopIntake();
        await steps.finishWork();
        await steps.closeStore();
      },
      callbackPort: chat.port,
    };
  }
}

/** Says which ledger the service reads; the bundled example in Feishu mode is a mistake worth a warning. */
function logLedger(sheet: string, units: string | undefined, mode: LoadedConfig['mode'], logger: Logger): void {
  logger.info('service.ledger', { sheet, units: units ?? null });
  if (mode === 'feishu' && isBundledExample(sheet)) {
    logger.warn('service.example_ledger', { sheet, hint: 'the service posts to Feishu from the bundled example ledger; set sheet: in config/duban.yaml (or DUBAN_SHEET) to your own ledger' });
  }
}
