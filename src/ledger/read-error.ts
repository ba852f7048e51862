/** The one error reading a local ledger file may throw: it names the file and says what to do. */

export type LedgerReadProblem = 'not_found' | 'directory' | 'unreadable' | 'empty' | 'binary' | 'legacy_xls' | 'bad_xlsx' | 'no_sheet' | 'too_large';

export class LedgerReadError extends Error {
  override readonly name = 'LedgerReadError';
  constructor(
    readonly problem: LedgerReadProblem,
    readonly path: string,
    /** Chinese, for the user. */
    message: string,
    /** English, for the operator log. */
    readonly logMessage: string,
  ) {
    super(message);
  }
}
