/** The delivery seam: what every sender (Feishu app bot, group webhook, the terminal) implements. */
import type { Card } from '../render/card.js';

/** A file posted before a message's card (a report's Word or Excel file), kept on disk until it is sent. */
export interface OutgoingFile {
  /** The name people see in the chat ("督办通报（2026年3月）.docx"). */
  name: string;
  /** Where the file is stored (under the data directory), so a rerun after a crash sends the same bytes. */
  path: string;
  /** Feishu's file type: doc (Word), xls (Excel), pdf, or stream (anything else). */
  type: 'doc' | 'xls' | 'pdf' | 'stream';
}

export interface OutgoingMessage {
  /** Feishu chat_id (oc_…). */
  chat: string;
  card: Card;
  /** Posted to the chat just before the card. */
  file?: OutgoingFile;
  /**
   * Stable idempotency seed, e.g. "remind|2026-03-02|oc_xxx". The Feishu wrapper derives the ≤50-char
   * `uuid` from it and the content, so a retried or repeated send posts once.
   */
  key: string;
}

export interface DeliveryError {
  /** Feishu code (230002 …), HTTP status, or a short string such as "network". */
  code: string | number;
  /** English, for logs. */
  message: string;
  /** Chinese, for the office: what to do. */
  hint: string;
}

export interface DeliveryResult {
  ok: boolean;
  /** Feishu message_id when sent. */
  messageId: string | null;
  /** The idempotency uuid sent with the message (app bot), so the store can show what Feishu de-duplicates on. */
  uuid?: string;
  error: DeliveryError | null;
}

export interface Messenger {
  send(message: OutgoingMessage): Promise<DeliveryResult>;
  /**
   * Looks in the chat for this very message, posted since `since` (a send whose answer was lost): its message_id, or
   * null when it is not there. Absent when the sender cannot look (a group webhook cannot read its chat).
   */
  findDelivered?(message: OutgoingMessage, since: Date): Promise<string | null>;
}
