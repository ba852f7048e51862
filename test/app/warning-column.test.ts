import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLedger } from '../../src/app/read-ledger.js';
import { warningColumnChanges, writeWarningColumn } from '../../src/app/warning-column.js';
import { weekendCalendar } from '../../src/calendar/weekend-calendar.js';
import { silentLogger } from '../../src/log/logger.js';
import { classifyTasks } from '../../src/reports/classify.js';
import { DEFAULT_REPORT_OPTIONS } from '../../src/reports/options.js';
import { openSource } from '../../src/sources/open-source.js';

const TODAY = '2026-03-11'; // a Wednesday

function ledgerFile(rows: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'duban-warning-column-'));
  const path = join(dir, 'tasks.csv');
  writeFileSync(path, `${rows.join('\r\n')}\r\n`);
  return path;
}

async function load(path: string) {
  const source = openSource(path, { logger: silentLogger, env: {} });
  const { ledger } = await readLedger(source, TODAY);
  return { source, ledger, views: classifyTasks(ledger.tasks, TODAY, weekendCalendar, DEFAULT_REPORT_OPTIONS) };
}

describe('the 预警 column (warnings.writeColumn)', () => {
  it('writes each level in the column’s own words, leaves 更新时间 alone, and writes nothing the second time', async () => {
    const path = ledgerFile([
      '编号,任务,责任单位,截止日期,状态,更新时间,预警',
      '1,道路巡检,区交通局,2026-03-03,进行中,2026-03-01,', // 6 working days overdue: red
      '2,市容整治,区城管局,2026-03-10,进行中,2026-03-01,红色预警', // 1 working day overdue: yellow
      '3,植树造林,区林业局,2026-03-13,进行中,2026-03-01,蓝色预警', // 2 working days left: blue, already right
      '4,桥梁检测,区交通局,2026-06-30,进行中,2026-03-01,', // green
    ]);
    const first = await load(path);
    expect(warningColumnChanges(first.ledger, first.views)).toEqual([
      { id: '1', light: 'red' },
      { id: '2', light: 'yellow' },
      { id: '4', light: 'green' },
    ]);
    expect(await writeWarningColumn(first.source, first.ledger, first.views, TODAY, silentLogger)).toEqual({ written: 3, failed: [] });
    // Red and blue in the words the column already uses (红色预警, 蓝色预警); the levels it has no word for in the
    // template's (黄灯, 绿灯); 更新时间 keeps the dates of the units' reports.
    expect(readFileSync(path, 'utf8').split('\r\n').slice(1, 5)).toEqual([
      '1,道路巡检,区交通局,2026-03-03,进行中,2026-03-01,红色预警',
      '2,市容整治,区城管局,2026-03-10,进行中,2026-03-01,黄灯',
      '3,植树造林,区林业局,2026-03-13,进行中,2026-03-01,蓝色预警',
      '4,桥梁检测,区交通局,2026-06-30,进行中,2026-03-01,绿灯',
    ]);
    const again = await load(path);
    expect(warningColumnChanges(again.ledger, again.views)).toEqual([]);
  });

  it('writes nothing to a ledger without a 预警 column', async () => {
    const { ledger, views } = await load(ledgerFile(['编号,任务,责任单位,截止日期,状态', '1,道路巡检,区交通局,2026-03-03,进行中']));
    expect(views[0].light).toBe('red');
    expect(warningColumnChanges(ledger, views)).toEqual([]);
  });
});
