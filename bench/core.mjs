/** The built modules every benchmark reads a ledger with (run `npm run build` first; `npm run bench` does). */
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A module of dist/ by its path under src/. */
export const dist = (path) => import(join(root, 'dist', path));

/** Reading, parsing, the digest and the reminder plan, with the calendar and report options they take. */
export async function loadCore() {
  const [read, parse, directory, digest, reminders, options, calendar] = await Promise.all(
    ['ledger/read-local.js', 'ledger/parse-ledger.js', 'domain/directory.js', 'reports/digest.js', 'reports/reminders.js', 'reports/options.js', 'calendar/chinese-calendar.js'].map(dist),
  );
  return {
    readLocalWorkbook: read.readLocalWorkbook,
    parseLedger: parse.parseLedger,
    createDirectory: directory.createDirectory,
    buildDigest: digest.buildDigest,
    buildReminderPlan: reminders.buildReminderPlan,
    resolveOptions: options.resolveOptions,
    createWorkCalendar: calendar.createWorkCalendar,
  };
}
