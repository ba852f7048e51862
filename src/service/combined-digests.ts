/**
 * Ledgers whose digests go to the same leaders' chat at the same time send one card with a section per ledger: the
 * first of them (in configuration order) sends it from its digest run, under its own message key; the others still
 * save their snapshots but send nothing.
 */
import type { Logger } from '../log/logger.js';
import { ledgerDigest } from '../app/runs.js';
import type { Card } from '../render/card.js';
import { renderCombinedDigestCard, type DigestSection } from '../render/combined-digest.js';
import type { IsoDate } from '../domain/types.js';
import type { LedgerParts } from './ledger-parts.js';

export interface CombinedDigests {
  /** For a ledger in a shared digest: the card to send (null: another ledger sends it) and its key; else undefined. */
  cardFor(ledger: LedgerParts, date: IsoDate): Promise<{ card: Card | null; key: string } | undefined>;
}

/** Groups the ledgers by (leaders' chat, digest time); only groups of two or more are combined. */
export function combinedDigests(ledgers: readonly LedgerParts[], logger: Logger): CombinedDigests {
  const groups = new Map<string, LedgerParts[]>();
  for (const ledger of ledgers) {
    const chat = ledger.config.chats.leaders;
    if (!chat) continue;
    const key = `${chat}|${ledger.config.schedule.digest}`;
    groups.set(key, [...(groups.get(key) ?? []), ledger]);
  }
  const groupOf = new Map<LedgerParts, LedgerParts[]>();
  for (const group of groups.values()) if (group.length > 1) for (const ledger of group) groupOf.set(ledger, group);

  return {
    async cardFor(ledger, date) {
      const group = groupOf.get(ledger);
      if (!group) return undefined;
      const chat = ledger.config.chats.leaders!;
      if (group[0] !== ledger) return { card: null, key: '' };
      const sections: DigestSection[] = [];
      for (const member of group) {
        try {
          sections.push({ ledger: member.name, digest: (await ledgerDigest(await member.inputs(date))).digest, sheetUrl: member.sheetUrl });
        } catch (error) {
          // One unreadable ledger does not hold back the others' sections; its own run records the failure.
          if (member === ledger) throw error;
          logger.warn('digest.section_skipped', { ledger: member.name, error: (error as Error).message, hint: `check ledger ${member.name}'s sheet setting` });
        }
      }
      return { card: renderCombinedDigestCard(sections), key: `digest-combined|${date}|${chat}` };
    },
  };
}
