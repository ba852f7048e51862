/** A chat message reduced for command matching: no @mentions, no "请问/帮我查一下", no trailing "？" or "吗". */
import { EMOJI, stripMentions } from './normalize.js';

const POLITE_ZH = [
  '请问一下', '请问', '请帮我查一下', '请帮我查查', '请帮我看一下', '帮我查一下', '帮我查查', '帮我看一下', '帮我看看',
  '帮忙查一下', '帮我查', '帮我', '查一下', '查查', '查询', '查看', '看一下', '看看', '麻烦', '你好', '您好',
  '我想知道', '我想问一下', '我想问', '想问一下', '告诉我', '列出', '看下', '瞅瞅', '请',
];
const POLITE_EN = ['please', 'can you', 'could you', 'would you', 'hey', 'hi', 'hello', 'show me', 'tell me', 'give me', 'list', 'show'];
// English courtesies must end at a word boundary: "hi" must not eat the start of "history".
const POLITE_PREFIXES = new RegExp(`^(?:${POLITE_ZH.join('|')}|(?:${POLITE_EN.join('|')})\\b)[\\s,，:：]*`, 'i');
// Each run is tried only from its first character (the lookbehinds): "，，，…x" must not cost quadratic time.
const TRAILING = /(?<![\s?？!！。.~～…,，])[\s?？!！。.~～…,，]+$|(?<=[^\s呢吗嘛啊呀吧])[呢吗嘛啊呀吧]+$/u;
// Spaces beside Chinese are typing noise ("交通局 负责"), except next to Latin words: "does 区交通局 own".
const SPACE_BESIDE_HAN = /(?<=\p{Script=Han})\s+(?![A-Za-z])|(?<![A-Za-z])\s+(?=\p{Script=Han})/gu;

/** Remove one layer after another until nothing changes: "请问，帮我查一下交通局的任务吗？" → "交通局的任务". */
function peel(text: string, pattern: RegExp): string {
  let current = text;
  for (let next = current.replace(pattern, '').trim(); next !== current && next !== ''; next = current.replace(pattern, '').trim()) {
    current = next;
  }
  return current;
}

/** The command text (no mentions, courtesies or end punctuation; no spaces beside Chinese) and the message as typed. */
export function cleanForCommand(message: string): { cleaned: string; original: string } {
  const original = stripMentions(message);
  const bare = peel(peel(original.replace(EMOJI, ' ').trim(), POLITE_PREFIXES), TRAILING);
  return { cleaned: bare.replace(/\s+/g, ' ').replace(SPACE_BESIDE_HAN, ''), original };
}
