/** The leaders' one digest card for several ledgers: a section per ledger, compact when the full one is too large. */
import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../src/calendar/chinese-calendar.js';
import { parseLedger } from '../../src/ledger/parse-ledger.js';
import { buildDigest } from '../../src/reports/digest.js';
import { resolveOptions } from '../../src/reports/options.js';
import { cardBytes, countElements } from '../../src/render/fit-card.js';
import { combinedDigestDoc, renderCombinedDigestCard } from '../../src/render/combined-digest.js';

const TODAY = '2022-06-27';
const HEADER = ['编号', '任务', '责任单位', '截止日期', '状态', '进度'];

function digestOf(rows: string[][]) {
  const table = { source: 'test.csv', headerRow: 1, headers: HEADER, rows: rows.map((cells, i) => ({ row: i + 2, cells })) };
  const ledger = parseLedger(table, null, { today: TODAY });
  return buildDigest(ledger, TODAY, createWorkCalendar(), resolveOptions());
}

const shuangyong = digestOf([['1', '建设双拥主题文化园', '区交通局', '2022-06-20', '进行中', '60%']]);
const minsheng = digestOf([['1', '改造老旧小区道路', '区交通局', '2022-07-15', '已完成', '100%']]);

describe('the combined digest', () => {
  it('keeps the sections whole but shortened while every ledger fits (12 ledgers of 80 overdue tasks)', () => {
    const N = 12;
    const rows = Array.from({ length: 80 }, (_, i) => [String(i + 1), `任务${i + 1}`, `第${i}单位`, '2022-06-20', '进行中', '10%']);
    const names = Array.from({ length: N }, (_, i) => `台账${i + 1}`);
    const card = JSON.stringify(renderCombinedDigestCard(names.map((ledger) => ({ ledger, digest: digestOf(rows), sheetUrl: null }))));
    expect(card.match(/【[^】]+】/g)).toEqual(names.map((n) => `【${n}】`));
    expect(card.match(/"tag":"table"/g)).toHaveLength(N);
    expect(card).toContain(`【台账${N}】完成 0/80，逾期 80，即将到期 0`);
    // Whole sections, not one line per ledger: the task lists are there, shortened.
    expect(card).toMatch(/任务\d+/);
  });

  it('has a heading per ledger with its summary, and the worst severity', () => {
    const doc = combinedDigestDoc([{ ledger: '双拥', digest: shuangyong, sheetUrl: null }, { ledger: '民生实事', digest: minsheng, sheetUrl: null }], 'full');
    expect(doc.title).toBe('督办日报 · 2022-06-27');
    expect(doc.severity).toBe('red');
    expect(doc.blocks.filter((b) => b.kind === 'heading' && b.text.startsWith('【')).map((b) => (b as { text: string }).text)).toEqual([
      '【双拥】完成 0/1，逾期 1，即将到期 0',
      '【民生实事】完成 1/1，逾期 0，即将到期 0',
    ]);
    expect(doc.blocks.filter((b) => b.kind === 'chart')).toEqual([]);
  });

  it('stays within the card limits with 40 ledgers of 200 tasks each, every ledger on its summary line', () => {
    const rows = Array.from({ length: 200 }, (_, i) => [String(i + 1), `任务${i + 1}的较长标题，说明具体工作内容`, `第${i % 30}单位`, '2022-06-20', '进行中', '10%']);
    const many = Array.from({ length: 40 }, (_, i) => ({ ledger: `台账${i + 1}`, digest: digestOf(rows), sheetUrl: null }));
    const card = renderCombinedDigestCard(many);
    expect(cardBytes(card)).toBeLessThanOrEqual(29_700);
    expect(countElements(card)).toBeLessThanOrEqual(200);
    const text = JSON.stringify(card);
    expect(text.match(/【台账\d+】/g)).toEqual(many.map((s) => `【${s.ledger}】`));
    expect(text).toContain('【台账40】完成 0/200，逾期 200，即将到期 0');
    expect(text).not.toMatch(/任务\d+的较长标题/);
  });
});
