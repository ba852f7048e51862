/**
 * The bot's answer to a chat message: a command of the 督办 loop (签收, 更新, 申请办结, 申请延期, 同意, 退回) goes to
 * the loop; a question goes to the one ask path (app/ask-ledger.ts) for the asker's unit (found by open_id through
 * the unit directory), rendered as a reply card.
 */
import { readChatCommand } from '../ask/commands.js';
import { askLedger } from '../app/ask-ledger.js';
import type { ParsedLedger } from '../app/read-ledger.js';
import type { IsoDate, ReportOptions, WorkCalendar } from '../domain/types.js';
import { renderAnswerCard } from '../render/answer.js';
import type { Card } from '../render/card.js';
import type { Loop } from '../review/loop.js';
import { noticeCard } from '../review/notify.js';
import type { People } from '../review/people.js';
import type { ReviewOutcome } from '../review/review-deps.js';

export interface ChatAnswerDeps {
  ledgerFor: (today: IsoDate) => Promise<ParsedLedger>;
  people: (parsed: ParsedLedger) => Promise<People>;
  loop: Loop;
  calendar: WorkCalendar;
  options: ReportOptions;
  today: () => IsoDate;
  sheetUrl: string | null;
}

/** The reply card of a loop outcome: green when done, orange when refused. */
export function outcomeCard(outcome: ReviewOutcome): Card {
  return noticeCard(outcome.title, outcome.lines, outcome.ok ? 'green' : 'orange');
}

/** Creates the answer function the bot calls for each message. */
export function createChatAnswer(deps: ChatAnswerDeps): (question: string, asker: { openId: string | null; chatId?: string; messageId?: string }) => Promise<Card> {
  const { ledgerFor, calendar, options, sheetUrl } = deps;
  return async (question, who) => {
    const command = readChatCommand(question);
    if (command) return outcomeCard(await deps.loop.command(command, { openId: who.openId, chat: who.chatId, messageId: who.messageId, via: 'text' }));
    const today = deps.today();
    const parsed = await ledgerFor(today);
    const member = (await deps.people(parsed)).memberships(who.openId)[0];
    const asker = { unit: member?.unit ?? null, name: member?.name ?? null };
    const answer = await askLedger(question, { ledger: parsed.ledger, directory: parsed.directory, today, calendar, options }, { asker });
    return renderAnswerCard(answer, { sheetUrl });
  };
}
