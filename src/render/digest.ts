/** The daily digest in every format: terminal text, markdown, a Feishu card. */
import type { Card } from './card.js';
import type { Digest } from '../reports/digest.js';
import { digestDoc } from './digest-doc.js';
import { renderDocCard, type CardOptions } from './render-card.js';
import { renderDocMarkdown } from './render-markdown.js';
import { renderDocText, type TextOptions } from './render-text.js';

/** The digest for the terminal. */
export function renderDigestText(digest: Digest, options: TextOptions = {}): string {
  return renderDocText(digestDoc(digest), options);
}

/** The digest as markdown. */
export function renderDigestMarkdown(digest: Digest): string {
  return renderDocMarkdown(digestDoc(digest));
}

/** The digest as one Feishu card (for the leaders' chat). */
export function renderDigestCard(digest: Digest, options: CardOptions = {}): Card {
  return renderDocCard(digestDoc(digest), options);
}
