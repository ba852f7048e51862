import { describe, expect, it } from 'vitest';
import { renderDigestCard } from '../../src/render/digest.js';
import { renderReminderCards } from '../../src/render/reminders.js';
import { renderAnswerCard } from '../../src/render/answer.js';
import { renderProblemsCard } from '../../src/render/problems.js';
import { cardBytes, countElements } from '../../src/render/fit-card.js';
import { addDays } from '../../src/calendar/dates.js';
import type { Card } from '../../src/render/card.js';
import { makeLedger, makeProblem, makeTask } from '../support/make-task.js';
import { sampleAnswer, sampleDigest, samplePlan } from './render-helpers.js';

type El = Record<string, unknown>;
const elements = (card: Card) => (card.body as { elements: El[] }).elements;
const markdownText = (card: Card) => elements(card).filter((e) => e.tag === 'markdown').map((e) => e.content as string).join('\n');

describe('Feishu card JSON 2.0', () => {
  it('has the 2.0 skeleton, a plain-text title and a red header when tasks are overdue', () => {
    const card = renderDigestCard(sampleDigest());
    expect(card.schema).toBe('2.0');
    expect(card.config).toMatchObject({ update_multi: true, summary: { content: '完成 1/11，逾期 3，即将到期 3' } });
    expect(card.header).toEqual({ title: { tag: 'plain_text', content: '督办日报 · 2026-03-04' }, template: 'red' });
  });

  it('colours the header orange for due soon only and green when all is well', () => {
    const soon = makeLedger([makeTask({ id: '1', lead: ['甲'], due: '2026-03-05' })]);
    const calm = makeLedger([makeTask({ id: '1', lead: ['甲'], due: '2026-06-30' })]);
    expect((renderDigestCard(sampleDigest(soon)).header as El).template).toBe('orange');
    expect((renderDigestCard(sampleDigest(calm)).header as El).template).toBe('green');
  });

  it('puts the per-unit numbers in a table component', () => {
    const table = elements(renderDigestCard(sampleDigest())).find((e) => e.tag === 'table') as El;
    expect((table.columns as El[]).map((c) => [c.name, c.data_type])).toEqual([
      ['unit', 'text'],
      ['lead', 'number'],
      ['done', 'number'],
      ['inProgress', 'number'],
      ['overdue', 'number'],
    ]);
    expect((table.rows as El[])[0]).toEqual({ unit: '区交通局', lead: 4, done: 1, inProgress: 3, overdue: 2 });
    expect(table.page_size).toBe(10);
  });

  it('links the sheet when given an http(s) URL, and never a javascript: one', () => {
    expect(markdownText(renderDigestCard(sampleDigest(), { sheetUrl: 'https://example.feishu.cn/sheets/abc' }))).toContain(
      '[打开督办台账](https://example.feishu.cn/sheets/abc)',
    );
    expect(markdownText(renderDigestCard(sampleDigest(), { sheetUrl: 'javascript:alert(1)' }))).not.toContain('javascript');
  });
});

describe('reminder cards', () => {
  it('renders one card per chat, mentioning liaisons by open_id, and the office to-do list in the office chat', () => {
    const cards = renderReminderCards(samplePlan());
    expect(cards.map((c) => [c.chat, c.route, c.units, c.key])).toEqual([
      ['oc_traffic', 'unit', ['区城管局', '区交通局'], 'remind|2026-03-04|oc_traffic'],
      ['oc_default', 'default', ['区林业局', '双江镇'], 'remind|2026-03-04|oc_default'],
      ['oc_office', 'office_notice', [], 'remind-office|2026-03-04'],
    ]);
    expect(markdownText(cards[0].card)).toContain('<at id=ou_zhang></at> 请关注以下任务');
    expect((cards[0].card.header as El).template).toBe('red');
  });

  it('resolves email accounts through mentionIds, else writes a plain @name', () => {
    const plain = markdownText(renderReminderCards(samplePlan())[0].card);
    expect(plain).toContain('@王五 请关注');
    expect(plain).toContain('@李局 有任务逾期较久');
    const ids = new Map([
      ['wang@example.gov.cn', 'ou_wang'],
      ['li@example.gov.cn', 'ou_li'],
    ]);
    const resolved = markdownText(renderReminderCards(samplePlan(), { mentionIds: ids })[0].card);
    expect(resolved).toContain('<at id=ou_wang></at> 请关注');
    expect(resolved).toContain('<at id=ou_li></at> 有任务逾期较久');
  });

  it('gives the office a card of units without a liaison and of accounts Feishu could not resolve', () => {
    const office = renderReminderCards(samplePlan(), { unresolvedAccounts: ['li@example.gov.cn'] }).at(-1)!;
    expect(office.chat).toBe('oc_office');
    expect(markdownText(office.card).split('\n')).toEqual([
      '- 区林业局：单位通讯录中没有联络员账号，提醒无法 @ 到人',
      '- 联络员账号 li@example.gov.cn 无法解析为飞书用户，已按姓名显示；请在单位通讯录中改为 open&#95;id 或正确的邮箱/手机号', // card markdown escapes the underscore
    ]);
    const everyoneReachable = { ...samplePlan(), unitsWithoutLiaison: [] };
    expect(renderReminderCards(everyoneReachable).map((c) => c.chat)).toEqual(['oc_traffic', 'oc_default']);
  });
});

