import { describe, expect, it } from 'vitest';
import { runDuban } from '../support/run-cli.js';

describe('duban serve in local mode', () => {
  it('prints the digest and reminders, answers piped questions and exits at end of input', async () => {
    const run = await runDuban(['serve'], { stdin: '交通局负责哪些任务\nwhich units have the most overdue tasks\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('本地模式');
    expect(run.stdout).toContain('督办日报');
    expect(run.stdout).toContain('督办提醒');
    // Each section starts after a blank line, so the digest's last table does not run into the reminders.
    expect(run.stdout).toMatch(/\n\n【今日简报 → 领导群】\n[\s\S]*\S\n\n【今日提醒 → 工作群】\n/);
    expect(run.stdout).toContain('> 交通局负责哪些任务');
    expect(run.stdout).toContain('区交通局');
    expect(run.stdout).toContain('> which units have the most overdue tasks');
  });

  it.each(['digest', 'remind'])('%s --send without Feishu fails with exit code 4 and says what to set', async (command) => {
    const run = await runDuban([command, '--send']);
    expect(run.code).toBe(4);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('没有配置飞书，无法发送：请设置环境变量 FEISHU_APP_ID 和 FEISHU_APP_SECRET');
  });
});
