/**
 * npm run bench:cluster — transitions/s through HTTP (each case filed and driven
 * through the demo city-level route, 7 transitions) with one server process
 * on a single MariaDB, two processes on that MariaDB, one process on the
 * three-node Galera cluster, and two processes each on its own Galera node;
 * the processes share Redis when it answers. Beside each, the bare database's
 * ceiling for a transition-shaped transaction through the same connections.
 * Setups are interleaved, BENCH_ROUNDS times, and reported as medians with
 * their spread. Prints a table and writes bench/results/cluster.json.
 *
 *   BENCH_SINGLE_URL (default mysql://approval:approval@127.0.0.1:3306/approval_bench),
 *   BENCH_CLUSTER_URL (default the .ci/start-galera.sh nodes 3311,3312,3313, database approval_cluster_bench),
 *   BENCH_REDIS_URL (default redis://127.0.0.1:6379), BENCH_CASES (default 100 per pass),
 *   BENCH_CONCURRENCY (default 8 cases in flight, spread over the processes), BENCH_ROUNDS (default 3)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import { parseClusterUrl } from '../db/clusterConnection';
import { dbTime, openDatabase } from '../db/connection';
import { DEMO, DEMO_PASSWORD } from '../db/seed/users';
import { ROUTE_ACTIONS } from './drive';
import { post } from './http';
import { prepare, reachable } from './prepare';
import { startServerProcess, type BenchServer } from './processes';
import { ms, pool, spread, summarise } from './stats';

const SINGLE_URL = process.env.BENCH_SINGLE_URL ?? 'mysql://approval:approval@127.0.0.1:3306/approval_bench';
const CLUSTER_URL = process.env.BENCH_CLUSTER_URL ?? 'mysql://approval:approval@127.0.0.1:3311,127.0.0.1:3312,127.0.0.1:3313/approval_cluster_bench';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const CASES = Number(process.env.BENCH_CASES ?? 100);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));

const applicant = { name: '压测', idNumber: '330302199001011235', phone: '13800000000' };

/** The cluster URL with its hosts rotated, so the i-th process tries node i first. */
function preferring(url: string, first: number): string {
  const c = parseClusterUrl(url);
  if (!c) return url;
  const hosts = [...c.hosts.slice(first), ...c.hosts.slice(0, first)].map((h) => `${h.host}:${h.port}`).join(',');
  return url.replace(/@[^/?]+/, `@${hosts}`);
}

async function tokensOf(base: string): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  for (const [name] of ROUTE_ACTIONS) if (!tokens.has(name)) tokens.set(name, (await post(base, '/api/auth/login', { username: name, password: DEMO_PASSWORD })).token);
  return tokens;
}

/** Files CASES cases and drives each through the route, case i through process i mod n; transitions/s and latencies. */
async function driveHttp(servers: BenchServer[], cases: number) {
  const tokens = await Promise.all(servers.map((s) => tokensOf(s.base)));
  const latencies: number[] = [];
  const t0 = process.hrtime.bigint();
  await pool(cases, CONCURRENCY, async (i) => {
    const base = servers[i % servers.length]!.base;
    const tk = tokens[i % servers.length]!;
    let t = process.hrtime.bigint();
    const filed = await post(base, '/api/cases', { itemCode: DEMO.cityItemCode, centreCode: DEMO.villageCode, applicant, materials: ['申请书'] });
    latencies.push(ms(t));
    for (const [name, action] of ROUTE_ACTIONS) {
      t = process.hrtime.bigint();
      await post(base, `/api/cases/${filed.caseNo}/actions`, action, tk.get(name));
      latencies.push(ms(t));
    }
  });
  const seconds = ms(t0) / 1000;
  return { perSecond: Math.round(latencies.length / seconds), latencyMs: summarise(latencies) };
}

/** The bare ceiling: lock and update a case row, insert an event row, commit; through `knexes` (one pool per process), CONCURRENCY in flight. */
async function driveBare(knexes: Knex[], count: number) {
  const ids = (await knexes[0]!('cases').select('id').orderBy('id').limit(200)).map((r: { id: number }) => Number(r.id));
  let seq = Number((await knexes[0]!('case_events').max({ m: 'seq' }).first())?.m ?? 0) + 1_000_000 + Math.floor(Math.random() * 1e8);
  const t0 = process.hrtime.bigint();
  await pool(count, CONCURRENCY, async (i) => {
    const knex = knexes[i % knexes.length]!;
    const id = ids[i % ids.length]!;
    const mySeq = seq++;
    const at = dbTime(new Date());
    // Two pools on two nodes write the same rows: a certification conflict (1213) is run again, as the engine does.
    for (let attempt = 1; ; attempt++) {
      try {
        await knex.transaction(async (trx) => {
          const row = await trx('cases').where({ id }).forUpdate().first('version');
          await trx('cases').where({ id }).update({ version: Number(row.version) + 1, updated_at: at });
          await trx('case_events').insert({ case_id: id, seq: mySeq, type: 'BENCH', from_state: 'a', to_state: 'b', actor_role: 'system', actor_name: 'bench', payload: '{}', live_payload: '{}', fanout: '{}', unpublished: null, created_at: at });
        });
        return;
      } catch (err) {
        if ((err as { code?: string }).code !== 'ER_LOCK_DEADLOCK' || attempt >= 5) throw err;
      }
    }
  });
  return Math.round(count / (ms(t0) / 1000));
}

