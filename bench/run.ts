/**
 * npm run bench:engine — drives cases through their whole route on the service
 * layer and over HTTP, on SQLite and on MariaDB, next to the database's own
 * ceiling for the same essential writes. Engine and ceiling passes are
 * interleaved, ROUNDS times each, so that a quiet or busy minute falls on both;
 * each round gives its own ratio, and the report is their median with the
 * spread (min–max). Prints a table and writes bench/results/engine.json.
 *
 * The service and HTTP passes run one transition per transaction (GROUP_COMMIT_MAX=1),
 * like the ceiling; group commit has its own passes beside them (transitions only,
 * BENCH_GROUP_CONCURRENCY in flight), reported as `groupCommit`, never in their place.
 *
 *   BENCH_CASES (default 200), BENCH_CONCURRENCY (default 8), BENCH_ROUNDS (default 3),
 *   BENCH_GROUP_CASES (default 600), BENCH_GROUP_CONCURRENCY (default 64),
 *   BENCH_MYSQL_URL (default mysql://approval:approval@127.0.0.1:3306/approval_bench)
 */
import fs from 'node:fs';
import { BENCH_LICENCE_SIGNING_KEY } from './benchKey';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../server/config';
import { createContext } from '../server/context';
import { driveBare, driveHttp, driveService, type RunResult } from './drive';
import { prepare, reachable } from './prepare';
import { startServerProcess } from './processes';
import { spread, summarise } from './stats';

