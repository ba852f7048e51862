/**
 * Ledgers whose digests go to the same leaders' chat at the same time send one card with a section per ledger. The
 * sections are built once per day for the group; the first ledger (in configuration order) whose ledger could be read
 * sends the card from its digest run, under its own message key, so an unreadable first ledger does not silence the
 * others. The rest still save their snapshots but send nothing.
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

/** A group's sections of one day (built once, shared by the group's digest runs), and the ledger that sends them. */
interface GroupDay {
  date: IsoDate;
  built: Promise<{ sections: DigestSection[]; sender: LedgerParts | null }>;
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
  // Only the latest day of each group is kept.
  const days = new Map<LedgerParts[], GroupDay>();

  async function build(group: LedgerParts[], date: IsoDate): Promise<{ sections: DigestSection[]; sender: LedgerParts | null }> {
    const sections: DigestSection[] = [];
    let sender: LedgerParts | null = null;
    for (const member of group) {
      try {
        sections.push({ ledger: member.name, digest: (await ledgerDigest(await member.inputs(date))).digest, sheetUrl: member.sheetUrl });
        sender ??= member;
      } catch (error) {
        // One unreadable ledger does not hold back the others' sections; its own digest run records the failure.
        logger.warn('digest.section_skipped', { ledger: member.name, error: (error as Error).message, hint: `check ledger ${member.name}'s sheet setting` });
      }
    }
    return { sections, sender };
  }

  return {
    async cardFor(ledger, date) {
      const group = groupOf.get(ledger);
      if (!group) return undefined;
      let day = days.get(group);
      if (day?.date !== date) {
        const built = build(group, date);
        const fresh: GroupDay = { date, built };
        day = fresh;
        days.set(group, fresh);
        // A day with an unreadable ledger is built again by the next run that asks (a retry after the failure).
        void built.then(({ sections }) => {
          if (sections.length < group.length && days.get(group) === fresh) days.delete(group);
        });
      }
      const { sections, sender } = await day.built;
      if (sender !== ledger) return { card: null, key: '' };
      return { card: renderCombinedDigestCard(sections), key: `digest-combined|${date}|${ledger.config.chats.leaders!}` };
    },
  };
}
