/** A chat message reduced to the text a question is read from: no mentions, emoji or decoration; half width, lower case. */

// No "<" inside a tag or a name, so an unclosed "<at" costs one scan to the next "<", not one to the end.
const MENTIONS = /<at\b[^<>]*>[^<]*<\/at>|@_user_\d+|@_all/gi;
/** "@督办助手 交通局…" or "@机器人交通局…": a leading mention of the bot typed by hand. */
const LEADING_MENTION = /^@(?:\S+\s+|(?:机器人|督办机器人|督办助手|督办|duban|bot)(?=\S))/i;
// Emoji and their joiners/modifiers are decoration in a question ("逾期任务有哪些？🙏").
export const EMOJI = /[\p{Extended_Pictographic}\u{FE0F}\u{200D}\u{1F3FB}-\u{1F3FF}\u{20E3}]/gu;
/** Punctuation and symbols become spaces, except what numbers, ids and percentages are written with. */
const DECORATION = /[^\p{L}\p{N}\s#%.\/\-:'’_]/gu;
/**
 * "." "/" "-" ":" survive only between digits or letters (9.30, 2025-09-30, A-3, 12:00). Each match starts at the
 * start of its run (the lookbehinds), so a long run of dots costs one scan, not one per dot.
 */
const LONE_SEPARATOR = /(?<![\p{N}\p{L}.\/\-:])[.\/\-:]+|(?<![.\/\-:])[.\/\-:]+(?![.\/\-:\p{N}\p{L}])/gu;
const APOSTROPHE = /['’]/g;
/** Hyphens inside English words are spaces ("not-started", "in-progress"); "A-3" and dates keep theirs. */
const WORD_HYPHEN = /(?<=[a-z]{2})-(?=[a-z])/g;
/** Spaces between two Chinese characters are typing noise ("交通局 负责"). */
const SPACE_BETWEEN_HAN = /(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu;

/** The message without mentions of anyone (the bot or people), NFKC-normalised (full width → half width), trimmed. */
export function stripMentions(text: string): string {
  return text.replace(MENTIONS, ' ').normalize('NFKC').trim().replace(LEADING_MENTION, '').trim();
}

/**
 * The text the question pieces are found in: mentions, emoji, punctuation and apostrophes gone ("what's" → "whats"),
 * lower case, one space between words, none between Chinese characters.
 */
export function normalizeQuestion(text: string): string {
  return stripMentions(text)
    .replace(EMOJI, ' ')
    .toLowerCase()
    .replace(APOSTROPHE, '')
    .replace(DECORATION, ' ')
    .replace(LONE_SEPARATOR, ' ')
    .replace(WORD_HYPHEN, ' ')
    .replace(/\s+/g, ' ')
    .replace(SPACE_BETWEEN_HAN, '')
    .trim();
}
