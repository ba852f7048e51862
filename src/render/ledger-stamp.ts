/**
 * Names the ledger in every button of a card (`"ledger"` in each callback value), so a click in a chat several
 * ledgers share goes back to the ledger that sent the card.
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

/** The card with `ledger` added to every callback button's value; the card given is not changed. */
export function stampLedger(card: Card, ledger: string): Card {
  return stamped(card, ledger) as Card;
}
