import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { privateMysqlDatabase, type PrivateDatabase } from './databases';

/**
 * Real server processes (`node --import tsx server/main.ts`) for tests that
 * kill, restart or run several of them. Every process started here is
 * remembered until it exits; `stopAllServers()` (in afterEach/afterAll) ends
 * whatever a failed test left running, and a last-resort exit hook SIGKILLs
 * the rest, so no server outlives the test run.
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** The variables the server reads; the child gets only those the test names, never the runner's own. */
const SERVER_VARS = [
  'NODE_ENV', 'PORT', 'HOST', 'DATABASE_URL', 'JWT_SECRET', 'JWT_SECRET_FILE', 'SEARCH_HASH_KEY', 'SEARCH_HASH_KEY_FILE', 'LICENCE_SIGNING_KEY', 'LICENCE_SIGNING_KEY_FILE', 'FILE_STORAGE', 'FILE_STORAGE_DIR', 'TOKEN_TTL_HOURS', 'LOG_LEVEL', 'YELLOW_AT', 'BODY_LIMIT',
  'QUERY_CODE_MAX_FAILURES', 'QUERY_CODE_WINDOW_MINUTES', 'SEED_ON_START', 'REDIS_URL', 'PUBLISHER', 'SCHEDULER',
  'OUTBOX_POLL_MS', 'SCHEDULER_INTERVAL_MS', 'STATS_INTERVAL_MS', 'INSTANCE_ID', 'CLOCK_START',
  'LOGIN_MAX_FAILURES', 'LOGIN_MAX_FAILURES_PER_ADDRESS', 'LOGIN_WINDOW_MINUTES', 'FILING_LIMIT', 'FILING_WINDOW_MINUTES',
  'APPLICANT_ACTION_LIMIT', 'APPLICANT_ACTION_WINDOW_MINUTES', 'RATE_LIMIT_PREFIX', 'TRUST_PROXY', 'DEMO_MODE',
];

/** Tells this test file's counters from every other's (a jest worker runs several files, and Redis and MariaDB outlive each). */
const FILE_RUN = randomBytes(4).toString('hex');

export interface ServerProcess {
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** Every JSON log line the process wrote to stdout so far (pino objects). */
  logs: Array<Record<string, any>>;
  /** Sends a signal and resolves when the process has exited (at once if it already had). */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** SIGTERM (a graceful shutdown), then waits for the exit; SIGKILL if it hangs. */
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** Extra environment for the server (PUBLISHER, SCHEDULER, REDIS_URL, CLOCK_START, …). */
  env?: Record<string, string | undefined>;
  /** The database the process opens (see sharedDbUrl). */
  dbUrl: string;
  /** How long to wait for the listening line; tsx start-up takes a few seconds on a small machine. */
  startTimeoutMs?: number;
}

/** Running children, each with a promise of its end (exited and its output read to the last line). */
const live = new Map<ChildProcess, Promise<void>>();

