/** The Feishu card JSON 2.0 object every card renderer returns and every messenger sends. */

/** A Feishu card JSON 2.0 object (built by render-card.ts, cut to size by fit-card.ts). */
export type Card = Record<string, unknown>;
