/**
 * npm run bench — drives cases through their whole route on the service layer
 * and over HTTP, on SQLite and on MariaDB, next to the database's own ceiling
 * for the same writes. Prints a table and writes bench/results/engine.json.
 *
 *   BENCH_CASES (default 200), BENCH_CONCURRENCY (default 8),
 *   BENCH_MYSQL_URL (default mysql://approval:approval@127.0.0.1:3306/approval_bench)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import pino from 'pino';
import { openDatabase } from '../db/connection';
import { migrateLatest, migrateRollbackAll } from '../db/migrate';
import { seedAll } from '../db/seed';
import { loadConfig } from '../server/config';
import { createContext } from '../server/context';
import { driveBare, driveHttp, driveService, type RunResult } from './drive';
import { summarise } from './stats';

const CASES = Number(process.env.BENCH_CASES ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const MYSQL_URL = process.env.BENCH_MYSQL_URL ?? 'mysql://approval:approval@127.0.0.1:3306/approval_bench';

function report(name: string, r: RunResult) {
  return { name, transitions: r.transitions, seconds: Math.round(r.seconds * 100) / 100, perSecond: Math.round(r.transitions / r.seconds), latencyMs: summarise(r.latencies) };
}

async function prepare(url: string): Promise<void> {
  const db = openDatabase(url);
  try {
    await migrateRollbackAll(db.knex);
    await migrateLatest(db.knex);
    await seedAll(db.knex);
  } finally {
    await db.knex.destroy();
  }
}

/** Starts bench/serverProcess.ts in a child process and resolves with its base URL. */
async function startServerProcess(url: string): Promise<{ base: string; child: ChildProcess }> {
  const child = fork(path.join(__dirname, 'serverProcess.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, DATABASE_URL: url, JWT_SECRET: 'bench-secret-0123456789' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { base: `http://127.0.0.1:${port}`, child };
}

async function benchDatabase(label: string, url: string) {
  await prepare(url);
  const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: url, SEED_ON_START: 'false', JWT_SECRET: 'bench-secret-0123456789', LOG_LEVEL: 'silent' });
  const ctx = await createContext(config, { log: pino({ level: 'silent' }) });
  try {
    await driveService(ctx, 10, CONCURRENCY); // warm-up: JIT, pools, caches
    const service = report('service', await driveService(ctx, CASES, CONCURRENCY));
    // SQLite has one writer: the in-process context lets go of the file while the server process runs.
    const { base, child } = await startServerProcess(url);
    let http;
    try {
      await driveHttp(base, 10, CONCURRENCY);
      http = report('http (server in its own process)', await driveHttp(base, CASES, CONCURRENCY));
    } finally {
      child.disconnect();
      await new Promise((r) => child.once('exit', r));
    }
    const bare = report('bare-db', await driveBare(ctx.db.knex, ctx.db.dialect, CASES * 7, CONCURRENCY));
    const bare1 = report('bare-db-1conn', await driveBare(ctx.db.knex, ctx.db.dialect, 500, 1));
    return { database: label, cases: CASES, concurrency: CONCURRENCY, runs: [service, http, bare, bare1], serviceToCeiling: +(service.perSecond / bare.perSecond).toFixed(3), httpToCeiling: +(http.perSecond / bare.perSecond).toFixed(3) };
  } finally {
    await ctx.close();
  }
}

async function mysqlReachable(url: string): Promise<boolean> {
  const db = openDatabase(url);
  try {
    await db.knex.raw('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await db.knex.destroy();
  }
}

async function main() {
  const results: unknown[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'approval-bench-'));
  results.push(await benchDatabase('sqlite', `sqlite:${path.join(dir, 'bench.sqlite')}`));
  fs.rmSync(dir, { recursive: true, force: true });
  if (await mysqlReachable(MYSQL_URL)) results.push(await benchDatabase('mariadb', MYSQL_URL));
  else console.log(`MariaDB not reachable at ${MYSQL_URL.replace(/:[^:@/]+@/, ':***@')}: skipped (start one with .ci/start-mariadb.sh)`);
  for (const r of results as { database: string; runs: ReturnType<typeof report>[]; serviceToCeiling: number; httpToCeiling: number }[]) {
    console.log(`\n${r.database}: ${CASES} cases × 7 transitions, ${CONCURRENCY} in flight`);
    console.table(r.runs.map((x) => ({ run: x.name, 'transitions/s': x.perSecond, 'p50 ms': x.latencyMs.p50, 'p99 ms': x.latencyMs.p99, 'max ms': x.latencyMs.max, n: x.transitions })));
    console.log(`engine/ceiling: service ${r.serviceToCeiling}, http ${r.httpToCeiling}`);
  }
  const out = { at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, results };
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results', 'engine.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log('\nwritten to bench/results/engine.json');
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
