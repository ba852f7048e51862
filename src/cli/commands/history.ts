/**
 * `duban history [--task ID] [--unit U]`: the whole trail of each task (reminded, acknowledged, requested, decided,
 * written) with who and when, the evidence offices need for their monthly notices.
 */
import { localTime } from '../../review/notify.js';
import { buildTrail } from '../../review/trail.js';
import { renderTrailText } from '../../review/trail-text.js';
import { openStore } from '../../store/open-store.js';
import { STORE_FILE, storeExists } from '../../store/store-file.js';
import type { CliArgs } from '../args.js';
import { loadRuntime } from '../context.js';
import { println, type CliIO } from '../io.js';
import { ledgerView } from '../stored.js';

export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const { loaded } = loadRuntime(args, io);
  const filter = { task: args.task, unit: args.unit };
  if (!storeExists(loaded.dataDir, loaded.config.store)) {
    println(io.stdout, args.format === 'json' ? '{"records":[],"trail":[]}' : `还没有督办记录（数据目录 ${loaded.dataDir} 中没有 ${STORE_FILE}；提醒由 duban serve 或 duban remind --send 发出后才有记录）。`);
    return 0;
  }
  const store = ledgerView(await openStore(loaded.dataDir, loaded.config.store), loaded);
  try {
    const records = await store.history(filter);
    const trail = buildTrail({ reminders: records, acks: await store.acks({ taskId: args.task, unit: args.unit }), requests: await store.requests({ taskId: args.task }) }, filter);
    const scope = [filter.task ? `任务 ${filter.task}` : '', filter.unit ?? ''].filter(Boolean).join('，');
    println(io.stdout, args.format === 'json' ? JSON.stringify({ records, trail }, null, 2) : renderTrailText(trail, (iso) => localTime(iso, loaded.config.timezone), scope));
  } finally {
    await store.close();
  }
  return 0;
}
