/** `duban requests [--status S] [--json]`: the review queue (签收/进度/办结/延期 requests) with their decisions. */
import { localTime } from '../../review/notify.js';
import { renderRequestsText } from '../../review/requests-text.js';
import type { RequestRecord } from '../../store/records.js';
import { openStore } from '../../store/open-store.js';
import { storeExists } from '../../store/store-file.js';
import { UsageError, type CliArgs } from '../args.js';
import { loadRuntime } from '../context.js';
import { println, type CliIO } from '../io.js';
import { ledgerView } from '../stored.js';

const STATUSES: readonly RequestRecord['status'][] = ['pending', 'approved', 'rejected', 'failed'];

export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const status = args.status as RequestRecord['status'] | undefined;
  if (status !== undefined && !STATUSES.includes(status)) throw new UsageError(`--status 只能是 ${STATUSES.join(' | ')}，收到 "${args.status}"。`);
  const { loaded } = loadRuntime(args, io);
  let requests: RequestRecord[] = [];
  if (storeExists(loaded.dataDir, loaded.config.store)) {
    const store = ledgerView(await openStore(loaded.dataDir, loaded.config.store), loaded);
    try {
      requests = await store.requests({ status, taskId: args.task });
    } finally {
      await store.close();
    }
  }
  println(io.stdout, args.format === 'json' ? JSON.stringify({ requests }, null, 2) : renderRequestsText(requests, (iso) => localTime(iso, loaded.config.timezone), status));
  return 0;
}
