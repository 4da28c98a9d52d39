import { EventEmitter } from 'node:events';
import pino, { type Logger } from 'pino';
import { openDatabase, type DbHandle } from '../db/connection';
import { migrateLatest } from '../db/migrate';
import { loadCalendar } from '../db/repositories/calendar';
import { seedIfEmpty } from '../db/seed';
import { WorkCalendar, type CalendarDay } from '../workflows/calendar';
import { resolveJwtSecret, resolveSearchKey } from './auth/secret';
import { backfillSearchHashes } from './search/backfill';
import type { Config, LoadedConfig } from './config';
import type { BlobStore } from './files/blobStore';
import { blobStoreFor } from './files/storageOf';
import { loadSigningKey, type SigningKey } from './documents/signingKey';
import { defaultSecretFile } from './auth/secret';
import path from 'node:path';

/** Emitted after a transition commits; the live-status gateway listens here. */
export interface CommittedTransition {
  caseId: number;
  caseNo: string;
  seq: number;
}

/** Emitted after a change to a user that revokes their tokens commits; the gateway then cuts their sockets. */
export interface UserChanged {
  userId: number;
}

/** Emitted after a command on another aggregate (an e-licence …) commits: its event waits in `aggregate_events`. */
export interface CommittedAggregate {
  aggregate: string;
  id: number;
  seq: number;
}

export interface AppEvents {
  committed: [CommittedTransition];
  aggregateCommitted: [CommittedAggregate];
  userChanged: [UserChanged];
  /** Any save of a user, revoking or not: cached copies of the row are dropped (server/auth/userCache.ts). */
  userSaved: [UserChanged];
}

/** Everything a command needs, built once at start-up and passed down explicitly. */
export interface AppContext {
  config: Config;
  db: DbHandle;
  log: Logger;
  calendar: WorkCalendar;
  now: () => Date;
  events: EventEmitter<AppEvents>;
  /** Material file content, addressed by SHA-256 (server/files/blobStore.ts). */
  blobs: BlobStore;
  /** The key e-licences and official documents are signed with (server/documents/signingKey.ts). */
  signingKey: SigningKey;
  reloadCalendar(): Promise<void>;
  close(): Promise<void>;
}

/** The published years, plus the next one counted provisionally by weekdays (flagged on every deadline in it). */
function planningCalendar(days: CalendarDay[], years: number[]): WorkCalendar {
  const next = years.length ? Math.max(...years) + 1 : new Date().getUTCFullYear();
  return new WorkCalendar(days, years, { provisionalYears: [next] });
}

/** Real time, or time running on from CLOCK_START (to show the clock and lights across a holiday). */
function clockFrom(start: string | undefined): () => Date {
  if (!start) return () => new Date();
  const offset = Date.parse(start) - Date.now();
  return () => new Date(Date.now() + offset);
}

export interface ContextOptions {
  now?: () => Date;
  log?: Logger;
}

export async function createContext(loaded: LoadedConfig, opts: ContextOptions = {}): Promise<AppContext> {
  const log = opts.log ?? pino({ level: loaded.LOG_LEVEL });
  const config: Config = { ...loaded, JWT_SECRET: resolveJwtSecret(loaded, log), SEARCH_HASH_KEY: resolveSearchKey(loaded, log) };
  const db = openDatabase(config.DATABASE_URL);
  await migrateLatest(db.knex);
  if (config.SEED_ON_START) {
    const seeded = await seedIfEmpty(db.knex, log);
    if (seeded) log.info({ dialect: db.dialect }, 'seeded an empty database with demo data');
  }
  await backfillSearchHashes(db.knex, config.SEARCH_HASH_KEY, log);
  const cal = await loadCalendar(db.knex);
  const ctx: AppContext = {
    config,
    db,
    log,
    calendar: planningCalendar(cal.days, cal.years),
    now: opts.now ?? clockFrom(config.CLOCK_START),
    events: new EventEmitter(),
    blobs: blobStoreFor(config, db.knex, db.dialect),
    signingKey: loadSigningKey({
      pem: config.LICENCE_SIGNING_KEY,
      file: config.LICENCE_SIGNING_KEY_FILE,
      dataDir: path.dirname(defaultSecretFile(config.DATABASE_URL, 'x')),
      production: config.NODE_ENV === 'production',
      log,
    }),
    async reloadCalendar() {
      const fresh = await loadCalendar(db.knex);
      ctx.calendar = planningCalendar(fresh.days, fresh.years);
    },
    async close() {
      await db.knex.destroy();
    },
  };
  return ctx;
}
