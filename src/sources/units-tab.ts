/** Choosing the unit-directory tab of an online spreadsheet (pure). */
import { SourceError } from './source-error.js';

// Names an office is likely to give the directory tab when none is configured.
const DEFAULT_UNITS_TABS = ['单位', '单位名录', '单位通讯录', '通讯录', '联络员', 'units', 'Units'];

/**
 * The units tab: the configured name (which must exist), else the first default name present, else null.
 * The ledger tab itself is never the units tab.
 */
export function pickUnitsTab(titles: string[], ledgerTitle: string, configured: string | null): string | null {
  if (configured) {
    if (!titles.includes(configured)) {
      throw new SourceError(`表格里没有名为“${configured}”的单位名录表（现有：${titles.join('、')}）。`);
    }
    return configured;
  }
  return DEFAULT_UNITS_TABS.find((name) => name !== ledgerTitle && titles.includes(name)) ?? null;
}
