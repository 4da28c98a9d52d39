/**
 * npm run bench:live — 1,000 connected sockets (applicants following their
 * cases, clerks on their desks, supervisors on their counters) while cases
 * move at a steady rate; prints commit-to-receipt latency and the rate
 * sustained, for one process and for two processes sharing Redis.
 *
 * The servers' RSS is read with the sockets connected, before and after the stream.
 *
 *   LIVE_SOCKETS (1000), LIVE_CASES (250), LIVE_RATE transitions/s (100; a list, e.g. 100,200,400, runs
 *   the one-process scenario at each, to find the knee where p99 turns up),
 *   BENCH_MYSQL_URL, BENCH_REDIS_URL (redis://127.0.0.1:6379)
 *   LIVE_SOAK_MINUTES (0): afterwards, one process runs the scenario again and again (new cases, the
 *   sockets reconnecting each round) for that long, and its RSS after each round is reported: flat, or not.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { DEMO, DEMO_PASSWORD } from '../db/seed/users';
import type { CaseUpdated, ClientToServerEvents, ServerToClientEvents } from '../workflows/socketContract';
import { ROUTE_ACTIONS } from './drive';
import { atMs, post } from './http';
import { prepare, reachable } from './prepare';
import { startServerProcess, type BenchServer } from './processes';
import { summarise } from './stats';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const SOCKETS = Number(process.env.LIVE_SOCKETS ?? 1000);
const CASES = Number(process.env.LIVE_CASES ?? 250);
const RATES = (process.env.LIVE_RATE ?? '100').split(',').map(Number).filter((n) => n > 0);
const MiB = (bytes: number) => Math.round(bytes / 2 ** 20);
const MYSQL_URL = process.env.BENCH_MYSQL_URL ?? 'mysql://approval:approval@127.0.0.1:3306/approval_bench';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

function open(base: string, auth: Record<string, string>): Promise<Client> {
  return new Promise((resolve, reject) => {
    const s: Client = connect(base, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

async function scenario(label: string, servers: BenchServer[], RATE: number) {
  const bases = servers.map((s) => s.base);
  const tokens: Record<string, string> = {};
  for (const name of ['clerk.village', 'clerk.town', 'reviewer.county', 'reviewer.city', 'supervisor.city', 'supervisor.county']) {
    tokens[name] = (await post(bases[0]!, '/api/auth/login', { username: name, password: DEMO_PASSWORD })).token;
  }
  const applicant = { name: '压测', idNumber: '330302199001011235', phone: '13800000000' };
  const cases: { caseNo: string; queryCode: string }[] = [];
  for (let i = 0; i < CASES; i++) cases.push(await post(bases[i % bases.length]!, '/api/cases', { itemCode: DEMO.cityItemCode, centreCode: DEMO.villageCode, applicant }));

  // Sockets: two per case for applicants (phone and desktop), the rest clerks and supervisors.
  const latencies: number[] = [];
  let received = 0;
  const sockets: Client[] = [];
  const applicantSockets = Math.min(SOCKETS, CASES * 2);
  for (let i = 0; i < SOCKETS; i++) {
    const base = bases[i % bases.length]!;
    if (i < applicantSockets) {
      const c = cases[i % CASES]!;
      const s = await open(base, { caseNo: c.caseNo, queryCode: c.queryCode });
      s.on('case:updated', (e: CaseUpdated) => {
        if (e.replay) return;
        received++;
        latencies.push(Date.now() - atMs(e.at));
      });
      await s.emitWithAck('case:subscribe', { caseNo: c.caseNo, sinceSeq: 1 });
      sockets.push(s);
    } else {
      const who = ['clerk.village', 'clerk.town', 'reviewer.county', 'supervisor.city', 'supervisor.county'][i % 5]!;
      sockets.push(await open(base, { token: tokens[who]! }));
    }
  }

  const rssConnectedMiB = servers.map((s) => MiB(s.rss()));
  // A steady stream of transitions: the route's actions, case after case, spread over the processes.
  const work: [string, string, object][] = [];
  for (const [user, action] of ROUTE_ACTIONS) for (const c of cases) work.push([c.caseNo, user, action]);
  const started = Date.now();
  let sent = 0;
  let failed = 0;
  const failures: Record<string, number> = {};
  const inflight: Promise<void>[] = [];
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const due = Math.floor(((Date.now() - started) / 1000) * RATE);
      while (sent < due && sent < work.length) {
        const [caseNo, user, action] = work[sent]!;
        const base = bases[sent % bases.length]!;
        sent++;
        inflight.push(
          post(base, `/api/cases/${caseNo}/actions`, action, tokens[user]).then(
            () => undefined,
            (err: Error) => {
              failed++;
              // Under overload a case's next action can overtake the one before it (409).
              const code = /"code":"(\w+)"/.exec(err.message)?.[1] ?? 'network';
              failures[code] = (failures[code] ?? 0) + 1;
            },
          ),
        );
      }
      if (sent >= work.length) {
        clearInterval(tick);
        resolve();
      }
    }, 5);
  });
  await Promise.all(inflight);
  const seconds = (Date.now() - started) / 1000;
  // Two applicant sockets per case hear every committed transition.
  const expected = (work.length - failed) * 2;
  const deadline = Date.now() + 10_000;
  while (received < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const rssAfterMiB = servers.map((s) => MiB(s.rss()));
  for (const s of sockets) s.close();
  return {
    scenario: label,
    sockets: sockets.length,
    transitions: work.length,
    failed,
    failures,
    targetRate: RATE,
    sustainedPerSecond: Math.round(work.length / seconds),
    deliveries: received,
    expectedDeliveries: expected,
    commitToReceiptMs: summarise(latencies),
    serverRssMiB: { connected: rssConnectedMiB, afterStream: rssAfterMiB },
  };
}

const SOAK_MINUTES = Number(process.env.LIVE_SOAK_MINUTES ?? 0);

/** The one-process scenario round after round on one server for SOAK_MINUTES: its memory over time. */
async function soakRun(url: string, mysql: boolean) {
  await prepare(url);
  const server = await startServerProcess(url, { SCHEDULER: 'off' });
  const rounds: { minute: number; rssMiB: number; p99: number; delivered: string }[] = [];
  const t0 = Date.now();
  try {
    while (Date.now() - t0 < SOAK_MINUTES * 60_000) {
      const r = await scenario('soak', [server], RATES[0]!);
      rounds.push({ minute: Math.round((Date.now() - t0) / 6_000) / 10, rssMiB: MiB(server.rss()), p99: r.commitToReceiptMs.p99, delivered: `${r.deliveries}/${r.expectedDeliveries}` });
      console.log(`soak ${rounds.at(-1)!.minute} min: RSS ${rounds.at(-1)!.rssMiB} MiB, p99 ${r.commitToReceiptMs.p99} ms`);
    }
  } finally {
    await server.stop();
  }
  return { database: mysql ? 'mariadb' : 'sqlite', minutes: SOAK_MINUTES, rate: RATES[0], rounds };
}

