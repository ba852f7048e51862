/**
 * Names the ledger on a card a service following several ledgers sends: in its title ("【双拥】督办提醒 …"), so a
 * group several ledgers remind knows which one speaks, and in every button (`"ledger"` in each callback value), so a
 * click goes back to the ledger that sent the card.
 */
import type { Card } from './card.js';

function stamped(node: unknown, ledger: string): unknown {
  if (Array.isArray(node)) return node.map((item) => stamped(item, ledger));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = stamped(value, ledger);
  const behavior = out as { type?: unknown; value?: unknown };
  if (behavior.type === 'callback' && behavior.value !== null && typeof behavior.value === 'object') {
    out.value = { ...(behavior.value as Record<string, unknown>), ledger };
  }
  return out;
}

/** The card with `ledger` before its title and in every callback button's value; the card given is not changed. */
export function stampLedger(card: Card, ledger: string): Card {
  const out = stamped(card, ledger) as Card & { header?: { title?: { content?: unknown } } };
  const title = out.header?.title;
  if (title && typeof title.content === 'string') title.content = `【${ledger}】${title.content}`;
  return out;
}
