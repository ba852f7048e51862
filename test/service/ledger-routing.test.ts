/** Which ledgers a chat message is about: named in it, else the chat's, else all. */
import { describe, expect, it } from 'vitest';
import { ledgersOfChat, namedLedger } from '../../src/service/ledger-routing.js';
import { stampLedger } from '../../src/render/ledger-stamp.js';

const LEDGERS = [
  { name: '双拥', aliases: [], chats: ['oc_sy', 'oc_shared'] },
  { name: '民生实事', aliases: ['民生'], chats: ['oc_ms', 'oc_shared'] },
  { name: '政府工作报告', aliases: [], chats: [] },
];

describe('ledger routing', () => {
  it('takes a ledger named in the question out of it, with its joining word', () => {
    expect([
      namedLedger('双拥 交通局的任务', LEDGERS),
      namedLedger('民生实事里逾期的', LEDGERS),
      namedLedger('民生的任务', LEDGERS),
      namedLedger('双拥：签收 6', LEDGERS),
      namedLedger('交通局的任务', LEDGERS),
      namedLedger('双拥主题文化园的进展', LEDGERS),
      namedLedger('交通局在双拥台账里的任务', LEDGERS),
      namedLedger('民生实事', LEDGERS),
    ].map(({ ledger, rest }) => [ledger?.name ?? null, rest])).toEqual([
      ['双拥', '交通局的任务'],
      ['民生实事', '逾期的'],
      ['民生实事', '任务'],
      ['双拥', '签收 6'],
      [null, '交通局的任务'],
      [null, '双拥主题文化园的进展'],
      ['双拥', '交通局在的任务'],
      ['民生实事', ''],
    ]);
  });

  it("answers from the chat's ledgers, or all of them in a chat bound to none", () => {
    expect(ledgersOfChat('oc_sy', LEDGERS).map((l) => l.name)).toEqual(['双拥']);
    expect(ledgersOfChat('oc_shared', LEDGERS).map((l) => l.name)).toEqual(['双拥', '民生实事']);
    expect(ledgersOfChat('oc_elsewhere', LEDGERS).map((l) => l.name)).toEqual(['双拥', '民生实事', '政府工作报告']);
    expect(ledgersOfChat(undefined, LEDGERS).map((l) => l.name)).toEqual(['双拥', '民生实事', '政府工作报告']);
  });

  it("names the ledger in the card's title and every button's callback value", () => {
    const titled = { header: { title: { tag: 'plain_text', content: '督办提醒' } }, body: { elements: [] } };
    expect(stampLedger(titled, '双拥').header).toEqual({ title: { tag: 'plain_text', content: '【双拥】督办提醒' } });
    const card = { body: { elements: [{ tag: 'button', behaviors: [{ type: 'callback', value: { action: 'ack', task: '6' } }] }, { tag: 'markdown', content: 'x' }] } };
    expect(stampLedger(card, '双拥')).toEqual({ body: { elements: [{ tag: 'button', behaviors: [{ type: 'callback', value: { action: 'ack', task: '6', ledger: '双拥' } }] }, { tag: 'markdown', content: 'x' }] } });
    expect(card.body.elements[0].behaviors?.[0].value).toEqual({ action: 'ack', task: '6' });
  });
});