const CASES = Number(process.env.BENCH_CASES ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const GROUP_CASES = Number(process.env.BENCH_GROUP_CASES ?? 600);
const GROUP_CONCURRENCY = Number(process.env.BENCH_GROUP_CONCURRENCY ?? 64);
const ONE_PER_TRANSACTION = { GROUP_COMMIT_MAX: '1' };
const MYSQL_URL = process.env.BENCH_MYSQL_URL ?? 'mysql://approval:approval@127.0.0.1:3306/approval_bench';

type Report = ReturnType<typeof report>;

function report(name: string, r: RunResult) {
  return { name, transitions: r.transitions, seconds: Math.round(r.seconds * 100) / 100, perSecond: Math.round(r.transitions / r.seconds), latencyMs: summarise(r.latencies) };
}

async function benchDatabase(label: string, url: string) {
  await prepare(url);
  const base = { NODE_ENV: 'production', DATABASE_URL: url, SEED_ON_START: 'false', JWT_SECRET: 'bench-secret-0123456789', SEARCH_HASH_KEY: 'bench-search-key-0123456789', LICENCE_SIGNING_KEY: BENCH_LICENCE_SIGNING_KEY, LOG_LEVEL: 'silent' };
  const ctx = await createContext(loadConfig({ ...base, ...ONE_PER_TRANSACTION }), { log: pino({ level: 'silent' }) });
  const grouped = await createContext(loadConfig(base), { log: pino({ level: 'silent' }) });
  const rounds: { service: Report; http: Report; bare: Report; group: Report; groupHttp: Report; serviceToCeiling: number; httpToCeiling: number; groupToCeiling: number }[] = [];
  // No publisher runs in this process: mark its events sent, so a server's publisher does not drain them during an HTTP pass.
  const markSent = () => ctx.db.knex('case_events').where('unpublished', true).update({ unpublished: null });
  const overHttp = async (name: string, env: Record<string, string>, cases: number, concurrency: number, opts: { transitionsOnly?: boolean } = {}) => {
    const server = await startServerProcess(url, { SCHEDULER: 'off', ...env });
    try {
      await driveHttp(server.base, 10, CONCURRENCY);
      return report(name, await driveHttp(server.base, cases, concurrency, opts));
    } finally {
      await server.stop();
    }
  };
  try {
    await driveService(ctx, 10, CONCURRENCY); // warm-up: JIT, pools, caches
    await driveService(grouped, 10, CONCURRENCY);
    for (let r = 1; r <= ROUNDS; r++) {
      const service = report('service', await driveService(ctx, CASES, CONCURRENCY));
      await markSent();
      const bare = report('bare-db', await driveBare(ctx.db.knex, ctx.db.dialect, CASES * 7, CONCURRENCY));
      const http = await overHttp('http (server in its own process)', ONE_PER_TRANSACTION, CASES, CONCURRENCY);
      const group = report(`group commit, service (${GROUP_CONCURRENCY} in flight)`, await driveService(grouped, GROUP_CASES, GROUP_CONCURRENCY, { transitionsOnly: true }));
      await markSent();
      const groupHttp = await overHttp(`group commit, http (${GROUP_CONCURRENCY} in flight)`, {}, GROUP_CASES, GROUP_CONCURRENCY, { transitionsOnly: true });
      const ratio = (x: Report) => +(x.perSecond / bare.perSecond).toFixed(3);
      rounds.push({ service, http, bare, group, groupHttp, serviceToCeiling: ratio(service), httpToCeiling: ratio(http), groupToCeiling: ratio(group) });
      console.log(`${label} round ${r}/${ROUNDS}: service ${service.perSecond}/s, http ${http.perSecond}/s, ceiling ${bare.perSecond}/s; group commit: service ${group.perSecond}/s, http ${groupHttp.perSecond}/s`);
    }
    const bare1 = report('bare-db-1conn', await driveBare(ctx.db.knex, ctx.db.dialect, 500, 1));
    const serviceRatio = spread(rounds.map((r) => r.serviceToCeiling));
    const httpRatio = spread(rounds.map((r) => r.httpToCeiling));
    return {
      database: label,
      cases: CASES,
      concurrency: CONCURRENCY,
      rounds: ROUNDS,
      perSecond: {
        service: spread(rounds.map((r) => r.service.perSecond)),
        http: spread(rounds.map((r) => r.http.perSecond)),
        ceiling: spread(rounds.map((r) => r.bare.perSecond)),
        ceilingOneConnection: bare1.perSecond,
      },
      serviceToCeiling: serviceRatio.median,
      httpToCeiling: httpRatio.median,
      serviceToCeilingSpread: serviceRatio,
      httpToCeilingSpread: httpRatio,
      // Beside the ratios, never in their place: transitions only, many in flight, committed together.
      groupCommit: {
        concurrency: GROUP_CONCURRENCY,
        maxPerTransaction: grouped.config.GROUP_COMMIT_MAX,
        perSecond: { service: spread(rounds.map((r) => r.group.perSecond)), http: spread(rounds.map((r) => r.groupHttp.perSecond)) },
        serviceToCeiling: spread(rounds.map((r) => r.groupToCeiling)),
      },
      runs: [...rounds.flatMap((r, i) => [r.service, r.http, r.bare, r.group, r.groupHttp].map((x) => ({ ...x, round: i + 1 }))), bare1],
    };
  } finally {
    await ctx.close();
    await grouped.close();
  }
}

async function main() {
  const results: Awaited<ReturnType<typeof benchDatabase>>[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'approval-bench-'));
  results.push(await benchDatabase('sqlite', `sqlite:${path.join(dir, 'bench.sqlite')}`));
  fs.rmSync(dir, { recursive: true, force: true });
  if (await reachable(MYSQL_URL)) results.push(await benchDatabase('mariadb', MYSQL_URL));
  else console.log(`MariaDB not reachable at ${MYSQL_URL.replace(/:[^:@/]+@/, ':***@')}: skipped (start one with .ci/start-mariadb.sh)`);
  for (const r of results) {
    console.log(`\n${r.database}: ${CASES} cases × 7 transitions, ${CONCURRENCY} in flight, ${ROUNDS} interleaved rounds`);
    console.table(r.runs.map((x) => ({ run: x.name, round: 'round' in x ? x.round : '-', 'transitions/s': x.perSecond, 'p50 ms': x.latencyMs.p50, 'p99 ms': x.latencyMs.p99, 'max ms': x.latencyMs.max, n: x.transitions })));
    const s = r.serviceToCeilingSpread;
    const h = r.httpToCeilingSpread;
    console.log(`engine/ceiling (median of ${ROUNDS} rounds, min–max): service ${s.median} (${s.min}–${s.max}), http ${h.median} (${h.min}–${h.max})`);
    const g = r.groupCommit;
    console.log(`group commit (${g.concurrency} in flight, ≤ ${g.maxPerTransaction} per transaction): service ${g.perSecond.service.median}/s (${g.perSecond.service.min}–${g.perSecond.service.max}), http ${g.perSecond.http.median}/s; service/ceiling ${g.serviceToCeiling.median}`);
  }
  const out = { at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg(), results };
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results', 'engine.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log('\nwritten to bench/results/engine.json');
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
