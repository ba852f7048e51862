/** --ledger on the commands: the chosen ledger's sheet and settings, a mistyped name, several ledgers and none chosen. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDuban } from '../support/run-cli.js';

const HEADER = '编号,任务,责任单位,截止日期,状态,进度';
let cwd = '';

beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'duban-ledger-option-'));
  writeFileSync(join(cwd, 'a.csv'), `${HEADER}\n1,建设双拥主题文化园,区交通局,2022-06-30,进行中,60%\n`);
  writeFileSync(join(cwd, 'b.csv'), `${HEADER}\n1,改造老旧小区道路,区交通局,2022-07-15,进行中,40%\n2,新建农贸市场,区商务委,2022-09-30,未开始,0%\n`);
  writeFileSync(join(cwd, 'duban.yaml'), JSON.stringify({
    dataDir: 'state',
    ledgers: [{ name: '双拥', sheet: 'a.csv' }, { name: '民生实事', aliases: ['民生'], sheet: 'b.csv' }],
  }));
});

const duban = (...argv: string[]) => runDuban([...argv, '--config', 'duban.yaml'], { cwd });

describe('--ledger', () => {
  it("reads the chosen ledger's sheet, by name or alias", async () => {
    const shuangyong = await duban('digest', '--ledger', '双拥', '--today', '2022-06-27', '--json');
    expect(shuangyong.code).toBe(0);
    expect(shuangyong.json().total).toBe(1);
    const minsheng = await duban('digest', '--ledger', '民生', '--today', '2022-06-27', '--json');
    expect(minsheng.json().total).toBe(2);
  });

  it('refuses an unknown name with the nearest one (exit 2)', async () => {
    const run = await duban('digest', '--ledger', '民生实', '--today', '2022-06-27');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('没有名为“民生实”的台账，是不是 --ledger 民生实事？（配置的台账：双拥、民生实事）');
  });

  it('asks for --ledger with several ledgers, listing them (exit 2)', async () => {
    for (const command of [['digest'], ['update', '1', '--progress', '80%'], ['history'], ['requests']]) {
      const run = await duban(...command);
      expect([command[0], run.code]).toEqual([command[0], 2]);
      expect(run.stderr).toContain(`配置了 2 个台账（双拥、民生实事），请用 --ledger 指定其中一个，例如 duban ${command[0]} --ledger 双拥。`);
    }
  });

  it('validates every ledger under its name without --ledger', async () => {
    const run = await duban('validate', '--json');
    expect(run.code).toBe(0);
    const noDirectory = (units: string) => ({
      row: null, column: '联络员账号', severity: 'warning', code: 'no_liaison', sheet: '单位通讯录',
      message: `没有单位通讯录：${units}的提醒都无法 @ 到联络员；请在台账旁放 units.csv、在表格中加“单位”工作表，或用 --units 指定`,
    });
    expect(run.json()).toEqual({
      ok: true,
      ledgers: [
        { ledger: '双拥', ok: true, problems: [noDirectory('1 个责任单位（区交通局）')] },
        { ledger: '民生实事', ok: true, problems: [noDirectory('2 个责任单位（区交通局、区商务委）')] },
      ],
    });
    const text = await duban('validate');
    expect(text.stdout.split('\n').filter((line) => line.startsWith('【'))).toEqual(['【双拥】', '【提醒（1）】', '【民生实事】', '【提醒（1）】']);
  });

  it('looks up the ledger of a request for approve without --ledger, and says when no ledger has it', async () => {
    const run = await duban('approve', 'R9');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('没有在任何台账中找到申请 R9（配置的台账：双拥、民生实事）');
  });
});
