/**
 * The bot's answer to a chat message: who is asking (their unit, found by open_id through the unit directory),
 * then the one ask path (app/ask-ledger.ts) with write-back allowed, rendered as a reply card.
 */
import { askLedger, type Asker } from '../app/ask-ledger.js';
import type { Delivery } from '../app/delivery.js';
import type { ParsedLedger } from '../app/read-ledger.js';
import type { IsoDate, ReportOptions, WorkCalendar } from '../domain/types.js';
import { renderAnswerCard } from '../render/answer.js';
import type { Card } from '../render/card.js';
import type { LedgerSource } from '../sources/source.js';

export interface ChatAnswerDeps {
  ledgerFor: (today: IsoDate) => Promise<ParsedLedger>;
  source: LedgerSource;
  delivery: Pick<Delivery, 'resolveMentions'>;
  calendar: WorkCalendar;
  options: ReportOptions;
  today: () => IsoDate;
  sheetUrl: string | null;
}

/** Creates the answer function the bot calls for each question. */
export function createChatAnswer(deps: ChatAnswerDeps): (question: string, asker: { openId: string | null }) => Promise<Card> {
  const { ledgerFor, source, delivery, calendar, options, sheetUrl } = deps;
  // The directory's accounts (open_ids, emails, mobiles) mapped to open_ids once per ledger read.
  const askers = new WeakMap<ParsedLedger, Promise<Map<string, Asker>>>();
  const askerIndex = (parsed: ParsedLedger): Promise<Map<string, Asker>> => {
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

  return async (question, { openId }) => {
    const today = deps.today();
    const parsed = await ledgerFor(today);
    const asker = (openId ? (await askerIndex(parsed)).get(openId) : undefined) ?? { unit: null, name: null };
    const answer = await askLedger(question, { ledger: parsed.ledger, directory: parsed.directory, today, calendar, options }, { asker, writeBack: source });
    return renderAnswerCard(answer, { sheetUrl });
  };
}
