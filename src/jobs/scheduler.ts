/**
 * The service's scheduler. node-cron ticks every minute in the configured timezone; each tick asks the schedule
 * (schedule.ts) which runs of today are due and runs those not yet done. The same tick is the catch-up on
 * start: a run missed while the service was down runs now when still inside the send window, else it is
 * recorded as skipped with the reason. Runs go side by side, each tracked on its own: a run stuck on a chat that
 * does not answer (bounded by its time limit) holds up neither the other jobs nor the next ticks. With a lease (two
 * replicas on one database) every run, notice and skip is claimed first: a run another replica holds is left to it,
 * and looked at again when its lease expires, so a replica that died mid-run is taken over without waiting a minute.
 */
import cron from 'node-cron';
import type { ScheduledTask } from 'node-cron';
import { addDays, diffDays } from '../calendar/dates.js';
import { unknownYearNotice } from '../calendar/chinese-calendar.js';
import type { ChineseWorkCalendar } from '../calendar/chinese-calendar.js';
import { wallClock } from '../calendar/zoned-time.js';
import type { Messenger, OutgoingMessage } from '../delivery/messenger.js';
import type { IsoDate } from '../domain/types.js';
import { silentLogger } from '../log/logger.js';
import type { Logger } from '../log/logger.js';
import type { Store } from '../store/store.js';
import { systemClock } from './clock.js';
import type { Clock } from './clock.js';
import { scheduleRuns } from './schedule.js';
import type { JobName, ScheduleConfig, ScheduledRun } from './schedule.js';
import type { RunLease } from './replica.js';
import { runJob } from './run-job.js';
import { whileHolding } from './run-lease.js';
import type { BuiltRun, RunContext, RunOutcome } from './run-job.js';
import { checkSheetProblems } from './sheet-problems.js';
import type { SheetProblemsCheck } from './sheet-problems.js';

export interface SchedulerOptions {
  config: ScheduleConfig;
  calendar: ChineseWorkCalendar;
  store: Store;
  messenger: Messenger;
  /** The builder of each job; a job without one (the collection when collect.day is off) is not run. */
  jobs: Partial<Record<JobName, (context: RunContext) => Promise<BuiltRun> | BuiltRun>>;
  /** The office message for a notice (an unknown holiday year), or null when no office chat is configured. */
  officeMessage(text: string, key: string): OutgoingMessage | null;
  /** The ledger's problems check, run at most every `problemsEveryMinutes` inside the window on working days. */
  sheetProblems?: SheetProblemsCheck;
  problemsEveryMinutes?: number;
  /** A failed run (a chat refused a message) is retried after this many minutes, inside the window. */
  retryFailedAfterMinutes?: number;
  clock?: Clock;
  logger?: Logger;
  /** This replica's claim on each run when replicas share the database (replicas.leaseSeconds). */
  lease?: RunLease;
}

export interface Scheduler {
  /** Starts whatever is due now and not already running, and resolves with those runs' outcomes; concurrent calls share one pass. */
  tick(): Promise<RunOutcome[]>;
  /** Records missed runs of earlier days, catches up today, then ticks every minute. */
  start(): Promise<void>;
  /** Stops new work and waits for the message in flight; an interrupted run is finished by the next start. */
  stop(): Promise<void>;
}

const LOOKAHEAD_DAYS = 31;
const MISSED_LOOKBACK_DAYS = 7;

