/**
 * The example ledger shipped in sheets-templates/example: local mode's demo. It is opened read-only, so trying
 * `duban update` or a chat update on the demo never edits the installed package.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../config/package-root.js';
import type { IsoDate } from '../domain/types.js';
import { isLocalLocation } from '../sources/location.js';
import { openSource, type SourceDeps } from '../sources/open-source.js';
import type { LedgerSource } from '../sources/source.js';
import { SourceError } from '../sources/source-error.js';

/** The bundled example ledger, its unit directory, and the date its demo is meant for. */
export function bundledExample(): { tasks: string; units: string; today: IsoDate } {
  const dir = join(packageRoot(), 'sheets-templates', 'example');
  const meta = JSON.parse(readFileSync(join(dir, 'example.json'), 'utf8')) as { today: IsoDate };
  return { tasks: join(dir, 'tasks.csv'), units: join(dir, 'units.csv'), today: meta.today };
}

/** True when the location is the bundled example ledger. */
export function isBundledExample(sheet: string): boolean {
  return isLocalLocation(sheet) && resolve(sheet) === resolve(bundledExample().tasks);
}

/** Opens the ledger at `sheet`; the bundled example comes back read-only. */
export function openLedger(sheet: string, deps: SourceDeps): LedgerSource {
  const source = openSource(sheet, deps);
  if (!isBundledExample(sheet)) return source;
  return {
    location: source.location,
    read: () => source.read(),
    revision: () => source.revision(),
    ...(source.readTab ? { readTab: (name: string) => source.readTab!(name) } : {}),
    ...(source.columnRules ? { columnRules: source.columnRules } : {}),
    updateTask: async () => {
      throw new SourceError(
        '这是 duban 自带的示例台账，不写回修改。请用 --sheet 或配置中的 sheet: 指定你自己的台账（可以先复制 sheets-templates/example/tasks.csv）。',
      );
    },
  };
}
