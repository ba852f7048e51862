/**
 * A small ledger for report and render tests, on Wednesday 2026-03-04 (weekend calendar):
 * overdue 1 (escalation, 12 days), 6 (2 days), 2 (1 day, two lead units); due soon 5 (today), 3, 4;
 * behind 10; done 7; paused 8; ongoing 9.
 */
import type { Ledger } from '../../src/domain/types.js';
import type { UnitDirectory } from '../../src/domain/unit-directory.js';
import { makeDirectory, makeLedger, makeProblem, makeTask, makeUnit } from '../support/make-task.js';

export const TODAY = '2026-03-04';

export const SAMPLE_UNITS = [
  makeUnit('区交通局', {
    aliases: ['交通局'],
    liaison: '张三',
    liaisonAccount: 'ou_zhang',
    chat: 'oc_traffic',
    leader: '李局',
    leaderAccount: 'li@example.gov.cn',
    inDirectory: true,
  }),
  makeUnit('区城管局', { liaison: '王五', liaisonAccount: 'wang@example.gov.cn', chat: 'oc_traffic', inDirectory: true }),
  makeUnit('双江镇', { liaison: '赵六', liaisonAccount: 'ou_zhao', inDirectory: true }),
  makeUnit('区林业局', { inDirectory: true }),
];

/** Builds a fresh sample ledger (a new object each call, so caches do not leak between tests). */
export function sampleLedger(): Ledger {
  const tasks = [
    makeTask({ id: '1', title: '道路巡检', lead: ['区交通局'], assist: ['双江镇', '大佛街道'], due: '2026-02-20', category: '基础设施' }),
    makeTask({ id: '2', title: '联合执法', lead: ['区交通局', '区城管局'], due: '2026-03-03', category: '基础设施' }),
    makeTask({ id: '3', title: '公交线路优化', lead: ['区交通局'], due: '2026-03-06', progress: 60 }),
    makeTask({ id: '4', title: '市容整治', lead: ['区城管局'], due: '2026-03-09' }),
    makeTask({ id: '5', title: '双拥公园维护', lead: ['双江镇'], due: TODAY, note: '正在施工' }),
    makeTask({ id: '6', title: '植树造林', lead: ['区林业局'], due: '2026-03-02' }),
    makeTask({ id: '7', title: '桥梁检测', lead: ['区交通局'], due: '2026-02-01', status: 'done' }),
    makeTask({ id: '8', title: '旧改调研', lead: ['双江镇'], due: '2026-02-01', status: 'paused' }),
    makeTask({ id: '9', title: '常态化巡查', lead: ['区城管局'], ongoing: true, status: 'not_started' }),
    makeTask({ id: '10', title: '拥军优属走访', lead: ['双江镇'], start: '2026-02-01', due: '2026-04-30', progress: 5, category: '双拥' }),
    makeTask({ id: '11', title: '林区防火宣传', lead: ['区林业局'], due: '2026-06-30', status: 'not_started', category: '双拥' }),
  ];
  const problems = [makeProblem(), makeProblem({ row: 5, severity: 'warning', code: 'unknown_status', column: '状态', message: '无法识别的状态' })];
  return makeLedger(tasks, [...SAMPLE_UNITS, makeUnit('大佛街道')], problems);
}

/** The unit directory of the sample. */
export function sampleDirectory(ledger: Ledger): UnitDirectory {
  return makeDirectory(ledger, SAMPLE_UNITS);
}
