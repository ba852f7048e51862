/**
 * `--sheet` / `sheet:` to a LedgerSource. The location's form picks the backend (location.ts). The Google Sheets,
 * Feishu Sheets and Bitable backends (and their SDKs) are imported only when such a source is first read or written,
 * so local commands start fast.
 */
import type { FeishuApi } from '../feishu/feishu-api.js';
import type { Logger } from '../log/logger.js';
import { readLocalTable } from '../ledger/read-local.js';
import { deferredSource } from './deferred-source.js';
import type { FeishuApiFactory } from './feishu-sheet.js';
import type { GoogleClientFactory } from './google-client.js';
import { localFileSource } from './local-file.js';
import { isTableFile, parseLocation, type SourceLocation } from './location.js';
import type { Sleep } from '../retry/backoff.js';
import { lockedWrites, type LedgerLock } from './locked-writes.js';
import type { LedgerSource } from './source.js';
import { SourceError } from './source-error.js';

export interface SourceDeps {
  /** Unit directory: a local file path (any backend), or a tab name (sheets) / table id (Bitable) beside the ledger. */
  units?: string;
  logger: Logger;
  /** The Feishu client; built from FEISHU_APP_ID / FEISHU_APP_SECRET / FEISHU_DOMAIN when absent. Called lazily. */
  feishuApi?: FeishuApiFactory;
  /** The Google Sheets client; built from the GOOGLE_* variables when absent. Called lazily. */
  google?: GoogleClientFactory;
  env: NodeJS.ProcessEnv;
  /** Sleep used by retries (tests pass a fake). */
  sleep?: Sleep;
  /** The ledger's lock shared by replicas (the store's withLedgerLock): every write-back runs inside it. */
  ledgerLock?: LedgerLock;
}

type FeishuLocation = Extract<SourceLocation, { kind: 'feishu-sheet' | 'bitable' | 'feishu-wiki' }>;

/** Opens the ledger at a local path or URL; throws a SourceError (LocationError) for a URL duban cannot use. */
export function openSource(location: string, deps: SourceDeps): LedgerSource {
  const source = openBackend(location, deps);
  return deps.ledgerLock ? lockedWrites(source, deps.ledgerLock) : source;
}

function openBackend(location: string, deps: SourceDeps): LedgerSource {
  const where = parseLocation(location);
  if (where.kind === 'local') return localFileSource({ path: where.path, units: deps.units, logger: deps.logger });

  const unitsFile = deps.units !== undefined && isTableFile(deps.units) ? deps.units : null;
  const unitsName = deps.units !== undefined && !unitsFile ? deps.units : null;
  const source = deferredSource(location, async () => {
    if (where.kind !== 'google') return feishuSource(where, location, unitsName, deps);
    const [{ googleSheetSource }, { createGoogleSheetsClient }] = await Promise.all([import('./google-sheets.js'), import('./google-client.js')]);
    return googleSheetSource({
      location,
      spreadsheetId: where.spreadsheetId,
      gid: where.gid,
      unitsTab: unitsName,
      client: deps.google ?? (() => createGoogleSheetsClient(deps.env)),
      logger: deps.logger,
      sleep: deps.sleep,
    });
  });
  return unitsFile ? withUnitsFile(source, unitsFile) : source;
}

/** A Feishu Sheets or Bitable source; a wiki node is resolved to the one or the other first. */
async function feishuSource(where: FeishuLocation, location: string, unitsName: string | null, deps: SourceDeps): Promise<LedgerSource> {
  const [{ feishuSheetSource }, { bitableSource }, { resolveWikiNode }] = await Promise.all([
    import('./feishu-sheet.js'),
    import('./bitable.js'),
    import('./feishu-wiki.js'),
  ]);
  const api = memo(deps.feishuApi ?? (() => feishuFromEnv(deps.env, deps.logger)));
  const sheet = (token: string, tab: string | null) =>
    feishuSheetSource({ location, token, sheet: tab, unitsTab: unitsName, api, logger: deps.logger });
  const base = (appToken: string, tableId: string) =>
    bitableSource({ location, appToken, tableId, unitsTable: unitsName, api, logger: deps.logger });
  if (where.kind === 'feishu-sheet') return sheet(where.token, where.sheet);
  if (where.kind === 'bitable') return base(where.appToken, where.tableId);
  const node = await resolveWikiNode(await api(), where.nodeToken);
  if (node.objType === 'sheet') return sheet(node.objToken, where.sheet);
  if (node.objType === 'bitable' && where.tableId) return base(node.objToken, where.tableId);
  if (node.objType === 'bitable') throw new SourceError(`知识库中的多维表格链接缺少 table 参数：${location}。请打开要用的数据表后再复制链接。`);
  throw new SourceError(`知识库页面“${node.title}”是 ${node.objType} 文档，不是电子表格或多维表格。`);
}

/** An online ledger whose unit directory is a local file. */
function withUnitsFile(source: LedgerSource, unitsPath: string): LedgerSource {
  return {
    location: source.location,
    revision: () => source.revision(),
    updateTask: (id, update) => source.updateTask(id, update),
    readTab: source.readTab,
    columnRules: source.columnRules,
    appendRows: source.appendRows,
    async read() {
      const [read, units] = await Promise.all([source.read(), readLocalTable(unitsPath)]);
      return { ...read, units };
    },
  };
}

function memo(factory: FeishuApiFactory): () => Promise<FeishuApi> {
  let client: Promise<FeishuApi> | null = null;
  return () => (client ??= Promise.resolve(factory()));
}

async function feishuFromEnv(env: NodeJS.ProcessEnv, logger: Logger): Promise<FeishuApi> {
  if (!env.FEISHU_APP_ID || !env.FEISHU_APP_SECRET) {
    throw new SourceError('读取飞书表格需要飞书应用凭据：请设置 FEISHU_APP_ID 和 FEISHU_APP_SECRET（或配置文件 feishu.appId / appSecret）。');
  }
  const { createFeishuClient } = await import('../feishu/feishu-client.js');
  return createFeishuClient({ appId: env.FEISHU_APP_ID, appSecret: env.FEISHU_APP_SECRET, domain: env.FEISHU_DOMAIN ?? 'feishu', logger });
}
