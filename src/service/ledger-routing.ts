/**
 * Which ledgers a chat message is about: a ledger named in the message ("双拥 交通局的任务", "民生实事里逾期的"),
 * else the ledgers the chat is bound to (by their chats.* or `ledgers[].groups`), else all of them.
 */

/** What routing needs to know of a ledger. */
export interface RoutedLedger {
  name: string;
  aliases: readonly string[];
  /** Chats bound to it: its groups and its chats.leaders / office / default. */
  chats: readonly string[];
}

/** What may follow a ledger's name in a message: the end, a space or colon, or 里 / 中 / 的 (after an optional 台账). */
const JOINER = /^(?:台账)?(?:里面|里|中|的|[：:]|\s|$)\s*/;

/** The message with a ledger's name (or alias) taken out, and that ledger; the message unchanged when none is named. */
export function namedLedger<T extends RoutedLedger>(text: string, ledgers: readonly T[]): { ledger: T | null; rest: string } {
  const words = ledgers.flatMap((ledger) => [ledger.name, ...ledger.aliases].map((word) => ({ word, ledger })));
  // The longest name first: "民生实事" before "民生".
  words.sort((a, b) => b.word.length - a.word.length);
  for (const { word, ledger } of words) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      // "民生实事里逾期的", "双拥台账的任务", "双拥：签收 6": the joining word goes with the name. A name running on
      // into other words ("双拥主题文化园") is part of a task's title, not the ledger.
      const joined = JOINER.exec(text.slice(at + word.length));
      if (!joined) continue;
      const after = text.slice(at + word.length + joined[0].length);
      return { ledger, rest: `${text.slice(0, at)}${after}`.replace(/\s+/g, ' ').trim() };
    }
  }
  return { ledger: null, rest: text };
}

/** The ledgers a chat is bound to; all of them when it is bound to none (a direct chat, an unlisted group). */
export function ledgersOfChat<T extends RoutedLedger>(chat: string | undefined, ledgers: readonly T[]): T[] {
  const bound = chat ? ledgers.filter((ledger) => ledger.chats.includes(chat)) : [];
  return bound.length > 0 ? bound : [...ledgers];
}
