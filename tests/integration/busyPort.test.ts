import { spawn } from 'node:child_process';
import path from 'node:path';
import { cleanupServers, sharedDbUrl, spawnServer } from '../helpers/serverProcess';

/*
 * A second server started on the port the first holds says so in one line on stderr (no stack trace)
 * and exits non-zero; the first keeps serving.
 */

afterAll(() => cleanupServers());

function runToExit(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: path.resolve(__dirname, '../..'),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stderr })));
}

it('a second server on a busy port says so in one line and exits non-zero', async () => {
  const dbUrl = await sharedDbUrl();
  const first = await spawnServer({ dbUrl });
  const second = await runToExit({
    NODE_ENV: 'test', PORT: String(first.port), HOST: '127.0.0.1', DATABASE_URL: dbUrl, SEED_ON_START: 'false',
    JWT_SECRET: 'test-secret-0123456789', SEARCH_HASH_KEY: 'test-search-key-0123456789', LOG_LEVEL: 'warn',
  });
  expect(second.code).not.toBe(0);
  expect(second.code).not.toBeNull();
  const lines = second.stderr.trim().split('\n');
  expect(lines).toEqual([`Port ${first.port} is in use: another server is running? Stop it, or set PORT=… to another port.`]);
  expect(second.stderr).not.toMatch(/\bat .+:\d+:\d+|EADDRINUSE|Error:/);
  // The first server is unharmed.
  expect((await fetch(`${first.url}/health`)).status).toBe(200);
}, 90_000);