interface Setup {
  name: string;
  /** One database URL per server process. */
  urls: string[];
}

async function measure(setup: Setup, redis: string | null) {
  const env: Record<string, string> = { SCHEDULER: 'off', ...(redis ? { REDIS_URL: redis } : {}) };
  // The first process publishes for all (through Redis): on Galera two publishers may send an event twice (docs/scale.md).
  const servers = await Promise.all(setup.urls.map((u, i) => startServerProcess(u, { ...env, PUBLISHER: i === 0 ? 'on' : 'off' })));
  let http: Awaited<ReturnType<typeof driveHttp>>;
  try {
    await driveHttp(servers, 8); // warm-up: JIT, pools, caches
    http = await driveHttp(servers, CASES);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
  const dbs = setup.urls.map((u) => openDatabase(u));
  try {
    const ceiling = await driveBare(dbs.map((d) => d.knex), CASES * 7);
    return { http, ceiling };
  } finally {
    await Promise.all(dbs.map((d) => d.knex.destroy()));
  }
}

async function main() {
  // Quiet: the failover module's "host chosen" lines (db/clusterConnection.ts), here and in the server processes.
  process.env.LOG_LEVEL ??= 'warn';
  const setups: Setup[] = [];
  if (await reachable(SINGLE_URL)) {
    await prepare(SINGLE_URL);
    setups.push({ name: '1 process, single MariaDB', urls: [SINGLE_URL] }, { name: '2 processes, single MariaDB', urls: [SINGLE_URL, SINGLE_URL] });
  } else console.log(`single MariaDB not reachable at ${SINGLE_URL.replace(/:[^:@/]+@/, ':***@')}: skipped (.ci/start-mariadb.sh)`);
  if (await reachable(CLUSTER_URL)) {
    await prepare(CLUSTER_URL);
    setups.push(
      { name: '1 process, Galera (3 nodes, on node 1)', urls: [preferring(CLUSTER_URL, 0)] },
      { name: '2 processes, Galera (3 nodes, on nodes 1 and 2)', urls: [preferring(CLUSTER_URL, 0), preferring(CLUSTER_URL, 1)] },
    );
  } else console.log(`Galera not reachable at ${CLUSTER_URL.replace(/:[^:@/]+@/, ':***@')}: skipped (.ci/start-galera.sh)`);
  if (setups.length === 0) throw new Error('no database to measure');
  const redis = (await reachable(REDIS_URL)) ? REDIS_URL : null;
  if (!redis) console.log(`Redis not reachable at ${REDIS_URL}: two processes run without the Socket.IO adapter`);

  const runs = new Map<string, { http: number[]; ceiling: number[]; p50: number[]; p99: number[] }>(setups.map((s) => [s.name, { http: [], ceiling: [], p50: [], p99: [] }]));
  for (let r = 1; r <= ROUNDS; r++) {
    for (const s of setups) {
      const m = await measure(s, redis);
      const x = runs.get(s.name)!;
      x.http.push(m.http.perSecond);
      x.ceiling.push(m.ceiling);
      x.p50.push(m.http.latencyMs.p50);
      x.p99.push(m.http.latencyMs.p99);
      console.log(`round ${r}/${ROUNDS} ${s.name}: http ${m.http.perSecond}/s (p50 ${m.http.latencyMs.p50} ms, p99 ${m.http.latencyMs.p99} ms), ceiling ${m.ceiling}/s`);
    }
  }
  const results = setups.map((s) => {
    const x = runs.get(s.name)!;
    return {
      setup: s.name,
      processes: s.urls.length,
      httpPerSecond: spread(x.http),
      ceilingPerSecond: spread(x.ceiling),
      httpToCeiling: spread(x.http.map((h, i) => +(h / x.ceiling[i]!).toFixed(3))),
      p50Ms: spread(x.p50),
      p99Ms: spread(x.p99),
    };
  });
  console.log(`\n${CASES} cases × 7 transitions per pass, ${CONCURRENCY} cases in flight, ${ROUNDS} interleaved rounds (median, min–max)`);
  console.table(results.map((r) => ({ setup: r.setup, 'http/s': r.httpPerSecond.median, 'http/s min–max': `${r.httpPerSecond.min}–${r.httpPerSecond.max}`, 'ceiling/s': r.ceilingPerSecond.median, 'http/ceiling': r.httpToCeiling.median, 'p50 ms': r.p50Ms.median, 'p99 ms': r.p99Ms.median })));
  const out = { at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg(), cases: CASES, concurrency: CONCURRENCY, rounds: ROUNDS, redis: Boolean(redis), results };
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results', 'cluster.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log('\nwritten to bench/results/cluster.json');
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
