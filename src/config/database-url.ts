/** A PostgreSQL URL (store: / DUBAN_DATABASE_URL): recognising it, and showing it without its password. */

/** True for postgres://… and postgresql://… */
export function isDatabaseUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The URL with its password (in the user part or a password= parameter) replaced by ***. */
export function maskDatabaseUrl(url: string): string {
  const parsed = parse(url);
  if (!parsed) return 'postgres://***';
  if (parsed.password) parsed.password = '***';
  if (parsed.searchParams.has('password')) parsed.searchParams.set('password', '***');
  return parsed.toString();
}

/** The password in the URL, if any, so logs can mask it. */
export function databasePassword(url: string): string | null {
  const parsed = parse(url);
  if (!parsed) return null;
  const password = parsed.password ? decodeURIComponent(parsed.password) : parsed.searchParams.get('password');
  return password || null;
}

/**
 * Host, port, user and database the URL names, for messages; where it leaves one out, the PG* environment variable
 * or the default the pg driver falls back to.
 */
export function databaseTarget(url: string, env: NodeJS.ProcessEnv = process.env): { host: string; port: string; user: string; database: string } {
  const parsed = parse(url);
  const param = (name: string) => parsed?.searchParams.get(name) ?? '';
  const user = decodeURIComponent(parsed?.username ?? '') || param('user') || env.PGUSER || env.USER || 'postgres';
  return {
    host: decodeURIComponent(parsed?.hostname ?? '') || param('host') || env.PGHOST || 'localhost',
    port: parsed?.port || param('port') || env.PGPORT || '5432',
    user,
    database: decodeURIComponent((parsed?.pathname ?? '').replace(/^\//, '')) || param('dbname') || env.PGDATABASE || user,
  };
}
