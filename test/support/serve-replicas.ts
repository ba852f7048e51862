/**
 * `duban serve` replicas for the e2e tests: real processes (dist/) against the loopback Feishu server (long
 * connection, messages held a while so a run lasts) and, when given, one PostgreSQL database. The ledger has one
 * overdue task per unit and each unit its own group, and the schedule makes the digest and the reminders due at once:
 * the timezone is chosen so that it is midday there, and the day is made a working day.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays } from '../../src/calendar/dates.js';
import { wallClock } from '../../src/calendar/zoned-time.js';
import type { HealthStatus } from '../../src/ops/health.js';
import { createContactRoutes } from './feishu/contact-routes.js';
import { createImRoutes, type ImState } from './feishu/im-routes.js';
import { startFeishuLoopback, type FeishuLoopback } from './feishu/server.js';
import { attachLongConnection } from './feishu/ws.js';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
export const MESSAGES = '/open-apis/im/v1/messages';
export const CONTACTS = '/open-apis/contact/v3/users/batch_get_id';
const UNITS = ['区交通局', '区住房城乡建委', '区城市管理局', '区民政局', '区财政局', '区教委', '区卫生健康委', '区农业农村委', '区文化旅游委', '区商务委', '区生态环境局', '区退役军人事务局'];
/** The one unit whose liaison is given by email: building the reminders looks it up (a place to hold a replica). */
const EMAIL = 'liaison@jtj.example.gov.cn';

const chatId = (name: string) => `oc_${createHash('sha256').update(name).digest('hex').slice(0, 32)}`;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The Etc/GMT zone where it is now between 12:00 and 13:00, and the date there. */
function middayZone(now = new Date()): { timezone: string; date: string } {
  const offset = 12 - now.getUTCHours();
  const timezone = offset === 0 ? 'Etc/GMT' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
  return { timezone, date: wallClock(now, timezone).date };
}

export interface ServeReplica {
  name: string;
  /** Stops the process at once (SIGKILL) and waits for it to be gone. */
  kill(): Promise<void>;
  health(): Promise<HealthStatus>;
  stderr(): string;
}

export interface ReplicaWorld {
  server: FeishuLoopback;
  im: ImState;
  date: string;
  chats: { leaders: string; office: string; units: string[] };
  /** Starts `duban serve` as replica `name` (DUBAN_REPLICA unless `anonymous`) with its own data directory. */
  start(name: string, options?: { anonymous?: boolean; dataDir?: string }): Promise<ServeReplica>;
  /** The POSTs of messages to a chat. */
  postsTo(chat: string): { uuid: string }[];
  close(): Promise<void>;
}

/** The loopback server, the ledger and the configuration; `databaseUrl` null keeps each replica's state in SQLite. */
export async function replicaWorld(databaseUrl: string | null, leaseSeconds = 2): Promise<ReplicaWorld> {
  const { timezone, date } = middayZone();
  const chats = { leaders: chatId('leaders'), office: chatId('office'), units: UNITS.map(chatId) };
  const im = createImRoutes({ chats: [chats.leaders, chats.office, ...chats.units].map((chat_id) => ({ chat_id, name: chat_id })), bot: { open_id: 'ou_replicabot0001', app_name: 'duban' } });
  const server = await startFeishuLoopback({ routes: [...im.routes, ...createContactRoutes({ emails: { [EMAIL]: 'ou_jtjliaison000000000000000000001' } })] });
  attachLongConnection(server);
  const dir = mkdtempSync(join(tmpdir(), 'duban-replicas-'));
  const due = addDays(date, -10);
  writeFileSync(join(dir, 'tasks.csv'), ['编号,任务,责任单位,开始日期,截止日期,状态,进度,进展情况', ...UNITS.map((unit, i) => `${i + 1},第${i + 1}项重点工作,${unit},2026-01-05,${due},进行中,30%,正在推进`)].join('\n'));
  writeFileSync(join(dir, 'units.csv'), ['单位,联络员,联络员账号,工作群', ...UNITS.map((unit, i) => `${unit},联络员${i + 1},${i === 0 ? EMAIL : `ou_liaison${String(i).padStart(22, '0')}`},${chats.units[i]}`)].join('\n'));
  const children: ChildProcess[] = [];

  async function start(name: string, options: { anonymous?: boolean; dataDir?: string } = {}): Promise<ServeReplica> {
    const healthPort = await freePort();
    const home = options.dataDir ?? join(dir, name);
    mkdirSync(home, { recursive: true });
    const config = join(home, 'duban.yaml');
    writeFileSync(config, [
      `sheet: ${join(dir, 'tasks.csv')}`,
      `units: ${join(dir, 'units.csv')}`,
      `timezone: ${timezone}`,
      `chats: { leaders: ${chats.leaders}, office: ${chats.office} }`,
      "schedule: { digest: '0 10 * * *', remind: '30 10 * * *', weekly: '0 15 * * *', monthly: '0 15 * * *' }",
      `calendar: { workdays: [${date}] }`,
      `replicas: { leaseSeconds: ${leaseSeconds} }`,
      `health: { port: ${healthPort} }`,
      `dataDir: ${join(home, 'state')}`,
      '',
    ].join('\n'));
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH, FEISHU_APP_ID: server.appId, FEISHU_APP_SECRET: server.appSecret, FEISHU_DOMAIN: server.url,
      NO_PROXY: '127.0.0.1,localhost', DUBAN_LOG_LEVEL: 'info',
      ...(databaseUrl ? { DUBAN_DATABASE_URL: databaseUrl } : {}),
      ...(options.anonymous ? {} : { DUBAN_REPLICA: name }),
    };
    const child = spawn(process.execPath, [CLI, 'serve', '--config', config], { cwd: home, env, stdio: ['ignore', 'ignore', 'pipe'] });
    children.push(child);
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    return {
      name,
      kill: async () => {
        child.kill('SIGKILL');
        await exited;
      },
      health: async () => (await fetch(`http://127.0.0.1:${healthPort}/healthz`)).json() as Promise<HealthStatus>,
      stderr: () => stderr,
    };
  }

  return {
    server,
    im,
    date,
    chats,
    start,
    postsTo: (chat) => server.requestsTo(MESSAGES, 'POST').filter((r) => r.body?.receive_id === chat).map((r) => ({ uuid: r.body.uuid as string })),
    async close() {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await server.close();
    },
  };
}

/** Waits until `condition` holds (polled), or fails naming `what`. */
export async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
