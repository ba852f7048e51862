/** Chat text (Chinese or English) → what it asks, by trying the pattern tables in order. */
import type { Intent } from './intent.js';
import type { UnitDirectory } from '../domain/unit-directory.js';
import type { QuestionPattern } from './question-pattern.js';
import { cleanQuestion, stripMentions } from './clean-question.js';
import { COMMAND_PATTERNS } from './patterns.js';
import { UNIT_PATTERNS } from './unit-patterns.js';
import { FILTER_PATTERNS } from './filter-patterns.js';

const ALL_PATTERNS: readonly QuestionPattern[] = [...COMMAND_PATTERNS, ...FILTER_PATTERNS, ...UNIT_PATTERNS];

/** The intent of a question; units named in it are resolved through `directory` (canonical name when found). */
export function parseQuestion(text: string, directory: UnitDirectory): Intent {
  const context = { directory, cleaned: cleanQuestion(text), original: stripMentions(text) };
  for (const { pattern, build } of ALL_PATTERNS) {
    const match = pattern.exec(context.cleaned);
    const intent = match && build(match, context);
    if (intent) return intent;
  }
  return { kind: 'unknown', text: context.original };
}
