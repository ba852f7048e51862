/** The shape of one entry in the question pattern tables. */
import type { Intent } from './intent.js';
import type { UnitDirectory } from '../domain/unit-directory.js';

export interface QuestionContext {
  directory: UnitDirectory;
  /** The cleaned question the patterns run on (see clean-question.ts). */
  cleaned: string;
  /** The message with mentions removed but otherwise as typed, so notes keep their spacing. */
  original: string;
}

/** A regex (never global: patterns are reused) and the intent built from its match; null lets later patterns try. */
export interface QuestionPattern {
  name: string;
  pattern: RegExp;
  build(match: RegExpExecArray, context: QuestionContext): Intent | null;
}

/** A regex that must match the whole cleaned question, case-insensitively. */
export function whole(source: string): RegExp {
  return new RegExp(`^(?:${source})$`, 'i');
}
