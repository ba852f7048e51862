import { describe, expect, it } from 'vitest';
import { buildReminderPlan, reminderDeliveries } from '../../src/reports/reminders.js';
import { reminderPlanToJson } from '../../src/reports/reminder-items.js';
import type { ReminderRouting } from '../../src/reports/reminder-types.js';
import { DEFAULT_REPORT_OPTIONS } from '../../src/reports/options.js';
import { weekendCalendar } from '../../src/calendar/weekend-calendar.js';
import { sampleDirectory, sampleLedger, TODAY } from './sample-ledger.js';

const ROUTING: ReminderRouting = { defaultChat: 'oc_default', officeChat: 'oc_office' };

function plan(routing: ReminderRouting = ROUTING, today = TODAY) {
  const ledger = sampleLedger();
  return buildReminderPlan(ledger, sampleDirectory(ledger), today, weekendCalendar, DEFAULT_REPORT_OPTIONS, routing);
}
const ids = (views: { task: { id: string } }[]) => views.map((v) => v.task.id);

describe('buildReminderPlan', () => {
  it('sends one message per chat: units sharing a group together, units without a group to the default group', () => {
    const p = plan();
    expect(p.messages.map((m) => [m.chat, m.route, m.units.map((u) => u.unit)])).toEqual([
      ['oc_traffic', 'unit', ['区城管局', '区交通局']],
      ['oc_default', 'default', ['区林业局', '双江镇']],
    ]);
  });

  it('puts a task with two lead units in each unit section, escalations apart from overdue', () => {
    const [traffic] = plan().messages;
    const [cg, jt] = traffic.units;
    expect([ids(jt.escalation), ids(jt.overdue), ids(jt.dueSoon)]).toEqual([['1'], ['2'], ['3']]);
    expect([ids(cg.escalation), ids(cg.overdue), ids(cg.dueSoon)]).toEqual([[], ['2'], ['4']]);
  });

  it('mentions the liaison, and the leader only for a unit with escalations', () => {
    const [traffic] = plan().messages;
    const [cg, jt] = traffic.units;
    expect(jt.liaison).toEqual({ account: 'ou_zhang', name: '张三', role: 'liaison' });
    expect(jt.leader).toEqual({ account: 'li@example.gov.cn', name: '李局', role: 'leader' });
    expect(cg.leader).toBeNull();
  });

  it('never reminds done, paused, ongoing or merely behind tasks; lists units without a liaison', () => {
    const p = plan();
    const all = p.messages.flatMap((m) => m.units.flatMap((u) => [...u.escalation, ...u.overdue, ...u.dueSoon])).map((v) => v.task.id);
    expect(all.sort()).toEqual(['1', '2', '2', '3', '4', '5', '6']);
    expect(p.unitsWithoutLiaison).toEqual(['区林业局']);
  });

  it('with daysBefore, reminds due-soon tasks only on those days and on the due day', () => {
    const p = plan({ ...ROUTING, daysBefore: [3, 1] });
    const dueSoon = p.messages.flatMap((m) => m.units.flatMap((u) => ids(u.dueSoon)));
    expect(dueSoon.sort()).toEqual(['4', '5']); // 3 has 2 working days left
  });

  it('addresses no chat when neither the unit nor the default group is set', () => {
    const p = plan({ defaultChat: null, officeChat: null });
    expect(p.messages.map((m) => [m.chat, m.route])).toEqual([
      ['oc_traffic', 'unit'],
      [null, 'none'],
    ]);
  });

  it('sends units with neither their own nor a default group to the office chat, joining its message when it is a unit group', () => {
    const alone = plan({ defaultChat: null, officeChat: 'oc_office' });
    expect(alone.messages.map((m) => [m.chat, m.route, m.units.map((u) => u.unit)])).toEqual([
      ['oc_traffic', 'unit', ['区城管局', '区交通局']],
      ['oc_office', 'office', ['区林业局', '双江镇']],
    ]);
    const joined = plan({ defaultChat: null, officeChat: 'oc_traffic' });
    expect(joined.messages.map((m) => [m.chat, m.route, m.units.map((u) => u.unit)])).toEqual([
      ['oc_traffic', 'office', ['区城管局', '区交通局', '区林业局', '双江镇']],
    ]);
  });

  it('leaves out what was already reminded to a unit today, and units left with nothing', () => {
    const reminded = new Set(['2|区城管局', '4|区城管局', '1|区交通局']);
    const p = plan({ ...ROUTING, alreadyReminded: (task, unit) => reminded.has(`${task}|${unit}`) });
    expect(p.messages.map((m) => [m.chat, m.units.map((u) => [u.unit, ids(u.escalation), ids(u.overdue), ids(u.dueSoon)])])).toEqual([
      ['oc_traffic', [['区交通局', [], ['2'], ['3']]]],
      ['oc_default', [['区林业局', [], ['6'], []], ['双江镇', [], [], ['5']]]],
    ]);
    // Without escalations left, the leader is not @-mentioned.
    expect(p.messages[0].units[0].leader).toBeNull();
  });

  it('plans nothing on a non-working day', () => {
    const p = plan(ROUTING, '2026-03-07');
    expect(p).toMatchObject({ workday: false, messages: [] });
  });
});

