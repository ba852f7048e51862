/** `duban history [--task ID] [--unit U]`: the reminder log, the evidence offices need for their monthly notices. */
import { renderHistoryText } from '../../jobs/history-text.js';
import { openStore } from '../../store/open-store.js';
import { STORE_FILE, storeExists } from '../../store/store-file.js';
import type { CliArgs } from '../args.js';
import { loadRuntime } from '../context.js';
import { println, type CliIO } from '../io.js';

export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const { loaded } = loadRuntime(args, io);
  const filter = { task: args.task, unit: args.unit };
  if (!storeExists(loaded.dataDir, loaded.config.store)) {
    println(io.stdout, args.format === 'json' ? '{"records":[]}' : `还没有提醒记录（数据目录 ${loaded.dataDir} 中没有 ${STORE_FILE}；提醒由 duban serve 或 duban remind --send 发出后才有记录）。`);
    return 0;
  }
  const store = await openStore(loaded.dataDir, loaded.config.store);
  try {
    const records = await store.history(filter);
    println(io.stdout, args.format === 'json' ? JSON.stringify({ records }, null, 2) : renderHistoryText(records, filter));
  } finally {
    await store.close();
  }
  return 0;
}
