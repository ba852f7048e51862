/** A PostgreSQL URL: recognised, shown without its password wherever the password is written, and read for messages. */
import { describe, expect, it } from 'vitest';
import { databasePassword, databaseTarget, isDatabaseUrl, maskDatabaseUrl } from '../../src/config/database-url.js';

describe('database URLs', () => {
  it('recognises postgres:// and postgresql:// only', () => {
    expect(['postgres://db/duban', 'POSTGRESQL://db/duban', 'mysql://db/duban', '/var/lib/duban.sqlite'].map(isDatabaseUrl)).toEqual([true, true, false, false]);
  });

  it('masks the password in the user part and in a password= parameter', () => {
    expect(maskDatabaseUrl('postgres://duban:p%40ss-w0rd@db.example.org:5432/duban')).toBe('postgres://duban:***@db.example.org:5432/duban');
    expect(maskDatabaseUrl('postgres://db.example.org/duban?user=duban&password=hunter22&sslmode=require')).toBe('postgres://db.example.org/duban?user=duban&password=***&sslmode=require');
    expect(maskDatabaseUrl('postgres://duban@db.example.org/duban')).toBe('postgres://duban@db.example.org/duban');
    expect(maskDatabaseUrl('postgres://duban:pw@[::1')).toBe('postgres://***');
  });

  it('reads the password (decoded) so logs can mask it, and names the target with the driver’s defaults', () => {
    expect(databasePassword('postgres://duban:p%40ss-w0rd@db/duban')).toBe('p@ss-w0rd');
    expect(databasePassword('postgres://db/duban?password=hunter22')).toBe('hunter22');
    expect(databasePassword('postgres://duban@db/duban')).toBeNull();
    expect(databaseTarget('postgres://duban:pw@db.example.org:6432/office', {})).toEqual({ host: 'db.example.org', port: '6432', user: 'duban', database: 'office' });
    expect(databaseTarget('postgres:///office', { PGHOST: '/var/run/postgresql', USER: 'duban' })).toEqual({ host: '/var/run/postgresql', port: '5432', user: 'duban', database: 'office' });
    expect(databaseTarget('postgres://', { PGUSER: 'ops', PGPORT: '5433' })).toEqual({ host: 'localhost', port: '5433', user: 'ops', database: 'ops' });
  });
});
