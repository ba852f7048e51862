/**
 * One digest card for leaders who follow several ledgers: a section per ledger, headed by its name and summary, its
 * lists and tables shortened to Feishu's card limits as in any card. When even that would leave ledgers out (a few
 * dozen ledgers), each ledger is its one summary line. Charts are not drawn: their numbers are in the text.
 */
import type { Digest } from '../reports/digest.js';
import type { Card } from './card.js';
import { digestDoc } from './digest-doc.js';
import type { Block, Doc, DocSeverity } from './doc.js';
import type { CardLimits } from './fit-card.js';
import { renderDocCard } from './render-card.js';

/** One ledger's part of the combined digest. */
export interface DigestSection {
  ledger: string;
  digest: Digest;
  sheetUrl: string | null;
}

const SEVERITY_ORDER: readonly DocSeverity[] = ['red', 'orange', 'blue', 'green'];

/** How much of each ledger's digest a section shows: all of it (cut to the limits), or its summary line. */
export type SectionSize = 'full' | 'line';

/** A section's blocks: charts as their line of text (a card allows each chart's element id once, and every section has the same charts). */
function sectionBlocks(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((block): Block[] => (block.kind === 'chart' ? (block.fallback ? [block.fallback] : []) : [block]));
}

/** The combined digest as a document: each ledger's digest under a heading with its name. */
export function combinedDigestDoc(sections: readonly DigestSection[], size: SectionSize): Doc {
  const docs = sections.map((s) => ({ section: s, doc: digestDoc(s.digest) }));
  const blocks: Block[] = docs.flatMap(({ section, doc }, i): Block[] => {
    const heading: Block = { kind: 'heading', text: `【${section.ledger}】${doc.summary}`, ...(doc.severity === 'red' ? { tone: 'red' as const } : {}) };
    const link: Block[] = section.sheetUrl ? [{ kind: 'paragraph', parts: [{ link: section.sheetUrl, text: `打开${section.ledger}台账` }] }] : [];
    if (size === 'line') return [heading];
    return [...(i > 0 ? [{ kind: 'divider' } as Block] : []), heading, ...sectionBlocks(doc.blocks), ...link];
  });
  const severity = SEVERITY_ORDER.find((level) => docs.some((d) => d.doc.severity === level)) ?? 'green';
  const date = sections[0]?.digest.date ?? '';
  return {
    title: `督办日报 · ${date}`,
    severity,
    summary: docs.map(({ section, doc }) => `${section.ledger}：${doc.summary}`).join('；'),
    blocks,
  };
}

/** The combined digest card: full sections when, cut to the limits, they keep every ledger; else a line each. */
export function renderCombinedDigestCard(sections: readonly DigestSection[], limits?: CardLimits): Card {
  const full = renderDocCard(combinedDigestDoc(sections, 'full'), { limits });
  const text = JSON.stringify(full);
  return sections.every((s) => text.includes(`【${s.ledger}】`)) ? full : renderDocCard(combinedDigestDoc(sections, 'line'), { limits });
}
