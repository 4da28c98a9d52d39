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
import pino from 'pino';
import { loadConfig } from '../server/config';
import { createContext } from '../server/context';
import { driveBare, driveHttp, driveService, type RunResult } from './drive';
import { prepare, reachable } from './prepare';
import { startServerProcess } from './processes';
import { summarise } from './stats';

const CASES = Number(process.env.BENCH_CASES ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const MYSQL_URL = process.env.BENCH_MYSQL_URL ?? 'mysql://approval:approval@127.0.0.1:3306/approval_bench';

function report(name: string, r: RunResult) {
  return { name, transitions: r.transitions, seconds: Math.round(r.seconds * 100) / 100, perSecond: Math.round(r.transitions / r.seconds), latencyMs: summarise(r.latencies) };
}

async function benchDatabase(label: string, url: string) {
  await prepare(url);
  const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: url, SEED_ON_START: 'false', JWT_SECRET: 'bench-secret-0123456789', SEARCH_HASH_KEY: 'bench-search-key-0123456789', LOG_LEVEL: 'silent' });
  const ctx = await createContext(config, { log: pino({ level: 'silent' }) });
  try {
    await driveService(ctx, 10, CONCURRENCY); // warm-up: JIT, pools, caches
    const service = report('service', await driveService(ctx, CASES, CONCURRENCY));
    // SQLite has one writer: the in-process context lets go of the file while the server process runs.
    const server = await startServerProcess(url, { SCHEDULER: 'off' });
    let http;
    try {
      await driveHttp(server.base, 10, CONCURRENCY);
      http = report('http (server in its own process)', await driveHttp(server.base, CASES, CONCURRENCY));
    } finally {
      await server.stop();
    }
    const bare = report('bare-db', await driveBare(ctx.db.knex, ctx.db.dialect, CASES * 7, CONCURRENCY));
    const bare1 = report('bare-db-1conn', await driveBare(ctx.db.knex, ctx.db.dialect, 500, 1));
    return { database: label, cases: CASES, concurrency: CONCURRENCY, runs: [service, http, bare, bare1], serviceToCeiling: +(service.perSecond / bare.perSecond).toFixed(3), httpToCeiling: +(http.perSecond / bare.perSecond).toFixed(3) };
  } finally {
    await ctx.close();
  }
}

async function main() {
  const results: unknown[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'approval-bench-'));
  results.push(await benchDatabase('sqlite', `sqlite:${path.join(dir, 'bench.sqlite')}`));
  fs.rmSync(dir, { recursive: true, force: true });
  if (await reachable(MYSQL_URL)) results.push(await benchDatabase('mariadb', MYSQL_URL));
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
