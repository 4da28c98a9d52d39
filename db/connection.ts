import fs from 'node:fs';
import path from 'node:path';
import knex, { type Knex } from 'knex';
import { clusterConnection, parseClusterUrl } from './clusterConnection';

export type Dialect = 'sqlite' | 'mysql';

export interface DbHandle {
  knex: Knex;
  dialect: Dialect;
}

/**
 * Opens the database named by a URL: `mysql://user:pass@host:port/db` for
 * MySQL/MariaDB (`mysql://user:pass@h1:p1,h2:p2/db` for a cluster, hosts
 * tried in that order), `sqlite:path/to/file.sqlite` (or `sqlite::memory:`)
 * for the embedded store.
 */
export function openDatabase(url: string): DbHandle {
  if (url.startsWith('mysql://') || url.startsWith('mariadb://')) {
    // Strings in, strings out: the same values on both databases.
    const options = { dateStrings: true, timezone: 'Z', charset: 'utf8mb4', supportBigNumbers: true };
    const cluster = parseClusterUrl(url);
    if (cluster) {
      // Several hosts (a Galera cluster): each new connection through the first one up (db/clusterConnection.ts).
      const { connection, afterCreate } = clusterConnection(cluster, options);
      return { dialect: 'mysql', knex: knex({ client: 'mysql2', connection, pool: { min: 0, max: 16, afterCreate } }) };
    }
    return {
      dialect: 'mysql',
      knex: knex({
        client: 'mysql2',
        connection: { uri: url.replace(/^mariadb:/, 'mysql:'), ...options } as Knex.MySql2ConnectionConfig,
        pool: { min: 0, max: 16 },
      }),
    };
  }
  if (!url.startsWith('sqlite:')) throw new Error(`DATABASE_URL must start with mysql:// or sqlite: (got ${url})`);
  const filename = url.slice('sqlite:'.length) || ':memory:';
  if (filename !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(filename)), { recursive: true });
  return {
    dialect: 'sqlite',
    knex: knex({
      client: 'better-sqlite3',
      connection: { filename },
      useNullAsDefault: true,
      // One connection: SQLite has one writer, and queueing in the pool beats SQLITE_BUSY.
      pool: {
        min: 1,
        max: 1,
        afterCreate: (conn: { pragma: (s: string) => void }, done: (err: Error | null, conn: unknown) => void) => {
          conn.pragma('journal_mode = WAL');
          conn.pragma('foreign_keys = ON');
          conn.pragma('busy_timeout = 5000');
          done(null, conn);
        },
      },
    }),
  };
}

/** Time as stored: UTC, millisecond precision, a string both databases sort correctly. */
export function dbTime(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/** The instant a stored time (`dbTime`'s UTC string) stands for. */
export function fromDbTime(value: string): Date {
  return new Date(`${value.replace(' ', 'T')}Z`);
}

export function parseJson<T>(value: unknown): T {
  if (typeof value === 'string') return JSON.parse(value) as T;
  return value as T;
}

export function toBool(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}

/**
 * Text for `LIKE ? escape '!'`, its wildcards escaped with '!': SQLite has no
 * default LIKE escape character, and a backslash would be spelt differently in
 * SQLite and MySQL.
 */
export function likeText(text: string): string {
  return text.replace(/[!%_]/g, (c) => `!${c}`);
}
