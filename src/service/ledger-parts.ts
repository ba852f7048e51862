/**
 * What the service keeps per ledger: its source (read at most a few ledgers at once), calendar, store view and loop.
 * Every card it sends or replies names the ledger (title and buttons) when the service follows several.
 */
import { todayIn } from '../calendar/dates.js';
import type { ChineseWorkCalendar } from '../calendar/chinese-calendar.js';
import type { LedgerConfig } from '../config/load-config.js';
import type { DubanConfig } from '../config/schema.js';
import type { IsoDate, Problem, ReportOptions } from '../domain/types.js';
import type { Clock } from '../jobs/clock.js';
import type { Logger } from '../log/logger.js';
import type { BuiltRun } from '../jobs/run-job.js';
import type { Card } from '../render/card.js';
import { stampLedger } from '../render/ledger-stamp.js';
import { openLedger } from '../app/bundled-example.js';
import { loadCalendar } from '../app/calendar-overrides.js';
import type { Delivery } from '../app/delivery.js';
import { cachedLedger, type ParsedLedger } from '../app/read-ledger.js';
import { reviewDeps } from '../app/review-loop.js';
import type { RunInputs } from '../app/runs.js';
import { urgentSender } from '../app/urgent.js';
import { createLoop, type Loop } from '../review/loop.js';
import type { People } from '../review/people.js';
import { webLink } from '../sources/location.js';
import { storeLedgerLock } from '../sources/locked-writes.js';
import type { LedgerSource } from '../sources/source.js';
import type { Store } from '../store/store.js';
import type { RoutedLedger } from './ledger-routing.js';

/** One ledger as the service runs it. */
export interface LedgerParts extends RoutedLedger {
  config: DubanConfig;
  store: Store;
  source: LedgerSource;
  ledgerFor: (today: IsoDate) => Promise<ParsedLedger>;
  calendar: ChineseWorkCalendar;
  calendarProblems: Problem[];
  sheetUrl: string | null;
  inputs: (date: IsoDate) => Promise<RunInputs>;
  loop: Loop;
  people: (parsed: ParsedLedger) => Promise<People>;
  /** A card as this ledger sends it: its title and buttons name the ledger when the service follows several. */
  stamp: (card: Card) => Card;
  /** A scheduled run's messages stamped. */
  stampRun: (built: BuiltRun) => BuiltRun;
}

export interface LedgerPartsDeps {
  store: Store;
  delivery: Delivery;
  options: ReportOptions;
  logger: Logger;
  env: NodeJS.ProcessEnv;
  clock: Clock;
  /** True when the service follows several ledgers (button values then name the ledger). */
  several: boolean;
  /** Runs a ledger read when a slot is free (a few ledgers read at once). */
  readSlot: <T>(work: () => Promise<T>) => Promise<T>;
}

/** Opens one ledger: source, calendar (calendar.tab read once at start), store view, loop. */
export async function ledgerParts(entry: LedgerConfig & { sheet: string; units: string | undefined }, deps: LedgerPartsDeps): Promise<LedgerParts> {
  const { config } = entry;
  const { delivery, logger: serviceLogger } = deps;
  const logger = deps.several ? serviceLogger.child({ ledger: entry.name }) : serviceLogger;
  const store = deps.store.forLedger(entry.name);
  // Written under the ledger's lock in the store: a replica of the service writing the same ledger waits.
  const source = openLedger(entry.sheet, { units: entry.units, logger, env: deps.env, feishuApi: delivery.client ? () => delivery.client! : undefined, ledgerLock: storeLedgerLock(store) });
  const cached = cachedLedger(source);
  const ledgerFor = (today: IsoDate) => deps.readSlot(() => cached(today));
  const { calendar, problems: calendarProblems } = await loadCalendar(config, source, logger);
  const sheetUrl = webLink(entry.sheet);
  const stamp = deps.several ? (card: Card) => stampLedger(card, entry.name) : (card: Card) => card;
  const stampRun = (built: BuiltRun): BuiltRun => (deps.several ? { ...built, messages: built.messages.map((m) => ({ ...m, card: stamp(m.card) })) } : built);
  const urgent = delivery.client ? urgentSender(delivery.client, logger) : undefined;
  const inputs = async (date: IsoDate): Promise<RunInputs> => ({ parsed: await ledgerFor(date), today: date, calendar, options: deps.options, config, store, delivery, sheetUrl, urgent, source, logger });
  const review = reviewDeps({ config, store, source, ledgerFor, delivery, logger, now: () => deps.clock.now(), stamp });
  const chats = [...entry.groups, config.chats.leaders, config.chats.office, config.chats.default].filter((c): c is string => Boolean(c));
  return {
    name: entry.name, aliases: entry.aliases, chats, config, store, source, ledgerFor, calendar, calendarProblems, sheetUrl, inputs,
    loop: createLoop(review), people: review.people, stamp, stampRun,
  };
}

/** Today in the service's timezone. */
export const serviceToday = (config: DubanConfig, clock: Clock) => (): IsoDate => todayIn(config.timezone, clock.now());
