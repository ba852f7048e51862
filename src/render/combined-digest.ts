/**
 * One digest card for leaders who follow several ledgers: a section per ledger, headed by its name and summary. When
 * the full sections would pass Feishu's card limits, each section is compact (its totals, 预警 and task lists, without
 * the tables); when even that is too large (dozens of ledgers), each ledger is its one summary line, so no ledger is
 * left out. Lists are then shortened as in any card. Charts are not drawn: their numbers are in the text.
 */
import type { Digest } from '../reports/digest.js';
import type { Card } from './card.js';
import { digestDoc } from './digest-doc.js';
import type { Block, Doc, DocSeverity } from './doc.js';
import { fitsLimits, type CardLimits } from './fit-card.js';
import { renderDocCard } from './render-card.js';

/** One ledger's part of the combined digest. */
export interface DigestSection {
  ledger: string;
  digest: Digest;
  sheetUrl: string | null;
}

const SEVERITY_ORDER: readonly DocSeverity[] = ['red', 'orange', 'blue', 'green'];

/** How much of each ledger's digest a section shows. */
export type SectionSize = 'full' | 'compact' | 'line';

/**
 * A section's blocks under its heading: charts as their line of text (a card allows each chart's element id once, and
 * every section has the same charts); compact, also without tables (and their headings); a line, nothing more.
 */
function sectionBlocks(blocks: readonly Block[], size: SectionSize): Block[] {
  if (size === 'line') return [];
  const charted = blocks.flatMap((block): Block[] => (block.kind === 'chart' ? (block.fallback ? [block.fallback] : []) : [block]));
  if (size === 'full') return charted;
  return charted.filter((block, i) => block.kind !== 'table' && !(block.kind === 'heading' && charted[i + 1]?.kind === 'table'));
}

/** The combined digest as a document: each ledger's digest under a heading with its name. */
export function combinedDigestDoc(sections: readonly DigestSection[], size: SectionSize): Doc {
  const docs = sections.map((s) => ({ section: s, doc: digestDoc(s.digest) }));
  const blocks: Block[] = docs.flatMap(({ section, doc }, i): Block[] => {
    const heading: Block = { kind: 'heading', text: `【${section.ledger}】${doc.summary}`, ...(doc.severity === 'red' ? { tone: 'red' as const } : {}) };
    const link: Block[] = section.sheetUrl ? [{ kind: 'paragraph', parts: [{ link: section.sheetUrl, text: `打开${section.ledger}台账` }] }] : [];
    if (size === 'line') return [heading];
    return [...(i > 0 ? [{ kind: 'divider' } as Block] : []), heading, ...sectionBlocks(doc.blocks, size), ...link];
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

/** The combined digest card with the largest sections that fit the limits. */
export function renderCombinedDigestCard(sections: readonly DigestSection[], limits?: CardLimits): Card {
  const unlimited = { maxBytes: Number.POSITIVE_INFINITY, maxElements: Number.POSITIVE_INFINITY };
  const sizes: SectionSize[] = ['full', 'compact'];
  const size = sizes.find((s) => fitsLimits(renderDocCard(combinedDigestDoc(sections, s), { limits: unlimited }), limits)) ?? 'line';
  return renderDocCard(combinedDigestDoc(sections, size), { limits });
}
