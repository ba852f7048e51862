/**
 * A lock across processes for writing a local ledger: the file `.<name>.duban-lock` beside it, created exclusively
 * (O_EXCL), holding the owner's pid, host and start time, its modification time refreshed while held. A lock whose
 * owner is gone (a dead pid on this host) or that has not been refreshed for `staleMs` (a crashed owner on another
 * host sharing the folder) is taken over; breaking one goes through a second exclusive file, so two waiters never
 * both break the same lock and then remove each other's.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, stat, unlink, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { SourceError } from './source-error.js';

export interface FileLockOptions {
  /** How long to wait for a live owner before giving up (default 30 s). */
  waitMs?: number;
  /** A lock not refreshed for this long is stale (default 30 s); a held lock is refreshed every staleMs / 3. */
  staleMs?: number;
  /** Polling interval while waiting (default 10 ms, with jitter). */
  pollMs?: number;
}

interface Holder {
  pid: number;
  host: string;
  at: string;
  token: string;
}

/** The lock file of a ledger. */
export function lockPathOf(path: string): string {
  return join(dirname(path), `.${basename(path)}.duban-lock`);
}

/** Runs `work` holding the ledger's lock; throws a SourceError naming the owner when it stays held past `waitMs`. */
export async function withFileLock<T>(path: string, work: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const lockPath = lockPathOf(path);
  const staleMs = options.staleMs ?? 30_000;
  const token = await acquire(lockPath, { waitMs: options.waitMs ?? 30_000, staleMs, pollMs: options.pollMs ?? 10 });
  const now = () => new Date();
  const refresh = setInterval(() => void utimes(lockPath, now(), now()).catch(() => undefined), Math.max(1000, staleMs / 3));
  refresh.unref();
  try {
    return await work();
  } finally {
    clearInterval(refresh);
    await release(lockPath, token);
  }
}

async function acquire(lockPath: string, options: Required<FileLockOptions>): Promise<string> {
  const token = randomBytes(8).toString('hex');
  const deadline = Date.now() + options.waitMs;
  for (;;) {
    if (await create(lockPath, JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString(), token }))) return token;
    const holder = await readHolder(lockPath);
    if (holder === 'gone') continue;
    if (await isStale(lockPath, holder, options.staleMs)) {
      await breakLock(lockPath, holder);
      continue;
    }
    if (Date.now() > deadline) throw heldTooLong(lockPath, holder, options.waitMs);
    await new Promise((resolve) => setTimeout(resolve, options.pollMs * (0.5 + Math.random())));
  }
}

/** Creates the file with this content only if it does not exist; false when it does. */
async function create(path: string, content: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new SourceError(`无法在台账旁创建锁文件 ${path}（${(error as NodeJS.ErrnoException).code ?? String(error)}）：请确认 duban 对该文件夹有写权限。`, { cause: error });
  }
  try {
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
  return true;
}

/** The holder as recorded; null while its owner is still writing it (or it is unreadable); 'gone' when removed. */
async function readHolder(lockPath: string): Promise<Holder | null | 'gone'> {
  try {
    const parsed = JSON.parse(await readFile(lockPath, 'utf8')) as Partial<Holder>;
    return typeof parsed.pid === 'number' && typeof parsed.token === 'string' ? (parsed as Holder) : null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : null;
  }
}

async function isStale(lockPath: string, holder: Holder | null, staleMs: number): Promise<boolean> {
  if (holder && holder.host === hostname() && !isAlive(holder.pid)) return true;
  const info = await stat(lockPath).catch(() => null);
  return info !== null && Date.now() - info.mtimeMs > staleMs;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes a stale lock, unless another waiter is breaking it or it changed hands since it was judged stale. */
async function breakLock(lockPath: string, judged: Holder | null): Promise<void> {
  const breaker = `${lockPath}.break`;
  if (!(await create(breaker, String(process.pid)))) {
    // A breaker left by a process that died while breaking (it holds it for microseconds otherwise).
    const info = await stat(breaker).catch(() => null);
    if (info && Date.now() - info.mtimeMs > 10_000) await unlink(breaker).catch(() => undefined);
    return;
  }
  try {
    const now = await readHolder(lockPath);
    const same = now !== 'gone' && (now === null || judged === null ? now === judged : now.token === judged.token);
    if (same) await unlink(lockPath).catch(() => undefined);
  } finally {
    await unlink(breaker).catch(() => undefined);
  }
}

async function release(lockPath: string, token: string): Promise<void> {
  const holder = await readHolder(lockPath);
  // A lock taken over as stale belongs to its new owner now: leave it.
  if (holder !== 'gone' && holder?.token === token) await unlink(lockPath).catch(() => undefined);
}

function heldTooLong(lockPath: string, holder: Holder | null, waitMs: number): SourceError {
  const who = holder ? `另一个 duban 进程（${holder.host} 上的 pid ${holder.pid}，自 ${holder.at} 起）` : '另一个 duban 进程';
  return new SourceError(
    `台账正由${who}写入，等待 ${Math.round(waitMs / 1000)} 秒后仍未完成，本次更新未写入；请稍后重试。如确认没有 duban 在运行，可删除锁文件 ${lockPath}。`,
  );
}
