/** The error for a write-back refused before anything was written (missing/duplicate id, nowhere to write, bad input). */
import { SourceError } from './source-error.js';

export class WriteBackError extends SourceError {
  override name = 'WriteBackError';
}
