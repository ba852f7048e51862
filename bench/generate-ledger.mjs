/** Generates a synthetic ledger (tasks.csv + units.csv) of the given size, deterministic for a seed. */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const KINDS = ['交通局', '林业局', '司法局', '商务委', '卫健委', '人力社保局', '退役军人事务局', '市场监督管理局', '城管局',
  '农业农村委', '住房城乡建委', '科技局', '教育委', '财政局', '公安局', '民政局', '生态环境局', '水利局', '文化旅游委', '应急管理局'];
const STATUSES = ['未开始', '进行中', '推进中', '已完成', '暂缓', '已延期', '按序时推进'];
const NOTES = ['已召开专题会议研究部署', '正在组织实施，完成现场踏勘', '资料收集整理中', '已完成验收并归档', '待上级批复'];

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function csvCell(value) {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes `dir/tasks.csv` and `dir/units.csv`; returns their paths. */
export function generateLedger(dir, { tasks = 10_000, units = 300, seed = 7 } = {}) {
  mkdirSync(dir, { recursive: true });
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const unitNames = Array.from({ length: units }, (_, i) => `第${Math.floor(i / KINDS.length) + 1}区${KINDS[i % KINDS.length]}`);
  const unitRows = [['单位', '别名', '联络员', '联络员账号', '工作群']];
  unitNames.forEach((name, i) => {
    unitRows.push([name, '', `联络员${i + 1}`, `ou_${(i + 1).toString(16).padStart(32, '0')}`, i % 3 === 0 ? `oc_${(i + 1).toString(16).padStart(32, '0')}` : '']);
  });
  const rows = [['编号', '类别', '任务', '责任单位', '协助单位', '开始日期', '截止日期', '状态', '进度', '进展情况', '更新时间']];
  for (let i = 1; i <= tasks; i++) {
    const lead = [pick(unitNames)];
    if (random() < 0.15) lead.push(pick(unitNames));
    const assist = random() < 0.6 ? [pick(unitNames), pick(unitNames)] : [];
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const dueForms = [`2022-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, `2022/${month}/${day}`,
      `2022年${month}月${day}日`, `${month}月底前`, '长期坚持'];
    const status = pick(STATUSES);
    const progress = status === '已完成' ? '100%' : `${Math.floor(random() * 100)}%`;
    rows.push([String(i), `类别${1 + (i % 12)}`, `第${i}项重点任务：推进双拥工作落实${i % 7 === 0 ? '，做好双拥公园维护' : ''}`,
      lead.join('、'), assist.join('、'), '2022-01-01', pick(dueForms), status, progress, pick(NOTES), '2022-05-20']);
  }
  const tasksPath = join(dir, 'tasks.csv');
  const unitsPath = join(dir, 'units.csv');
  writeFileSync(tasksPath, '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n');
  writeFileSync(unitsPath, unitRows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n');
  return { tasksPath, unitsPath, unitNames };
}