process.once('exit', () => {
  for (const child of live.keys()) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
});

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Starts `server/main.ts` in its own process on port 0 and resolves once it listens. */
export function spawnServer(opts: SpawnOptions): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of SERVER_VARS) delete env[k];
  Object.assign(env, {
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_ON_START: 'false',
    JWT_SECRET: 'test-secret-0123456789',
    LOG_LEVEL: 'info',
    DATABASE_URL: opts.dbUrl,
    // Processes on one database share their rate limits (also in Redis), and no other run's: see testRateLimits.
    RATE_LIMIT_PREFIX: `p${FILE_RUN}-${createHash('sha256').update(opts.dbUrl).digest('hex').slice(0, 8)}`,
    FILING_LIMIT: '100000',
    APPLICANT_ACTION_LIMIT: '100000',
  });
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  // 'close', not 'exit': by then stdout has been read to the end, so `logs` is complete.
  const ended = new Promise<void>((resolve) => child.once('close', () => resolve()));
  live.set(child, ended);
  void ended.then(() => live.delete(child));

  const logs: Array<Record<string, any>> = [];
  let stderr = '';
  let rawOut = '';
  let buffered = '';

  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (!hasExited(child)) child.kill(signal);
    await ended;
  };
  const stop = () => terminate(child, ended);

  return new Promise<ServerProcess>((resolve, reject) => {
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timeout);
      const tail = (s: string) => s.split('\n').slice(-40).join('\n');
      reject(new Error(`server process ${child.pid ?? '?'} ${why}\n--- stderr ---\n${tail(stderr)}\n--- stdout ---\n${tail(rawOut)}`));
    };
    const timeout = setTimeout(() => {
      child.kill('SIGKILL');
      fail(`did not report listening within ${opts.startTimeoutMs ?? 60_000} ms`);
    }, opts.startTimeoutMs ?? 60_000);

    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      if (rawOut.length < 200_000) rawOut += chunk;
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl).trim();
        buffered = buffered.slice(nl + 1);
        if (!line) continue;
        let entry: Record<string, any>;
        try {
          entry = JSON.parse(line);
        } catch {
          continue; // not a log line
        }
        logs.push(entry);
        if (!settled && typeof entry.port === 'number' && typeof entry.msg === 'string' && entry.msg.startsWith('approval engine listening')) {
          settled = true;
          clearTimeout(timeout);
          resolve({ url: `http://127.0.0.1:${entry.port}`, port: entry.port, pid: child.pid!, child, logs, kill, stop });
        }
      }
    });
    child.once('error', (err) => fail(`could not be started: ${err.message}`));
    child.once('close', (code, signal) => fail(`exited before listening (code ${code}, signal ${signal})`));
  });
}

/** SIGTERM (the server shuts down gracefully), SIGKILL if it is still there after 10 s; resolves when it has ended. */
async function terminate(child: ChildProcess, ended: Promise<void>): Promise<void> {
  if (!hasExited(child)) {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await ended;
    clearTimeout(timer);
  }
  await ended;
}

/** Ends every server process still running (SIGTERM, then SIGKILL after 10 s). For afterEach/afterAll. */
export async function stopAllServers(): Promise<void> {
  await Promise.all([...live].map(([child, ended]) => terminate(child, ended)));
}

export function isMysqlUrl(url: string | undefined): boolean {
  return /^(mysql|mariadb):/.test(url ?? '');
}

const tmpDirs: string[] = [];
const databases: PrivateDatabase[] = [];
let dbCounter = 0;

/**
 * A fresh, seeded database for a group of server processes to share.
 * SQLite: a copy of the seeded template (TEST_SQLITE_TEMPLATE); several
 * processes may open one file (WAL mode). MySQL/MariaDB: a private database
 * `<name>_mp_<pid>_<n>` next to DATABASE_URL's, migrated and seeded (~1 s), so
 * the other test files' servers, which share DATABASE_URL, neither publish
 * these processes' outbox rows nor have their due timers fired by a scheduler
 * running on a shifted clock here. If the account may not create databases,
 * DATABASE_URL itself is returned (with a warning).
 */
export async function sharedDbUrl(): Promise<string> {
  const url = process.env.DATABASE_URL;
  if (isMysqlUrl(url)) {
    try {
      const db = await privateMysqlDatabase(url!, `approval_mp_${process.pid}_${++dbCounter}`);
      databases.push(db);
      return db.url;
    } catch (err) {
      console.warn(`sharedDbUrl: cannot create a private database (${(err as Error).message}); the server processes use DATABASE_URL itself`);
      return url!;
    }
  }
  const template = process.env.TEST_SQLITE_TEMPLATE;
  if (!template) throw new Error('TEST_SQLITE_TEMPLATE is not set: run through jest (tests/globalSetup.ts)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'approval-mp-'));
  tmpDirs.push(dir);
  const file = path.join(dir, 'db.sqlite');
  fs.copyFileSync(template, file);
  return `sqlite:${file}`;
}

/** Stops every server, then removes the databases sharedDbUrl made. For afterAll. */
export async function cleanupServers(): Promise<void> {
  await stopAllServers();
  for (const dir of tmpDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  for (const db of databases.splice(0)) {
    // Left behind on failure: harmless, and the next run with this pid drops it first.
    await db.drop().catch(() => undefined);
  }
}
