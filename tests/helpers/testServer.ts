import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { createContext, type AppContext } from '../../server/context';

export interface TestServer {
  url: string;
  ctx: AppContext;
  close(): Promise<void>;
}

export function isMysql(): boolean {
  return /^(mysql|mariadb):/.test(process.env.DATABASE_URL ?? '');
}

/** A real server on port 0 over the test database (a private copy of the seeded SQLite template). */
export async function startTestServer(opts: { now?: () => Date; env?: Record<string, string> } = {}): Promise<TestServer> {
  let databaseUrl = process.env.DATABASE_URL;
  let tmpDir: string | undefined;
  if (!isMysql()) {
    const template = process.env.TEST_SQLITE_TEMPLATE;
    if (!template) throw new Error('TEST_SQLITE_TEMPLATE is not set: run through jest (tests/globalSetup.ts)');
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'approval-srv-'));
    const file = path.join(tmpDir, 'db.sqlite');
    fs.copyFileSync(template, file);
    databaseUrl = `sqlite:${file}`;
  }
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, SEED_ON_START: 'false', JWT_SECRET: 'test-secret-0123456789', LOG_LEVEL: 'silent', ...opts.env });
  const ctx = await createContext(config, { now: opts.now, log: pino({ level: 'silent' }) });
  const app = createApp(ctx);
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    ctx,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await ctx.close();
      if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
    },
  };
}
