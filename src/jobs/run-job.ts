/**
 * One run of a job on a date, delivered exactly once across crashes and restarts. The messages are built once
 * and stored (pending) with the run in one transaction; then each message not yet sent is sent and its outcome
 * recorded, the attempt recorded before the request leaves. A rerun sends only what is not recorded as sent, with the
 * stored card and key, so the Feishu wrapper derives the same uuid and Feishu de-duplicates a message whose send was
 * cut off mid-flight. Feishu remembers a uuid for one hour: a rerun later than that first looks in the chat for the
 * message (Messenger#findDelivered) and records it as sent when it is there. With a lease (two replicas on one
 * database) the run is claimed before anything else and worked on only while held (run-lease.ts): the other replica
 * skips it, and takes it over, resuming the same way, when the holder dies.
 */
import type { DeliveryResult, Messenger, OutgoingMessage } from '../delivery/messenger.js';
import type { IsoDate } from '../domain/types.js';
import { silentLogger } from '../log/logger.js';
import type { Logger } from '../log/logger.js';
import type { LeaseRecord, MessageRecord, ReminderEntry, RunStatus } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { Clock } from './clock.js';
import type { RunLease } from './replica.js';
import { claimRun } from './run-lease.js';

/** What a job's builder returns: the consolidated messages (one per chat) and the reminders they carry. */
export interface BuiltRun {
  messages: OutgoingMessage[];
  reminders?: ReminderEntry[];
  /**
   * Called once after a message of this run is sent (e.g. Feishu's 加急 on a reminder with escalations); its failure
   * is logged, never fails the run. Not called for messages a resumed run sends after a restart.
   */
  afterSend?: (message: OutgoingMessage, messageId: string) => Promise<void>;
}

export interface RunContext {
  job: string;
  date: IsoDate;
  /** Which tasks were already reminded to which unit today (by any job): the reminder plan leaves them out. */
  alreadyReminded(): Promise<(taskId: string, unit: string) => boolean>;
}

export interface RunJobOptions {
  store: Store;
  messenger: Messenger;
  clock: Clock;
  logger?: Logger;
  job: string;
  date: IsoDate;
  build(context: RunContext): Promise<BuiltRun> | BuiltRun;
  /** Asked before each message; false stops after the message in flight (shutdown). The run stays open. */
  shouldContinue?: () => boolean;
  /** How long the run may take, in ms (10 minutes by default): messages not sent by then are recorded as failed. */
  timeLimitMs?: number;
  /** Messages in a row that got no answer (timeouts) before the rest are recorded as failed unsent; 3 by default. */
  stopAfterNoAnswer?: number;
  /** This replica's claim on the run when replicas share the database; without it the run is not claimed. */
  lease?: RunLease;
}

/** The run's time limit when none is given: a stuck endpoint must not hold a run (and the chats after it) for long. */
export const RUN_TIME_LIMIT_MS = 10 * 60_000;
const STOP_AFTER_NO_ANSWER = 3;
/** How long Feishu de-duplicates a uuid; an attempt older than this may have posted a message a resend would repeat. */
const UUID_MEMORY_MS = 60 * 60_000;
/** Looked for from a little before the first attempt: the server's clock and ours may differ by this much. */
const CLOCK_SLACK_MS = 5 * 60_000;

export interface RunOutcome {
  job: string;
  date: IsoDate;
  /** 'started' when interrupted: the run is finished by the next start. */
  status: RunStatus;
  sent: number;
  failed: number;
  pending: number;
  /** Set when another replica holds the run (status 'started', nothing done here): its lease, null when just given up. */
  heldElsewhere?: LeaseRecord | null;
}

/** Runs (or resumes) the job for the date; a run already done or skipped is left alone. */
export async function runJob(options: RunJobOptions): Promise<RunOutcome> {
  const { store, job, date, lease } = options;
  if (!lease) return runUnclaimed(options);
  const logger = (options.logger ?? silentLogger).child({ job, date });
  const claim = await claimRun(store, lease, job, date, logger);
  if (!('run' in claim)) return { job, date, status: 'started', sent: 0, failed: 0, pending: 0, heldElsewhere: claim.holder };
  const { run } = claim;
  try {
    return await runUnclaimed({ ...options, shouldContinue: () => run.held() && (options.shouldContinue?.() ?? true) });
  } finally {
    await run.release();
  }
}

