/** `duban store migrate | status`: the state database's schema, brought up to date or shown, SQLite or PostgreSQL. */
import { migrateStore, schemaProblem, storeStatus, type StoreStatus } from '../../store/open-store.js';
import { UsageError, type CliArgs } from '../args.js';
import { loadRuntime } from '../context.js';
import { println, type CliIO } from '../io.js';

const BACKEND_NAMES = { sqlite: 'SQLite', postgresql: 'PostgreSQL' } as const;

const where = (status: StoreStatus) => `${BACKEND_NAMES[status.backend]} ${status.location}`;

export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const { loaded } = loadRuntime(args, io);
  const url = loaded.config.store ?? null;
  const [action, extra] = args.positionals;
  if (extra !== undefined || (action !== 'migrate' && action !== 'status')) {
    throw new UsageError('duban store 需要一个子命令：migrate（建立或升级状态数据库的表结构）或 status（查看数据库类型和结构版本）。');
  }
  if (action === 'migrate') {
    const result = await migrateStore(loaded.dataDir, url);
    const text = result.from === result.version
      ? `数据库结构已是最新（第 ${result.version} 版）：${where(result)}`
      : `已把数据库结构从第 ${result.from} 版升级到第 ${result.version} 版：${where(result)}`;
    println(io.stdout, args.format === 'json' ? JSON.stringify(result, null, 2) : text);
    return 0;
  }
  const status = await storeStatus(loaded.dataDir, url);
  const problem = schemaProblem(status.version, status.location);
  if (args.format === 'json') {
    println(io.stdout, JSON.stringify({ ...status, current: problem === null }, null, 2));
    return 0;
  }
  const lines = [`状态数据库：${where(status)}`, `结构版本：第 ${status.version} 版（本程序需要第 ${status.latest} 版${problem ? '' : '，已是最新'}）`];
  if (problem) lines.push(problem.message);
  println(io.stdout, lines.join('\n'));
  return 0;
}
