/**
 * The bot's answer to a chat message: the same answers as `duban ask`, "我的任务" for the asker's own unit (found by
 * open_id through the unit directory), and a liaison's progress update written back to the ledger.
 */
import { parseQuestion } from '../ask/parse-question.js';
import type { Card } from '../render/card.js';
import type { IsoDate, ReportOptions, WorkCalendar } from '../domain/types.js';
import { renderAnswerCard } from '../render/answer.js';
import { renderDocCard } from '../render/render-card.js';
import { answerQuestion } from '../reports/answer.js';
import type { LedgerSource } from '../sources/source.js';
import { applyChatUpdate } from './chat-update.js';
import type { Delivery } from './delivery.js';
import type { ParsedLedger } from './read-ledger.js';

export interface ChatAnswerDeps {
  ledgerFor: (today: IsoDate) => Promise<ParsedLedger>;
  source: LedgerSource;
  delivery: Pick<Delivery, 'resolveMentions'>;
  calendar: WorkCalendar;
  options: ReportOptions;
  today: () => IsoDate;
  sheetUrl: string | null;
}

type Asker = { unit: string; name: string | null };

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

  return async (question, asker) => {
    const date = deps.today();
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
}
