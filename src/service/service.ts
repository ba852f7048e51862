/**
 * `duban serve` with Feishu configured: the scheduler (digest, reminders, weekly summary, sheet problems), the chat
 * bot on the long connection or an HTTP callback, the health endpoint, and a graceful stop on SIGTERM.
 */
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
import { openStore } from '../store/open-store.js';
import { StoreError } from '../store/store-error.js';
import { createDelivery } from '../app/delivery.js';
import { createChatAnswer } from './chat-answer.js';
import { chatHandlers } from './chat-handlers.js';
import { collectRun } from '../app/collection.js';
import { startChat } from './chat.js';
import { portInUse } from './port-in-use.js';
import { digestRun, officeMessage, problemsRun, remindRun } from '../app/runs.js';
import { isBundledExample } from '../app/bundled-example.js';
import { withCalendarProblems } from '../app/calendar-overrides.js';
import type { DubanConfig } from '../config/schema.js';
import type { RunRecord } from '../store/records.js';
import { combinedDigests } from './combined-digests.js';
import { routedChatHandlers } from './chat-router.js';
import { ledgerParts, serviceToday, type LedgerParts } from './ledger-parts.js';
import { concurrencyLimit } from './limit.js';

/** Ledgers read at once: each read is a few calls of the one Feishu app, whose rate limits every ledger shares. */
const READS_AT_ONCE = 4;
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
  const parts: { receiver?: Receiver | null; health?: HealthServer | null; schedulers?: Scheduler[] } = {};
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
      await Promise.all([...(parts.schedulers ?? []).map((scheduler) => scheduler.stop()), inFlight.drain()]);
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
    const entries = loaded.ledger === null ? loaded.ledgers : loaded.ledgers.filter((l) => l.name === loaded.ledger);
    const several = entries.length > 1;
    // Each online read is a few API calls: a handful of ledgers read at once keeps a cycle of many within the app's rate limits.
    const readSlot = concurrencyLimit(READS_AT_ONCE);
    const ledgers: LedgerParts[] = [];
    for (const entry of entries) {
      // One ledger: --sheet / --units (already resolved by the command) win; several: each entry's own.
      const location = several ? { sheet: entry.config.sheet, units: entry.config.units } : { sheet: opts.sheet, units: opts.units };
      logLedger(entry.name, location.sheet, location.units, loaded.mode, logger);
      ledgers.push(await ledgerParts({ ...entry, ...location }, { store, delivery, options, logger, env: opts.env, clock, several, readSlot }));
    }
    const digests = combinedDigests(ledgers, logger);
    const schedulers = ledgers.map((ledger) => createScheduler({
      config: ledger.config,
      calendar: ledger.calendar,
      store: ledger.store,
      messenger: delivery.messenger,
      clock,
      logger: several ? logger.child({ ledger: ledger.name }) : logger,
      lease,
      jobs: {
        digest: async (ctx) => {
          // A combined digest names every ledger in its sections, not one in its title.
          const combined = await digests.cardFor(ledger, ctx.date);
          const built = await digestRun(await ledger.inputs(ctx.date), combined);
          return combined ? built : ledger.stampRun(built);
        },
        remind: async (ctx) => ledger.stampRun(await remindRun(await ledger.inputs(ctx.date), ctx)),
        weekly: async (ctx) => ledger.stampRun(await weeklyRun({ ...(await ledger.inputs(ctx.date)), dataDir: loaded.dataDir })),
        monthly: async (ctx) => ledger.stampRun(await monthlyRun({ ...(await ledger.inputs(ctx.date)), dataDir: loaded.dataDir })),
        collect: async (ctx) => ledger.stampRun(await collectRun(await ledger.inputs(ctx.date))),
      },
      officeMessage: (text, key) => officeMessage(ledger.config, several ? `督办机器人提示（${ledger.name}）` : '督办机器人提示', [text], key),
      sheetProblems: async (date) => {
        const read = await ledger.ledgerFor(date);
        const parsed = { ...read, ledger: withCalendarProblems(read.ledger, ledger.calendarProblems) };
        const fingerprint = problemsFingerprint(parsed.ledger.problems);
        return { fingerprint, build: () => ledger.stampRun(problemsRun({ parsed, config: ledger.config, today: date }, fingerprint)) };
      },
    }));
    parts.schedulers = schedulers;

    const today = serviceToday(config, clock);
    const handlers = several
      ? routedChatHandlers({ ledgers, options, today, store })
      : chatHandlers({ loop: ledgers[0].loop, answer: createChatAnswer({ ...ledgers[0], options, today }), store });
    const chat = await startChat({ config, logger, delivery, handlers, file: loaded.file, inFlight });
    parts.receiver = chat.receiver;
    const healthPort = config.health.port;
    parts.health = healthPort === undefined
      ? null
      : await startHealthServer({ port: healthPort, status: async () => healthStatus({ mode: loaded.mode, connection: chat.receiver?.state() ?? 'not_used', runs: await lastRuns(ledgers, several), replica, leases: await store.leases(), time: clock.now().toISOString() }) })
        .catch((error: Error) => Promise.reject(portInUse('health.port', healthPort, error, loaded.file)));
    for (const ledger of ledgers) warnMissingSettings(ledger.config, several ? `ledgers[${entries.findIndex((e) => e.name === ledger.name)}].` : '', logger);
    // A SIGTERM during the steps above has begun the stop: the catch-up is not started.
    if (!stopping) await Promise.all(schedulers.map((scheduler) => scheduler.start()));
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
function logLedger(name: string, sheet: string, units: string | undefined, mode: LoadedConfig['mode'], logger: Logger): void {
  logger.info('service.ledger', { ledger: name, sheet, units: units ?? null });
  if (mode === 'feishu' && isBundledExample(sheet)) {
    logger.warn('service.example_ledger', { sheet, hint: 'the service posts to Feishu from the bundled example ledger; set sheet: in config/duban.yaml (or DUBAN_SHEET) to your own ledger' });
  }
}

/** Chats and reviewers a ledger does without, said once at start (`prefix` names the ledger's entry). */
function warnMissingSettings(config: DubanConfig, prefix: string, logger: Logger): void {
  for (const [key, purpose] of [['leaders', 'the daily digest and weekly summary'], ['office', 'sheet problems and operator notices'], ['default', 'reminders of units without a work group (until then they go to chats.office)']] as const) {
    if (!config.chats[key]) logger.warn('config.chat_missing', { setting: `${prefix}chats.${key}`, purpose, hint: 'set it to a chat_id from `duban chats`; until then these messages are not sent' });
  }
  if (config.review.reviewers.length === 0) {
    logger.warn('config.no_reviewers', { setting: `${prefix}review.reviewers`, hint: 'list the accounts who may approve requests (同意/退回) in chat; until then only `duban approve` / `duban reject` decide' });
  }
}

/** The last run of each job of every ledger for /healthz; with several ledgers each run names its ledger. */
async function lastRuns(ledgers: readonly LedgerParts[], several: boolean): Promise<RunRecord[]> {
  const perLedger = await Promise.all(ledgers.map(async (ledger) => (await ledger.store.lastRuns()).map((run) => (several ? { ...run, ledger: ledger.name } : run))));
  return perLedger.flat();
}
