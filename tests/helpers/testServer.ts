import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../server/config';
import { createContext, type AppContext } from '../../server/context';
import { startServer, type RunningServer } from '../../server/server';
import { Api } from './api';
import { privateMysqlDatabase } from './databases';
import { TEST_LICENCE_SIGNING_KEY } from './testKeys';

export interface TestServer {
  url: string;
  ctx: AppContext;
  running: RunningServer;
  close(): Promise<void>;
}

export function isMysql(): boolean {
  return /^(mysql|mariadb):/.test(process.env.DATABASE_URL ?? '');
}

let servers = 0;
/** Per test file: a jest worker runs several files in one process, and their module state starts over each time. */
const FILE_RUN = randomBytes(4).toString('hex');

/**
 * Every test server counts its rate limits apart (its own key prefix: on
 * MariaDB the test files share one database, so one file's wrong codes would
 * otherwise use up another's budget), and every request comes from
 * 127.0.0.1, so the per-address throttles on filing and actions are opened
 * wide; tests of the limits set their own (tests/integration/rateLimits.test.ts).
 */
export function testRateLimits(): Record<string, string> {
  return { RATE_LIMIT_PREFIX: `t${FILE_RUN}-${++servers}`, FILING_LIMIT: '100000', APPLICANT_ACTION_LIMIT: '100000' };
}

/** A real server on port 0 over the test database (a private copy of the seeded SQLite template). */
export async function startTestServer(opts: { now?: () => Date; env?: Record<string, string>; privateDatabase?: string } = {}): Promise<TestServer> {
  let databaseUrl = process.env.DATABASE_URL;
  let tmpDir: string | undefined;
  // On MariaDB the test files share one database; a file that changes seeded rows others read takes its own.
  const own = opts.privateDatabase && isMysql() ? await privateMysqlDatabase(databaseUrl!, `approval_live_${opts.privateDatabase}_${process.pid}`) : undefined;
  if (own) databaseUrl = own.url;
  if (!isMysql()) {
    const template = process.env.TEST_SQLITE_TEMPLATE;
    if (!template) throw new Error('TEST_SQLITE_TEMPLATE is not set: run through jest (tests/globalSetup.ts)');
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'approval-srv-'));
    const file = path.join(tmpDir, 'db.sqlite');
    fs.copyFileSync(template, file);
    databaseUrl = `sqlite:${file}`;
  }
  // The scheduler is off unless a test turns it on: tests that move time would otherwise race it.
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, SEED_ON_START: 'false', JWT_SECRET: 'test-secret-0123456789', SEARCH_HASH_KEY: 'test-search-key-0123456789', LICENCE_SIGNING_KEY: TEST_LICENCE_SIGNING_KEY, LOG_LEVEL: 'silent', SCHEDULER: 'off', ...testRateLimits(), ...opts.env });
  const ctx = await createContext(config, { now: opts.now, log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }) });
  const running = await startServer(ctx, 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${running.port}`,
    ctx,
    running,
    async close() {
      await running.stop();
      await ctx.close();
      if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
      if (own) await own.drop();
    },
  };
}

/** A real server for the enclosing describe block (started in beforeAll, closed in afterAll), and an Api pointed at it. */
export function useTestServer(opts: Parameters<typeof startTestServer>[0] = {}): Api {
  const api = new Api('');
  let srv: TestServer | undefined;
  beforeAll(async () => {
    srv = await startTestServer(opts);
    api.baseUrl = srv.url;
  });
  afterAll(() => srv?.close());
  return api;
}