describe('reminderDeliveries', () => {
  it("adds the office's to-do list to the office chat's message, or sends it alone under its own key", () => {
    const alone = reminderDeliveries(plan(), ['li@example.gov.cn']);
    expect(alone.map((d) => [d.chat, d.key, d.message?.units.length ?? 0, d.gaps])).toEqual([
      ['oc_traffic', 'remind|2026-03-04|oc_traffic', 2, null],
      ['oc_default', 'remind|2026-03-04|oc_default', 2, null],
      ['oc_office', 'remind-office|2026-03-04', 0, { unitsWithoutLiaison: ['区林业局'], unresolvedAccounts: ['li@example.gov.cn'] }],
    ]);
    const riding = reminderDeliveries(plan({ defaultChat: 'oc_office', officeChat: 'oc_office' }));
    expect(riding.map((d) => [d.chat, d.gaps])).toEqual([
      ['oc_traffic', null],
      ['oc_office', { unitsWithoutLiaison: ['区林业局'], unresolvedAccounts: [] }],
    ]);
  });
});

describe('reminderPlanToJson', () => {
  it('has one entry per (unit, kind) in the documented shape, plus one delivery per chat', () => {
    const json = reminderPlanToJson(plan());
    expect(json.date).toBe(TODAY);
    expect(json.messages).toEqual([
      { unit: '区城管局', chat: 'oc_traffic', kind: 'overdue', taskIds: ['2'], mentions: ['wang@example.gov.cn'] },
      { unit: '区城管局', chat: 'oc_traffic', kind: 'due_soon', taskIds: ['4'], mentions: ['wang@example.gov.cn'] },
      { unit: '区交通局', chat: 'oc_traffic', kind: 'escalation', taskIds: ['1'], mentions: ['ou_zhang', 'li@example.gov.cn'] },
      { unit: '区交通局', chat: 'oc_traffic', kind: 'overdue', taskIds: ['2'], mentions: ['ou_zhang'] },
      { unit: '区交通局', chat: 'oc_traffic', kind: 'due_soon', taskIds: ['3'], mentions: ['ou_zhang'] },
      { unit: '区林业局', chat: 'oc_default', kind: 'overdue', taskIds: ['6'], mentions: [] },
      { unit: '双江镇', chat: 'oc_default', kind: 'due_soon', taskIds: ['5'], mentions: ['ou_zhao'] },
    ]);
    expect(json.deliveries).toEqual([
      { chat: 'oc_traffic', route: 'unit', units: ['区城管局', '区交通局'], taskIds: ['2', '4', '1', '3'] },
      { chat: 'oc_default', route: 'default', units: ['区林业局', '双江镇'], taskIds: ['6', '5'] },
    ]);
  });
});