/** Creates the scheduler; nothing runs until start() or tick(). */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const { config, calendar, store, messenger } = options;
  const clock = options.clock ?? systemClock;
  const logger = (options.logger ?? silentLogger).child({ component: 'scheduler' });
  const retryMs = (options.retryFailedAfterMinutes ?? 30) * 60_000;
  const problemsMs = (options.problemsEveryMinutes ?? 60) * 60_000;
  let stopping = false;
  let planning: Promise<Promise<RunOutcome | null>[]> | null = null;
  let task: ScheduledTask | null = null;
  let lastProblemsCheck = -Infinity;
  let lookAgain: { at: number; timer: NodeJS.Timeout } | null = null;
  const { lease } = options;
  const common = { store, messenger, clock, logger, lease, shouldContinue: () => !stopping };
  /** Runs in progress by key, so a tick never starts one twice and stop() can wait for them. */
  const running = new Map<string, Promise<RunOutcome | null>>();

  /** Starts `work` under `key` unless it is already running; resolves with its outcome (null: nothing to report). */
  function track(key: string, work: () => Promise<RunOutcome | null>): Promise<RunOutcome | null> {
    let run = running.get(key);
    if (!run) {
      run = work().then(lookWhenExpired).finally(() => running.delete(key));
      running.set(key, run);
    }
    return run;
  }

  /** A run another replica holds is looked at again just after its lease would expire (the holder may have died). */
  function lookWhenExpired(outcome: RunOutcome | null): RunOutcome | null {
    if (outcome?.heldElsewhere === undefined || stopping || !lease) return outcome;
    const expires = outcome.heldElsewhere ? Date.parse(outcome.heldElsewhere.expiresAt) : Date.now();
    const at = Date.now() + Math.min(Math.max(0, expires - Date.now()), lease.leaseMs) + 50;
    if (lookAgain && lookAgain.at <= at) return outcome;
    if (lookAgain) clearTimeout(lookAgain.timer);
    const timer = setTimeout(() => {
      lookAgain = null;
      void tick().catch((error: Error) => logger.error('tick.failed', { error }));
    }, at - Date.now());
    timer.unref();
    lookAgain = { at, timer };
    return outcome;
  }

  /** Records a run as skipped, unless another replica holds it (it is still working on it). */
  async function skip(job: string, date: IsoDate, reason: string, now: Date): Promise<void> {
    await whileHolding(store, lease, job, date, logger, async () => {
      // Another replica may have finished it since it was looked at.
      const current = await store.getRun(job, date);
      if (current && current.status !== 'started') return;
      await store.finishRun(job, date, 'skipped', now.toISOString(), reason);
      logger.warn('run.skipped', { job, date, reason });
    });
  }

  /** Tells the office once about each year in the coming month without a published holiday schedule (a failed try waits a day). */
  async function noticeUnknownYears(date: IsoDate): Promise<void> {
    for (const year of calendar.unknownYears(date, addDays(date, LOOKAHEAD_DAYS))) {
      const key = `unknown-year:${year}`;
      if ((await store.notice(key)) || (await store.getRun(`notice:${key}`, date))?.status === 'failed') continue;
      const text = unknownYearNotice(year);
      logger.warn('calendar.unknown_year', { year, text });
      const message = options.officeMessage(text, `notice|${key}`);
      const outcome = await runJob({ ...common, job: `notice:${key}`, date, build: () => ({ messages: message ? [message] : [] }) });
      if (outcome.status === 'done') await store.setNotice(key, date, text);
    }
  }

  /** Whether a scheduled run should start now; a missed run outside the window is recorded as skipped. */
  async function due(run: ScheduledRun, time: string, now: Date): Promise<boolean> {
    if (run.time > time) return false;
    const existing = await store.getRun(run.job, run.date);
    if (existing?.status === 'done' || existing?.status === 'skipped') return false;
    if (existing?.status === 'failed') {
      return time < config.sendWindow.end && now.getTime() - Date.parse(existing.finishedAt ?? existing.startedAt) >= retryMs;
    }
    if (time >= config.sendWindow.end) {
      const reason = existing
        ? `interrupted and not finished before the end of the send window (${config.sendWindow.end})`
        : `missed: not run between ${run.time} and the end of the send window (${config.sendWindow.end})`;
      await skip(run.job, run.date, reason, now);
      return false;
    }
    return true;
  }

  /** Decides what is due now and starts it; returns the started runs without waiting for them. */
  async function plan(): Promise<Promise<RunOutcome | null>[]> {
    const now = clock.now();
    const { date, time } = wallClock(now, config.timezone);
    const inWindow = time >= config.sendWindow.start && time < config.sendWindow.end && calendar.isWorkday(date);
    const started: Promise<RunOutcome | null>[] = [];
    if (inWindow && !stopping) track('notices', () => noticeUnknownYears(date).then(() => null));
    for (const run of scheduleRuns({ from: date, days: 1, config, calendar }).runs) {
      const build = options.jobs[run.job];
      if (stopping || !build || running.has(`${run.job}|${date}`) || !(await due(run, time, now))) continue;
      started.push(track(`${run.job}|${date}`, () => runJob({ ...common, job: run.job, date, build })));
    }
    if (options.sheetProblems && !stopping && inWindow && now.getTime() - lastProblemsCheck >= problemsMs) {
      lastProblemsCheck = now.getTime();
      const check = options.sheetProblems;
      // An unreadable ledger must not fail the tick (nor the service's start): the jobs already recorded it; retry later.
      started.push(track('sheet-problems', () => checkSheetProblems({ ...common, date, check }).catch((error: Error) => {
        logger.warn('sheet_problems.check_failed', { error, hint: 'check the sheet setting and the ledger source credentials; retried on the next check' });
        return null;
      })));
    }
    return started;
  }

  /** Runs of earlier days that never happened or never finished: recorded as skipped, for /healthz and the log. */
  async function recordMissedDays(today: IsoDate, now: Date): Promise<void> {
    const latest = (await store.lastRuns()).reduce<IsoDate | null>((max, r) => (max === null || r.date > max ? r.date : max), null);
    if (latest === null) return;
    const from = latest > addDays(today, -MISSED_LOOKBACK_DAYS) ? latest : addDays(today, -MISSED_LOOKBACK_DAYS);
    for (const run of scheduleRuns({ from, days: diffDays(from, today), config, calendar }).runs) {
      const existing = await store.getRun(run.job, run.date);
      if (existing && existing.status !== 'started') continue;
      const reason = existing
        ? `interrupted on ${run.date} and not finished that day; unsent messages were dropped`
        : `missed: the service was not running on ${run.date} at ${run.time}`;
      await skip(run.job, run.date, reason, now);
    }
  }

  const tick = async (): Promise<RunOutcome[]> => {
    if (stopping) return [];
    planning ??= plan().finally(() => {
      planning = null;
    });
    const outcomes = await Promise.all(await planning);
    return outcomes.filter((outcome): outcome is RunOutcome => outcome !== null);
  };

  return {
    tick,
    async start() {
      const now = clock.now();
      await recordMissedDays(wallClock(now, config.timezone).date, now);
      await tick();
      // Each minute plans afresh; it does not wait for runs still going (those are skipped until they finish).
      task = cron.schedule('* * * * *', () => void tick().catch((error: Error) => logger.error('tick.failed', { error })), {
        name: 'duban-scheduler',
        timezone: config.timezone,
      });
      logger.info('scheduler.started', { timezone: config.timezone });
    },
    async stop() {
      stopping = true;
      if (lookAgain) clearTimeout(lookAgain.timer);
      await task?.destroy();
      task = null;
      await planning;
      await Promise.all(running.values());
      logger.info('scheduler.stopped');
    },
  };
}