async function main() {
  const mysql = await reachable(MYSQL_URL);
  const results: unknown[] = [];
  let url = MYSQL_URL;
  let dir: string | undefined;
  if (!mysql) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'approval-live-'));
    url = `sqlite:${path.join(dir, 'live.sqlite')}`;
    console.log('MariaDB not reachable: the one-process run uses SQLite, the two-process run is skipped');
  }
  for (const rate of RATES) {
    await prepare(url);
    const one = [await startServerProcess(url, { SCHEDULER: 'off' })];
    try {
      results.push({ database: mysql ? 'mariadb' : 'sqlite', ...(await scenario('1 process', one, rate)) });
    } finally {
      await Promise.all(one.map((s) => s.stop()));
    }
  }
  if (mysql && (await reachable(REDIS_URL))) {
    await prepare(url);
    const two = [await startServerProcess(url, { REDIS_URL, SCHEDULER: 'off' }), await startServerProcess(url, { REDIS_URL, SCHEDULER: 'off' })];
    try {
      results.push({ database: 'mariadb', ...(await scenario('2 processes + Redis', two, RATES[0]!)) });
    } finally {
      await Promise.all(two.map((s) => s.stop()));
    }
  } else if (mysql) console.log(`Redis not reachable at ${REDIS_URL}: the two-process run is skipped`);
  const soak = SOAK_MINUTES > 0 ? await soakRun(url, mysql) : null;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });

  console.table(
    (results as any[]).map((r) => ({
      scenario: r.scenario,
      db: r.database,
      sockets: r.sockets,
      'target/s': r.targetRate,
      'sustained/s': r.sustainedPerSecond,
      'refused': r.failed,
      delivered: `${r.deliveries}/${r.expectedDeliveries}`,
      'p50 ms': r.commitToReceiptMs.p50,
      'p99 ms': r.commitToReceiptMs.p99,
      'max ms': r.commitToReceiptMs.max,
      'RSS MiB (connected → after)': `${r.serverRssMiB.connected.join('+')} → ${r.serverRssMiB.afterStream.join('+')}`,
    })),
  );
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  if (soak) console.log(`soak, ${soak.minutes} min, ${soak.rounds.length} rounds: RSS MiB after each round ${soak.rounds.map((r) => r.rssMiB).join(', ')}; p99 ms ${soak.rounds.map((r) => r.p99).join(', ')}`);
  fs.writeFileSync(path.join(__dirname, 'results', 'live.json'), `${JSON.stringify({ at: new Date().toISOString(), cpus: os.cpus().length, results, soak }, null, 2)}\n`);
  console.log('written to bench/results/live.json');
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
