/** Shapes of Feishu contact fields in the unit directory. */

/** A Feishu chat_id ("oc_…"). */
export function looksLikeChatId(text: string): boolean {
  return /^oc_[0-9a-z]+$/i.test(text);
}

/** A liaison account Feishu can address: an open_id (ou_…), an email, or a mainland mobile (11 digits, optional +86). */
export function looksLikeAccount(text: string): boolean {
  if (/^ou_[0-9a-z]+$/i.test(text)) return true;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return true;
  return /^(\+?86)?1\d{10}$/.test(text.replace(/[\s-]/g, ''));
}
