import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPlan } from '../../src/workplan/import-plan.js';
import { planToLedgerRows } from '../../src/workplan/ledger-rows.js';
import { decodeText } from '../../src/ledger/encoding.js';
import { parseCsvText } from '../../src/ledger/csv.js';
import { parseDateCell } from '../../src/ledger/dates.js';
import { parseStatus } from '../../src/ledger/status.js';
import { parseProgress } from '../../src/ledger/progress.js';
import { splitUnits } from '../../src/ledger/split-units.js';
import { weekendCalendar } from '../../src/calendar/weekend-calendar.js';

const example = (name: string) => new URL(`../../sheets-templates/example/${name}`, import.meta.url);
const readRows = (name: string) => parseCsvText(decodeText(readFileSync(example(name))).text).rows.filter((r) => r.some((c) => c));
const settings = JSON.parse(readFileSync(example('example.json'), 'utf8')) as { today: string; plan: string };
const plan = importPlan(readFileSync(example(settings.plan), 'utf8'));
const [header, ...tasks] = readRows('tasks.csv');
const column = (name: string) => header.indexOf(name);

describe('the bundled example ledger', () => {
  it('was made from the plan import: same columns, ids and units; each 任务 is the task text, each 类别 its heading or title', () => {
    const imported = planToLedgerRows(plan.tasks);
    expect(header).toEqual(imported[0].slice(0, header.length));
    expect(tasks.map((row) => [row[0], row[3], row[4]])).toEqual(imported.slice(1).map((row) => [row[0], row[3], row[4]]));
    tasks.forEach((row, i) => {
      expect(plan.tasks[i].detail, row[0]).toContain(row[2]);
      expect([plan.tasks[i].category, plan.tasks[i].title], row[0]).toContain(row[1]);
    });
  });

  it('has dates, statuses and progress the ledger parser reads without problems', () => {
    for (const row of tasks) {
      for (const name of ['开始日期', '截止日期', '更新时间']) {
        expect(parseDateCell(row[column(name)], { referenceYear: null }).kind, `${row[0]} ${name}`).not.toBe('invalid');
      }
      expect(parseStatus(row[column('状态')]), `row ${row[0]}`).not.toBeNull();
      expect(parseProgress(row[column('进度')]).invalid).toBe(false);
      expect(row[column('进展情况')]).not.toBe('');
    }
  });

  it('makes a demo on its default date: several done, overdue and due within 3 working days', () => {
    const today = settings.today;
    const midterm = plan.phases.find((p) => p.name === '迎接中期考评阶段')!;
    expect(today >= midterm.start! && today <= midterm.due!).toBe(true);
    const views = tasks.map((row) => {
      const due = parseDateCell(row[column('截止日期')], { referenceYear: null });
      const state = parseStatus(row[column('状态')])!;
      return { due: due.kind === 'date' ? due.due : null, state };
    });
    const open = views.filter((v) => v.state.state !== 'done' && v.due !== null);
    const overdue = open.filter((v) => v.due! < today);
    const dueSoon = open.filter((v) => v.due! >= today && weekendCalendar.workdaysBetween(today, v.due!) <= 3);
    expect(views.filter((v) => v.state.state === 'done').length).toBeGreaterThanOrEqual(3);
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    expect(dueSoon.length).toBeGreaterThanOrEqual(3);
    expect(views.filter((v) => v.state.state === 'paused')).toHaveLength(1);
    expect(views.filter((v) => v.state.extended)).toHaveLength(1);
  });

  it('has a unit directory entry for every unit, and one unit without a liaison', () => {
    const [unitHeader, ...units] = readRows('units.csv');
    expect(unitHeader).toEqual(['单位', '别名', '联络员', '联络员账号', '工作群', '分管领导', '领导账号']);
    const named = units.map((row) => row[0]);
    const inLedger = new Set(tasks.flatMap((row) => [...splitUnits(row[3]), ...splitUnits(row[4])]));
    expect(new Set(named)).toEqual(inLedger);
    expect(units.filter((row) => row[2] === '').map((row) => row[0])).toHaveLength(1);
    for (const row of units) {
      expect(row[3], row[0]).toMatch(/^$|^ou_[0-9a-f]{32}$|^[\w.]+@[\w.]+$|^1\d{10}$/);
      expect(row[4], row[0]).toMatch(/^$|^oc_[0-9a-f]{32}$/);
      expect(row[6], row[0]).toMatch(/^$|^ou_[0-9a-f]{32}$/);
    }
    expect(units.filter((row) => row[4] !== '').length).toBeGreaterThanOrEqual(3);
  });
});
