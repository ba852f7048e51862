/**
 * One digest card for leaders who follow several ledgers: a section per ledger, headed by its name. When the full
 * sections would pass Feishu's card limits, each section is compact (its totals, 预警 and task lists, without the
 * tables), and lists are then shortened as in any card. Charts are not drawn: their numbers are in the text.
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

/**
 * A section's blocks: charts as their line of text (a card allows each chart's element id once, and every section
 * has the same charts); compact, also without tables (and their headings).
 */
function sectionBlocks(blocks: readonly Block[], compact: boolean): Block[] {
  const charted = blocks.flatMap((block): Block[] => (block.kind === 'chart' ? (block.fallback ? [block.fallback] : []) : [block]));
  if (!compact) return charted;
  return charted.filter((block, i) => block.kind !== 'table' && !(block.kind === 'heading' && charted[i + 1]?.kind === 'table'));
}

/** The combined digest as a document: each ledger's digest under a heading with its name. */
export function combinedDigestDoc(sections: readonly DigestSection[], compact: boolean): Doc {
  const docs = sections.map((s) => ({ section: s, doc: digestDoc(s.digest) }));
  const blocks: Block[] = docs.flatMap(({ section, doc }, i): Block[] => {
    const heading: Block = { kind: 'heading', text: `【${section.ledger}】${doc.summary}`, ...(doc.severity === 'red' ? { tone: 'red' as const } : {}) };
    const link: Block[] = section.sheetUrl ? [{ kind: 'paragraph', parts: [{ link: section.sheetUrl, text: `打开${section.ledger}台账` }] }] : [];
    return [...(i > 0 ? [{ kind: 'divider' } as Block] : []), heading, ...sectionBlocks(doc.blocks, compact), ...link];
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

/** The combined digest card, full when it fits the limits, else with compact sections. */
export function renderCombinedDigestCard(sections: readonly DigestSection[], limits?: CardLimits): Card {
  const unlimited = { maxBytes: Number.POSITIVE_INFINITY, maxElements: Number.POSITIVE_INFINITY };
  const full = combinedDigestDoc(sections, false);
  const fits = fitsLimits(renderDocCard(full, { limits: unlimited }), limits);
  return renderDocCard(fits ? full : combinedDigestDoc(sections, true), { limits });
}