describe('hostile text in cards', () => {
  it('cannot inject mentions, links or markup through titles, notes or unit names', () => {
    const title = '<at id=all></at>**紧急**[点我](javascript:alert(1))</font>';
    const ledger = makeLedger([makeTask({ id: '1', title, lead: ['<at id=all></at>局'], due: '2026-03-02', note: '[x](https://evil.example)' })]);
    const digest = renderDigestCard(sampleDigest(ledger));
    const answer = renderAnswerCard(sampleAnswer('紧急', ledger));
    for (const card of [digest, answer]) {
      const text = markdownText(card);
      expect(text).not.toContain('<at id=all>');
      expect(text).not.toContain('**紧急**');
      expect(text).not.toContain('](javascript');
      expect(text.split('<font').length).toBe(text.split('</font>').length);
      expect(text).toContain('&lt;at id=all&gt;&lt;/at&gt;&#42;&#42;紧急&#42;&#42;&#91;点我&#93;&#40;javascript:alert&#40;1&#41;&#41;&lt;/font&gt;');
    }
  });
});

describe('answer and problems cards', () => {
  it('renders an answer with its task list and a neutral header when nothing matched', () => {
    const card = renderAnswerCard(sampleAnswer('交通局逾期的'));
    expect((card.header as El).template).toBe('red');
    expect(markdownText(card)).toContain('道路巡检');
    expect((renderAnswerCard(sampleAnswer('帮助')).header as El).template).toBe('blue');
  });

  it('renders sheet problems, red with errors and orange with warnings only', () => {
    expect((renderProblemsCard([makeProblem()]).header as El).template).toBe('red');
    expect((renderProblemsCard([makeProblem({ severity: 'warning' })]).header as El).template).toBe('orange');
    expect((renderProblemsCard([]).header as El).template).toBe('green');
  });
});

describe('card limits', () => {
  function bigLedger(tasks: number, units: number) {
    return makeLedger(
      Array.from({ length: tasks }, (_, i) =>
        makeTask({
          id: String(i + 1),
          title: `第${i + 1}项重点任务：推进双拥示范创建工作并按季度报送进展情况`,
          lead: [`第${(i % units) + 1}责任单位`],
          assist: ['双江镇'],
          due: addDays('2026-03-09', -(i % 40)),
        }),
      ),
    );
  }

  it('cuts a 2,000-task digest to under 30 KB and 200 elements, lists ending with "还有 N 项"', () => {
    const card = renderDigestCard(sampleDigest(bigLedger(2_000, 60)));
    expect(cardBytes(card)).toBeLessThanOrEqual(30_000);
    expect(countElements(card)).toBeLessThanOrEqual(200);
    const overdueList = elements(card).find((e) => e.element_id === 'list2') as El;
    const lines = (overdueList.content as string).split('\n');
    const more = Number(/^…还有 (\d+) 项$/.exec(lines[lines.length - 1])?.[1]);
    const digest = sampleDigest(bigLedger(2_000, 60));
    // The overdue list leaves out the tasks already listed under 建议督办.
    expect(lines.length - 1 + more).toBe(digest.overdue.length - digest.escalate.length);
  });

  it('cuts table rows when a card has too many elements, noting how many were left off', () => {
    const card = renderDigestCard(sampleDigest(bigLedger(400, 400)));
    expect(countElements(card)).toBeLessThanOrEqual(200);
    const index = elements(card).findIndex((e) => e.tag === 'table');
    const rows = (elements(card)[index].rows as El[]).length;
    expect(elements(card)[index + 1]).toEqual({ tag: 'markdown', content: `…还有 ${400 - rows} 项` });
  });

  it('keeps the whole im/v1 request body under 30 KB: the card travels JSON-escaped in content, beside the envelope', () => {
    // Feishu limits the request body of a card message to 30 KB; 30,000 bytes is the strict reading.
    const requestBytes = (card: Card) =>
      Buffer.byteLength(JSON.stringify({ receive_id: `oc_${'a'.repeat(32)}`, msg_type: 'interactive', content: JSON.stringify(card), uuid: 'u'.repeat(50) }), 'utf8');
    for (const [tasks, units] of [[2_000, 60], [400, 400], [3_000, 3_000]]) {
      const card = renderDigestCard(sampleDigest(bigLedger(tasks, units)));
      expect(requestBytes(card)).toBeLessThanOrEqual(30_000);
      expect(requestBytes(card)).toBeGreaterThan(25_000); // still filled, not cut far below the limit
    }
  });

  it('honours a smaller limit for group webhooks', () => {
    const card = renderDigestCard(sampleDigest(bigLedger(2_000, 60)), { limits: { maxBytes: 19_000 } });
    expect(cardBytes(card)).toBeLessThanOrEqual(19_000);
  });

  it('leaves a small card untouched', () => {
    const card = renderDigestCard(sampleDigest());
    expect(markdownText(card)).not.toContain('还有');
    const rows = elements(card).reduce((n, e) => n + (Array.isArray(e.rows) ? e.rows.length : 0), 0);
    expect(rows).toBe(4 + 3); // four units, three categories
    expect(countElements(card)).toBe(elements(card).length + rows);
  });
});

describe('card options', () => {
  it('lets the caller replace the header title (the weekly summary)', () => {
    const card = renderDigestCard(sampleDigest(), { title: '督办周报 · 2026-03-06' });
    expect((card.header as El).title).toEqual({ tag: 'plain_text', content: '督办周报 · 2026-03-06' });
  });
});
