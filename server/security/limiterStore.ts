import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { RateLimiterMemory, RateLimiterMySQL, RateLimiterRedis, RateLimiterSQLite, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { createClient } from 'redis';
import type { Dialect } from '../../db/connection';

/** The table migration 006 creates; every limiter keeps its rows there, told apart by key prefix. */
const TABLE = 'rate_limits';
const HOUR_MS = 3_600_000;

export interface LimiterSpec {
  /** Distinguishes this budget's keys from the others' (and the deployment's from others sharing the store). */
  keyPrefix: string;
  points: number;
  durationSeconds: number;
}

/**
 * Makes budgets in one shared store: Redis when REDIS_URL is set, else the
 * application database (SQLite file or MySQL), so every process that shares
 * either shares the count.
 */
export interface LimiterStore {
  kind: 'redis' | 'sqlite' | 'mysql';
  make(spec: LimiterSpec): RateLimiterAbstract;
  close(): Promise<void>;
}

export async function openLimiterStore(opts: { redisUrl?: string; db: { knex: Knex; dialect: Dialect }; databaseUrl: string; log: Logger }): Promise<LimiterStore> {
  if (opts.redisUrl) {
    const client = createClient({ url: opts.redisUrl });
    client.on('error', (err) => opts.log.warn({ err }, 'rate-limit redis error'));
    await client.connect();
    return {
      kind: 'redis',
      make: (spec) =>
        new RateLimiterRedis({
          storeClient: client,
          useRedisPackage: true,
          keyPrefix: spec.keyPrefix,
          points: spec.points,
          duration: spec.durationSeconds,
          // While Redis is away each process counts on its own rather than letting everything through.
          insuranceLimiter: new RateLimiterMemory({ keyPrefix: spec.keyPrefix, points: spec.points, duration: spec.durationSeconds }),
        }),
      close: async () => {
        await client.quit().catch(() => undefined);
      },
    };
  }
  const { knex, dialect } = opts.db;
  // The library's own sweeper lets a failed DELETE go unhandled; ours catches it.
  const sweep = setInterval(() => {
    knex(TABLE)
      .where('expire', '<', Date.now() - HOUR_MS)
      .del()
      .catch((err: unknown) => opts.log.warn({ err }, 'rate-limit sweep failed'));
  }, 10 * 60_000);
  sweep.unref();
  const common = { storeClient: knex, storeType: 'knex', tableName: TABLE, tableCreated: true, clearExpiredByTimeout: false };
  const dbName = dialect === 'mysql' ? decodeURIComponent(new URL(opts.databaseUrl.replace(/^mariadb:/, 'mysql:')).pathname.slice(1)) : '';
  return {
    kind: dialect,
    make: (spec) => {
      const base = { ...common, keyPrefix: spec.keyPrefix, points: spec.points, duration: spec.durationSeconds };
      return dialect === 'mysql' ? new RateLimiterMySQL({ ...base, dbName }) : new RateLimiterSQLite(base);
    },
    close: async () => clearInterval(sweep),
  };
}
