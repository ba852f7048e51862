/**
 * The bot's handlers when the service follows several ledgers: a message is answered from the ledger it names, else
 * from the ledgers of its chat — one reply with a section per ledger when there are several. A typed command goes
 * to the one ledger holding its task (or its request R12); when several could, the reply asks to name the ledger.
 * A card click goes to the ledger named in the button's value.
 */
import { readChatCommand } from '../ask/commands.js';
import type { LoopCommand } from '../ask/loop-commands.js';
import { askLedger } from '../app/ask-ledger.js';
import type { IsoDate, ReportOptions } from '../domain/types.js';
import type { Answer } from '../reports/answer-types.js';
import { answerDoc } from '../render/answer-doc.js';
import { renderAnswerCard } from '../render/answer.js';
import type { Card } from '../render/card.js';
import type { Block } from '../render/doc.js';
import { renderDocCard } from '../render/render-card.js';
import { cardCommand } from '../review/card-commands.js';
import { noticeCard } from '../review/notify.js';
import type { Store } from '../store/store.js';
import { outcomeCard } from './chat-answer.js';
import type { ChatHandlers } from './chat.js';
import { toastText } from './chat-handlers.js';
import type { LedgerParts } from './ledger-parts.js';
import { ledgersOfChat, namedLedger } from './ledger-routing.js';

export interface RouterDeps {
  ledgers: LedgerParts[];
  options: ReportOptions;
  today: () => IsoDate;
  store: Pick<Store, 'recordEvent'>;
}

/** The task ids a command is about (none for a decision on a request). */
function taskIds(command: LoopCommand): string[] {
  switch (command.kind) {
    case 'ack':
      return command.ids;
    case 'progress':
      return [command.update.id];
    case 'complete':
    case 'extend':
      return [command.id];
    default:
      return [];
  }
}

/** The ledger a command belongs to, or the names to choose from when its task is in several (or none) of them. */
async function commandLedger(command: LoopCommand, candidates: LedgerParts[], all: LedgerParts[], today: IsoDate): Promise<LedgerParts | LedgerParts[]> {
  if (command.kind === 'approve' || command.kind === 'reject') {
    // Request ids are numbered across the whole store: exactly one ledger holds R12.
    for (const ledger of [...candidates, ...all.filter((l) => !candidates.includes(l))]) {
      if (await ledger.store.request(command.request)) return ledger;
    }
    return candidates[0];
  }
  if (candidates.length === 1) return candidates[0];
  const ids = taskIds(command);
  const holding: LedgerParts[] = [];
  for (const ledger of candidates) {
    const { ledger: read } = await ledger.ledgerFor(today);
    if (ids.every((id) => read.tasks.some((t) => t.id === id))) holding.push(ledger);
  }
  return holding.length === 1 ? holding[0] : candidates;
}

/** The reply when a command could be about several ledgers: name one, as a prefix. */
export function nameTheLedgerCard(text: string, names: readonly string[]): Card {
  return noticeCard('请注明台账', [`这个群对应多个台账（${names.join('、')}），请在命令前写台账名称，例如：${names[0]} ${text}`], 'orange');
}

/** Answers from several ledgers as one card: a section per ledger, headed by its name. */
function sectionsCard(answers: { ledger: LedgerParts; answer: Answer }[]): Card {
  const blocks: Block[] = answers.flatMap(({ ledger, answer }, i): Block[] => {
    const doc = answerDoc(answer);
    // A card's buttons name one ledger; in a card of several, the typed commands ("双拥 签收 6") do instead.
    const own = doc.blocks.filter((b) => b.kind !== 'taskActions');
    return [...(i > 0 ? [{ kind: 'divider' } as Block] : []), { kind: 'heading', text: `【${ledger.name}】${doc.title}` }, ...own];
  });
  const summary = answers.map(({ ledger, answer }) => `${ledger.name}：${answerDoc(answer).summary}`).join('；');
  const severity = answers.some(({ answer }) => answerDoc(answer).severity === 'red') ? 'red' : 'blue';
  return renderDocCard({ title: '各台账的回答', severity, summary, blocks });
}

/** The handlers of a bot serving several ledgers. */
export function routedChatHandlers(deps: RouterDeps): ChatHandlers {
  const { ledgers, options } = deps;
  const byName = new Map(ledgers.map((l) => [l.name, l]));

  async function answerOne(ledger: LedgerParts, question: string, openId: string | null, today: IsoDate): Promise<Answer> {
    const parsed = await ledger.ledgerFor(today);
    const member = (await ledger.people(parsed)).memberships(openId)[0];
    const asker = { unit: member?.unit ?? null, name: member?.name ?? null };
    return askLedger(question, { ledger: parsed.ledger, directory: parsed.directory, today, calendar: ledger.calendar, options }, { asker });
  }

  return {
    recordEvent: (id, at) => deps.store.recordEvent(id, at),
    answer: async (question, who) => {
      const today = deps.today();
      const { ledger: named, rest } = namedLedger(question, ledgers);
      const candidates = named ? [named] : ledgersOfChat(who.chatId, ledgers);
      const command = readChatCommand(rest);
      if (command) {
        const target = await commandLedger(command, candidates, ledgers, today);
        if (Array.isArray(target)) return nameTheLedgerCard(rest, target.map((l) => l.name));
        const outcome = await target.loop.command(command, { openId: who.openId, chat: who.chatId, messageId: who.messageId, via: 'text' });
        return target.stamp(outcomeCard(outcome));
      }
      const answers = await Promise.all(candidates.map(async (ledger) => ({ ledger, answer: await answerOne(ledger, rest, who.openId, today) })));
      if (answers.length === 1) return answers[0].ledger.stamp(renderAnswerCard(answers[0].answer, { sheetUrl: answers[0].ledger.sheetUrl }));
      return sectionsCard(answers);
    },
    files: async (message, files) => {
      // Evidence belongs to the request it answers: the first ledger of the chat that recognises it takes it.
      for (const ledger of ledgersOfChat(message.chatId, ledgers)) {
        const outcome = await ledger.loop.evidence({
          messageId: message.messageId, chatId: message.chatId, senderOpenId: message.senderOpenId,
          rootId: message.rootId, parentId: message.parentId, at: message.at, files,
        });
        if (outcome) return ledger.stamp(outcomeCard(outcome));
      }
      return null;
    },
    cardAction: async (action) => {
      const command = cardCommand(action);
      if (!command) return { toast: { type: 'warning', content: '这个按钮已失效，请使用最新的卡片，或在群里发送文字命令。' } };
      const named = byName.get(action.value.ledger ?? '');
      const candidates = named ? [named] : ledgersOfChat(action.chatId ?? undefined, ledgers);
      const target = await commandLedger(command, candidates, ledgers, deps.today());
      if (Array.isArray(target)) return { toast: { type: 'warning', content: `请注明台账：这张卡片没有写明台账，请在群里发送文字命令，例如“${target[0].name} 签收 编号”。` } };
      const who = { openId: action.operatorOpenId, chat: action.chatId ?? undefined, messageId: action.messageId ?? undefined, via: 'card' as const };
      const outcome = await target.loop.command(command, who);
      return { toast: { type: outcome.ok ? 'success' : 'error', content: toastText(outcome) } };
    },
  };
}
