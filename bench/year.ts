/**
 * npm run bench:year — a year of Wenzhou's cases (410,000 in 2016) and the
 * supervisors' screens at that size. Template cases are filed and driven
 * through the one command path on a simulated clock, with the year's mix
 * (linked items, materials requests, returns, special procedures, denials,
 * withdrawals); the year is cloned from them in the engine's own row shapes,
 * filed over 2016's working days with morning peaks; then each screen is timed
 * over HTTP (and the supervisor's socket) against a server in its own process
 * whose clock reads the last working day of 2016. Sizes grow step by step so
 * that the growth is visible. Writes bench/results/year.json.
 *
 * First (step 0), the year is replayed through the command path at a smaller
 * size (BENCH_YEAR_REPLAY cases, spread over 2016's working days, each moved a
 * step a day, the deadline timers fired by the scheduler each night), and its
 * pace is reported with the time the 410,000 cases would take (replay.ts).
 *
 *   BENCH_YEAR_REPLAY (default 3000; 0 skips it; 410000 replays the whole year), BENCH_YEAR_REPLAY_CONCURRENCY (default 64)
 *   BENCH_YEAR_SIZES (default 10000,100000; the whole year: 10000,100000,410000)
 *   BENCH_YEAR_TEMPLATES (default 240), BENCH_YEAR_ROUNDS (default 10)
 *   BENCH_YEAR_DB (default: BENCH_MYSQL_URL's database when MariaDB answers, else a SQLite file)
 */
import { fork } from 'node:child_process';
import { BENCH_LICENCE_SIGNING_KEY } from './benchKey';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { openDatabase } from '../db/connection';
import { rebuildReadModels } from '../db/repositories/readModels';
import { loadConfig } from '../server/config';
import { createContext } from '../server/context';
import { clerkUsername } from '../db/seed/users';
import { prepare, reachable } from './prepare';
import { filingTimes, insertClones, loadSources, rng } from './year/clone';
import { screensFor, timeScreens } from './year/screens';
import { caseChoices, replayYear, type ReplayReport } from './year/replay';
import { driveTemplate, MIX, SimClock, type Outcome, type Template } from './year/templates';

const SIZES = (process.env.BENCH_YEAR_SIZES ?? '10000,100000').split(',').map(Number).filter((n) => n > 0).sort((a, b) => a - b);
const TEMPLATES = Number(process.env.BENCH_YEAR_TEMPLATES ?? 240);
const ROUNDS = Number(process.env.BENCH_YEAR_ROUNDS ?? 10);
const REPLAY = Number(process.env.BENCH_YEAR_REPLAY ?? 3000);
const REPLAY_CONCURRENCY = Number(process.env.BENCH_YEAR_REPLAY_CONCURRENCY ?? 64);
const MYSQL_URL = process.env.BENCH_MYSQL_URL ?? 'mysql://approval:approval@127.0.0.1:3306/approval_bench';
const KEY = 'bench-search-key-0123456789';
const END = new Date('2016-12-30T17:00:00+08:00');

function pick<T>(rand: () => number, xs: T[]): T {
  return xs[Math.floor(rand() * xs.length)]!;
}

/** Whether an item takes legal persons (法人/其他组织): a person-only item is never filed by one. */
const takesOrganisations = (item: { applicant_types: unknown }) => String(item.applicant_types).includes('organisation');