/** The run itself, by a process that holds it (or needs no claim). */
async function runUnclaimed(options: RunJobOptions): Promise<RunOutcome> {
  const { store, messenger, clock, job, date } = options;
  const logger = (options.logger ?? silentLogger).child({ job, date });
  const existing = await store.getRun(job, date);
  if (existing && (existing.status === 'done' || existing.status === 'skipped')) {
    return { job, date, status: existing.status, sent: 0, failed: 0, pending: 0 };
  }
  const at = () => clock.now().toISOString();
  let afterSend: BuiltRun['afterSend'];
  if ((await store.messages(job, date)).length === 0) {
    const alreadyReminded = async () => {
      const reminded = new Set((await store.remindedOn(date)).map((r) => `${r.taskId}\n${r.unit}`));
      return (taskId: string, unit: string) => reminded.has(`${taskId}\n${unit}`);
    };
    const context: RunContext = { job, date, alreadyReminded };
    let built: BuiltRun;
    try {
      built = await options.build(context);
    } catch (error) {
      logger.error('run.build_failed', { error });
      await store.finishRun(job, date, 'failed', at(), `could not build the messages: ${(error as Error).message}`);
      return { job, date, status: 'failed', sent: 0, failed: 0, pending: 0 };
    }
    await store.startRun(job, date, at(), built.messages, built.reminders ?? []);
    afterSend = built.afterSend;
    logger.info('run.planned', { messages: built.messages.length });
  } else {
    await store.restartRun(job, date, at());
    logger.info('run.resumed');
  }

  let interrupted = false;
  const timeLimitMs = options.timeLimitMs ?? RUN_TIME_LIMIT_MS;
  const deadline = clock.now().getTime() + timeLimitMs;
  const stopAfter = options.stopAfterNoAnswer ?? STOP_AFTER_NO_ANSWER;
  let noAnswerInARow = 0;
  for (const message of await store.messages(job, date)) {
    if (message.outcome === 'sent') continue;
    if (options.shouldContinue && !options.shouldContinue()) {
      interrupted = true;
      break;
    }
    // Past the time limit, or after several chats in a row without an answer, the rest is recorded as failed
    // (retried by the next run) instead of each waiting out its own timeouts.
    const giveUp = clock.now().getTime() >= deadline
      ? `not sent: the run's time limit (${timeLimitMs / 60_000} min) was reached`
      : noAnswerInARow >= stopAfter ? `not sent: ${stopAfter} messages in a row got no answer from Feishu` : null;
    if (giveUp) {
      await store.recordDelivery(job, date, message.chat, { outcome: 'failed', at: at(), error: giveUp });
      logger.warn('run.message_skipped', { chat: message.chat, reason: giveUp });
      continue;
    }
    const outgoing = { chat: message.chat, card: message.card, key: message.key, ...(message.file ? { file: message.file } : {}) };
    const already = await deliveredBefore(messenger, message, clock.now().getTime(), logger);
    if (already) {
      await store.recordDelivery(job, date, message.chat, { outcome: 'sent', at: at(), messageId: already, error: null });
      logger.info('run.found_delivered', { chat: message.chat, messageId: already });
      noAnswerInARow = 0;
      continue;
    }
    await store.recordAttempt(job, date, message.chat, at());
    const result: DeliveryResult = await messenger
      .send(outgoing)
      .catch((error: Error) => ({ ok: false, messageId: null, error: { code: 'exception', message: error.message, hint: '' } }));
    noAnswerInARow = result.error?.code === 'network' ? noAnswerInARow + 1 : 0;
    const outcome = result.ok ? 'sent' : 'failed';
    await store.recordDelivery(job, date, message.chat, { outcome, at: at(), messageId: result.messageId, uuid: result.uuid, error: result.error?.message ?? null });
    if (!result.ok) logger.warn('run.message_failed', { chat: message.chat, code: result.error?.code, error: result.error?.message });
    if (result.ok && result.messageId && afterSend) {
      await afterSend({ chat: message.chat, card: message.card, key: message.key }, result.messageId).catch((error: Error) => logger.warn('run.after_send_failed', { chat: message.chat, error: error.message }));
    }
  }

  const final = await store.messages(job, date);
  const count = (outcome: string) => final.filter((m) => m.outcome === outcome).length;
  const outcome: RunOutcome = { job, date, status: 'started', sent: count('sent'), failed: count('failed'), pending: count('pending') };
  if (interrupted) {
    logger.info('run.interrupted', { sent: outcome.sent, pending: outcome.pending });
    return outcome;
  }
  const failures = final.filter((m) => m.outcome !== 'sent').map((m) => `${m.chat}: ${m.error ?? 'not sent'}`);
  outcome.status = failures.length === 0 ? 'done' : 'failed';
  await store.finishRun(job, date, outcome.status, at(), failures.length ? `${failures.length} of ${final.length} not sent; ${failures.join('; ')}` : null);
  logger.info('run.finished', { status: outcome.status, sent: outcome.sent, failed: outcome.failed });
  return outcome;
}

/**
 * The message_id of a message an earlier attempt may have posted, when that attempt is older than Feishu's uuid
 * memory and the messenger finds it in the chat; null otherwise (then it is sent, de-duplicated by its uuid if recent).
 */
async function deliveredBefore(messenger: Messenger, message: MessageRecord, now: number, logger: Logger): Promise<string | null> {
  if (!message.attemptedAt || !messenger.findDelivered) return null;
  const attempted = Date.parse(message.attemptedAt);
  if (now - attempted <= UUID_MEMORY_MS) return null;
  return messenger.findDelivered({ chat: message.chat, card: message.card, key: message.key }, new Date(attempted - CLOCK_SLACK_MS)).catch((error: Error) => {
    // Cannot look (no permission to read the chat, an error): sending again risks a duplicate, not sending risks a loss.
    logger.warn('run.find_delivered_failed', { chat: message.chat, error, hint: 'grant im:message.history:readonly and im:message.group_msg (获取群组中所有消息) so a resend after a restart can check the chat first' });
    return null;
  });
}
