/** The signal that a ledger changed between the read a write-back planned from and the write: read again and re-plan. */
import { SourceError } from './source-error.js';

export class LedgerChangedError extends SourceError {
  override name = 'LedgerChangedError';
}
