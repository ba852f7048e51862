/** The store cannot be used: the database is unreachable, refuses the login, or its schema does not match the code. */

export type StoreProblem = 'unreachable' | 'login' | 'no-database' | 'not-migrated' | 'older' | 'newer' | 'unusable';

/** `message` is Chinese, for the operator at the terminal; `logMessage` is English and names the setting to fix. */
export class StoreError extends Error {
  readonly problem: StoreProblem;
  readonly logMessage: string;

  constructor(problem: StoreProblem, message: string, logMessage: string) {
    super(message);
    this.name = 'StoreError';
    this.problem = problem;
    this.logMessage = logMessage;
  }
}