function outcomeOf(rand: () => number): Outcome {
  let x = rand();
  for (const [o, p] of MIX) if ((x -= p) < 0) return o;
  return 'normal';
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'approval-year-'));
  const url = process.env.BENCH_YEAR_DB ?? ((await reachable(MYSQL_URL)) ? MYSQL_URL : `sqlite:${path.join(dir, 'year.sqlite')}`);
  const database = url.startsWith('sqlite') ? 'sqlite' : 'mariadb';
  console.log(`bench:year on ${database}, sizes ${SIZES.join(', ')}`);
  const clock = new SimClock(Date.parse('2016-03-01T09:00:00+08:00'));
  const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: url, SEED_ON_START: 'false', JWT_SECRET: 'bench-secret-0123456789', SEARCH_HASH_KEY: KEY, LICENCE_SIGNING_KEY: BENCH_LICENCE_SIGNING_KEY, LOG_LEVEL: 'silent' });
  const rand = rng(2016);
  let replay: ReplayReport | null = null;
  if (REPLAY > 0) {
    await prepare(url);
    const rctx = await createContext(config, { log: pino({ level: 'silent' }), now: clock.now });
    const choices = await caseChoices(rctx.db.knex);
    console.log(`0. replaying ${REPLAY} cases over 2016's working days through the command path (${REPLAY_CONCURRENCY} in flight)…`);
    replay = await replayYear(rctx, clock, { cases: REPLAY, concurrency: REPLAY_CONCURRENCY, rand, pickCase: () => ({ ...choices(rand), outcome: outcomeOf(rand) }) });
    await rctx.close();
    console.log(`   ${replay.transitions} transitions in ${replay.seconds} s (${replay.perSecond}/s), timers fired ${JSON.stringify(replay.timersFired)}; the 410,000 cases of 2016 at this pace: ${replay.wholeYearMinutes} min`);
  }
  await prepare(url);
  const ctx = await createContext(config, { log: pino({ level: 'silent' }), now: clock.now });
  const knex = ctx.db.knex;

  // 1. Templates through the command path.
  const items = await knex('items').where({ is_current: true }).select('code', 'linked', 'accept_levels', 'applicant_types');
  const centres = await knex('service_centres as s').join('jurisdictions as j', 'j.code', 's.code').select('s.code', 's.accepts_linked', 'j.level');
  const linkedShare = items.filter((i) => Boolean(Number(i.linked))).length / items.length;
  const templates: Template[] = [];
  let transitions = 0;
  const t0 = performance.now();
  for (let n = 0; templates.length < TEMPLATES && n < TEMPLATES * 10; n++) {
    const linked = rand() < Math.max(linkedShare, 0.25);
    const item = pick(rand, items.filter((i) => Boolean(Number(i.linked)) === linked));
    const levels = JSON.parse(item.accept_levels) as string[];
    const where = centres.filter((c) => levels.includes(c.level) && (!linked || Boolean(Number(c.accepts_linked))));
    if (!where.length) continue;
    const outcome = outcomeOf(rand);
    const open = rand() < 0.3;
    clock.t = Date.parse('2016-03-01T09:00:00+08:00') + n * 3_600_000;
    const before = Number((await knex('case_events').count({ n: '*' }).first())?.n);
    try {
      const caseId = await driveTemplate(ctx, clock, { itemCode: item.code, centreCode: pick(rand, where).code, outcome, stopAfter: open ? 1 + Math.floor(rand() * 3) : null, n, organisation: takesOrganisations(item) && (!String(item.applicant_types).includes('person') || rand() < 0.3) });
      if (caseId !== null) templates.push({ caseId, outcome, linked, open });
    } catch (err) {
      console.log(`template ${n} (${item.code}, ${outcome}) dropped: ${(err as Error).message}`);
    }
    transitions += Number((await knex('case_events').count({ n: '*' }).first())?.n) - before;
  }
  const templateSeconds = (performance.now() - t0) / 1000;
  console.log(`${templates.length} templates, ${transitions} transitions through the command path in ${templateSeconds.toFixed(1)} s`);
  const sources = await loadSources(knex, templates);
  await ctx.close();

  // 2. Grow the year step by step, timing the screens at each size.
    const db = openDatabase(url);
  const results = [];
  let loaded = 0;
  let nextId = Number((await db.knex('cases').max({ m: 'id' }).first())?.m ?? 0) + 1;
  for (const size of SIZES) {
    const add = size - loaded;
    const l0 = performance.now();
    await insertClones(db.knex, { sources, times: filingTimes(add, 2016, ctx.calendar, rand), firstId: nextId, end: END, openDays: 25, searchKey: KEY, rand });
    nextId += add;
    loaded = size;
    // The clones bypassed the command path (and so the publisher): count the read models afresh, as migration 014 does.
    await rebuildReadModels(db.knex, db.dialect);
    if (db.dialect === 'mysql') await db.knex.raw('ANALYZE TABLE cases, case_events, case_counts, area_totals, daily_counts');
    const loadSeconds = (performance.now() - l0) / 1000;
    const events = Number((await db.knex('case_events').count({ n: '*' }).first())?.n);
    const sample = await db.knex('cases').where('id', '>=', nextId - Math.floor(add / 2)).orderBy('id').first('case_no', 'applicant_name', 'applicant_phone');
    const busiest = (await db.knex('cases').whereNotIn('state', ['completed', 'withdrawn', 'refused', 'denied']).whereIn('current_level', ['village', 'town']).select('current_jurisdiction as j').count({ n: '*' }).groupBy('j').orderBy('n', 'desc').first()) as { j?: string } | undefined;
    const dbBytes = await sizeOf(db, url);
    const server = await startServer(url);
    try {
      const screens = await timeScreens(server.base, screensFor({ caseNo: sample.case_no, name: sample.applicant_name, phone: sample.applicant_phone, queueUser: clerkUsername(busiest?.j ?? '330302006001') }), ROUNDS);
      const rssBytes = server.rss();
      results.push({ cases: size, events, dbBytes, serverRssBytes: rssBytes, loadSeconds: Math.round(loadSeconds), screens });
      console.log(`\n${size} cases, ${events} events, ${(dbBytes / 2 ** 20).toFixed(0)} MiB, server RSS ${(rssBytes / 2 ** 20).toFixed(0)} MiB (loaded in ${loadSeconds.toFixed(0)} s)`);
      console.table(screens.map((s) => ({ screen: s.name, 'p50 ms': s.ms.p50, 'p95 ms': s.ms.p95, 'max ms': s.ms.max, n: s.ms.count })));
    } finally {
      await server.stop();
    }
  }
  await db.knex.destroy();
  const out = { at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg(), database, replay, how: 'templates driven through the command path on a simulated clock, the year cloned from them in the engine row shapes', templates: { count: templates.length, transitions, seconds: +templateSeconds.toFixed(1), perSecond: Math.round(transitions / templateSeconds) }, sizes: results };
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results', 'year.json'), `${JSON.stringify(out, null, 2)}\n`);
  fs.rmSync(dir, { recursive: true, force: true });
  console.log('\nwritten to bench/results/year.json');
}

async function sizeOf(db: { knex: import('knex').Knex; dialect: string }, url: string): Promise<number> {
  if (db.dialect === 'sqlite') return fs.statSync(url.replace(/^sqlite:/, '')).size;
  const r = await db.knex.raw('SELECT SUM(data_length + index_length) AS b FROM information_schema.tables WHERE table_schema = DATABASE()');
  return Number(r[0][0].b);
}

/** The server in its own process, its clock on the last working day of 2016, firing no timers. */
async function startServer(url: string) {
  const child = fork(path.join(__dirname, 'serverProcess.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, DATABASE_URL: url, JWT_SECRET: 'bench-secret-0123456789', SEARCH_HASH_KEY: KEY, SCHEDULER: 'off', CLOCK_START: END.toISOString() },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    rss: () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.disconnect();
      await exited;
    },
  };
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
