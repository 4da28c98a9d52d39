import type { Knex } from 'knex';
import { openDatabase, type DbHandle } from '../../db/connection';
import { listCaseEvents } from '../../db/repositories/caseEvents';
import type { CaseUpdated } from '../../workflows/socketContract';
import { Api, buildCase, DEMO } from '../helpers/api';
import { cleanupServers, sharedDbUrl, spawnServer, stopAllServers, type ServerProcess } from '../helpers/serverProcess';
import { closeAll, connect, Inbox, subscribe, waitUntil, type ClientSocket } from '../helpers/sockets';
import { FINAL_SEQ, ROUTE } from '../helpers/linkedRoute';

/**
 * Real server processes (`node --import tsx server/main.ts`) over one
 * database: killed between commit and publish, killed under load, two of
 * them behind Redis, two schedulers racing for the same due timers.
 */

// Each spawn takes a few seconds under tsx on a small machine; a test starts up to six.
jest.setTimeout(240_000);

/** Waits involving a process start or a scheduler pass get more room than a socket round trip. */
const SLOW_MS = 60_000;

const REDIS_URL = process.env.REDIS_URL;
const NO_REDIS = 'REDIS_URL is not set: the tests that need two processes joined by the Socket.IO Redis adapter';
if (!REDIS_URL) {
  console.warn(
    process.env.REQUIRE_REDIS
      ? `${NO_REDIS} FAIL, because REQUIRE_REDIS is set`
      : `${NO_REDIS} are SKIPPED (start Redis with .ci/start-redis.sh and set REDIS_URL=redis://127.0.0.1:6379 to run them)`,
  );
}

/** A test that needs Redis: run with REDIS_URL; fails without it when REQUIRE_REDIS is set (CI), else skipped loudly. */
function redisIt(name: string, fn: () => Promise<void>): void {
  if (REDIS_URL) it(name, fn);
  else if (process.env.REQUIRE_REDIS) {
    it(name, () => {
      throw new Error(`${NO_REDIS} cannot run, and REQUIRE_REDIS is set: start Redis and set REDIS_URL`);
    });
  } else it.skip(`${name} [skipped: REDIS_URL not set]`, fn);
}

const sockets: ClientSocket[] = [];
const dbs: DbHandle[] = [];

async function socketOn(url: string, auth: Parameters<typeof connect>[1]): Promise<ClientSocket> {
  const s = await connect(url, auth);
  sockets.push(s);
  return s;
}

function database(url: string): Knex {
  const db = openDatabase(url);
  dbs.push(db);
  return db.knex;
}

afterEach(async () => {
  closeAll(sockets);
  await Promise.all(dbs.splice(0).map((d) => d.knex.destroy()));
  await stopAllServers();
});
afterAll(() => cleanupServers());

interface Filed {
  caseNo: string;
  queryCode: string;
}

function applicantHeaders(c: Filed) {
  return { 'x-query-code': c.queryCode };
}

/** The seqs and types of a case's history, as the applicant reads them over HTTP. */
async function history(api: Api, c: Filed): Promise<{ seq: number; type: string; payload: any }[]> {
  const res = await api.request('GET', `/api/cases/${c.caseNo}/events`, { headers: applicantHeaders(c) });
  if (res.status !== 200) throw new Error(`events of ${c.caseNo}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.events;
}

async function caseId(knex: Knex, caseNo: string): Promise<number> {
  const row = await knex('cases').where({ case_no: caseNo }).first('id');
  if (!row) throw new Error(`no case ${caseNo}`);
  return Number(row.id);
}

/** The case's events as the outbox sees them (the event table is the outbox): the seq each carries and whether it was published. */
async function outboxOf(knex: Knex, id: number): Promise<{ seq: number; published: boolean }[]> {
  const rows = await knex('case_events').where({ case_id: id }).orderBy('id').select('live_payload', 'unpublished');
  return rows.map((r: { live_payload: string; unpublished: unknown }) => ({
    seq: (JSON.parse(r.live_payload) as CaseUpdated).seq,
    published: r.unpublished === null,
  }));
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const seqsOf = (updates: CaseUpdated[]) => updates.map((e) => e.seq);

describe('crash between commit and publish', () => {
  it('a process killed with its publisher off loses nothing: the next process publishes the rows, the socket gets 1..2, then 3 live', async () => {
    const dbUrl = await sharedDbUrl();
    const knex = database(dbUrl);
    const a = await spawnServer({ dbUrl, env: { PUBLISHER: 'off', SCHEDULER: 'off' } });
    const apiA = new Api(a.url);
    const filed: Filed = await apiA.file(buildCase());
    const accepted = await apiA.act('clerk.village', filed.caseNo, { type: 'ACCEPT', opinion: '材料齐全，予以受理' });
    expect(accepted.status).toBe(200);

    // Committed, not published: the crash window, held open.
    const id = await caseId(knex, filed.caseNo);
    expect(await outboxOf(knex, id)).toEqual([
      { seq: 1, published: false },
      { seq: 2, published: false },
    ]);
    await a.kill('SIGKILL');
    expect(a.child.signalCode).toBe('SIGKILL');

    const b = await spawnServer({ dbUrl, env: { SCHEDULER: 'off', OUTBOX_POLL_MS: '100' } });
    const apiB = new Api(b.url);
    const s = await socketOn(b.url, filed);
    const inbox = new Inbox(s);
    const ack = await subscribe(s, { caseNo: filed.caseNo, sinceSeq: 0 });
    expect(ack).toMatchObject({ ok: true, lastSeq: 2 });
    await inbox.untilSeq(filed.caseNo, 2);
    expect(seqsOf(inbox.updatesOf(filed.caseNo))).toEqual([1, 2]);
    expect(inbox.updatesOf(filed.caseNo)[1]).toMatchObject({ type: 'ACCEPT', state: 'review', level: 'town' });

    // B is the only publisher on this database: it sent what A committed.
    await waitUntil('the crashed process\'s outbox rows to be published', async () => (await outboxOf(knex, id)).every((r) => r.published), SLOW_MS);

    const fwd = await apiB.act('clerk.town', filed.caseNo, { type: 'FORWARD', opinion: '初审同意，报区局' });
    expect(fwd.status).toBe(200);
    await inbox.untilSeq(filed.caseNo, 3);
    const updates = inbox.updatesOf(filed.caseNo);
    expect(seqsOf(updates)).toEqual([1, 2, 3]);
    expect(updates[2]).toMatchObject({ seq: 3, type: 'FORWARD', level: 'county' });
    expect(updates[2]!.replay).toBeUndefined();
    expect(seqsOf(updates)).toEqual((await history(apiB, filed)).map((e) => e.seq));
    await waitUntil('every outbox row of the case to be published', async () => (await outboxOf(knex, id)).every((r) => r.published), SLOW_MS);
  });

  redisIt('with Redis, a socket already listening on another process gets the rows live once the restarted publisher sends them', async () => {
    const dbUrl = await sharedDbUrl();
    const knex = database(dbUrl);
    const env = { REDIS_URL: REDIS_URL!, SCHEDULER: 'off', PUBLISHER: 'off' };
    // A takes the requests and dies; C only holds the applicant's socket; neither publishes.
    const [a, c] = await Promise.all([spawnServer({ dbUrl, env }), spawnServer({ dbUrl, env })]);
    const apiA = new Api(a.url);
    const filed: Filed = await apiA.file(buildCase());
    const s = await socketOn(c.url, filed);
    const inbox = new Inbox(s);
    expect(await subscribe(s, { caseNo: filed.caseNo, sinceSeq: 0 })).toMatchObject({ ok: true, lastSeq: 1, replayed: 1 });
    expect((await apiA.act('clerk.village', filed.caseNo, { type: 'ACCEPT' })).status).toBe(200);
    const id = await caseId(knex, filed.caseNo);
    expect(await outboxOf(knex, id)).toEqual([
      { seq: 1, published: false },
      { seq: 2, published: false },
    ]);
    await a.kill('SIGKILL');

    const b = await spawnServer({ dbUrl, env: { ...env, PUBLISHER: 'on', OUTBOX_POLL_MS: '100' } });
    await inbox.untilSeq(filed.caseNo, 2, SLOW_MS);
    const updates = inbox.updatesOf(filed.caseNo);
    expect(seqsOf(updates)).toEqual([1, 2]);
    expect(updates[0]!.replay).toBe(true);
    // Not a replay: B's publisher sent it, through Redis, to C's fan-out.
    expect(updates[1]).toMatchObject({ seq: 2, type: 'ACCEPT' });
    expect(updates[1]!.replay).toBeUndefined();
    await waitUntil('the outbox rows to be published', async () => (await outboxOf(knex, id)).every((r) => r.published), SLOW_MS);

    expect((await new Api(b.url).act('clerk.town', filed.caseNo, { type: 'FORWARD', opinion: '同意' })).status).toBe(200);
    await inbox.untilSeq(filed.caseNo, 3);
    expect(seqsOf(inbox.updatesOf(filed.caseNo))).toEqual([1, 2, 3]);
  });
});


class HttpFailure extends Error {}

describe('SIGKILL under load', () => {
  it('cases driven through their route while the process is killed and restarted: every socket sees 1..last exactly once', async () => {
    const dbUrl = await sharedDbUrl();
    const knex = database(dbUrl);
    const env = { SCHEDULER: 'off', OUTBOX_POLL_MS: '100' };
    let server: ServerProcess = await spawnServer({ dbUrl, env });
    let api = new Api(server.url);

    const cases: Filed[] = [];
    for (let i = 0; i < 4; i++) cases.push(await api.file(buildCase({ delivery: { mode: 'post', address: '温州市鹿城区五马街100号' } })));

    // One applicant socket (the first case's code in the handshake, the others' with the subscription).
    const seen = new Map<string, CaseUpdated[]>(cases.map((c) => [c.caseNo, []]));
    const lastSeen = (c: Filed) => seen.get(c.caseNo)!.at(-1)?.seq ?? 0;
    const listen = async (url: string) => {
      const s = await socketOn(url, cases[0]!);
      s.on('case:updated', (e) => seen.get(e.caseNo)?.push(e));
      for (const c of cases) {
        const ack = await subscribe(s, { caseNo: c.caseNo, queryCode: c.queryCode, sinceSeq: lastSeen(c) });
        expect(ack).toMatchObject({ ok: true, caseNo: c.caseNo });
      }
      return s;
    };
    const first = await listen(server.url);

    // Each case is driven by its own loop: read where the case is, send the next step with its version.
    let done = 0;
    let failed = 0;
    let killing = false;
    let restarted!: () => void;
    const backUp = new Promise<void>((resolve) => (restarted = resolve));
    const drive = async (c: Filed) => {
      for (;;) {
        const current = api;
        try {
          const now = await current.request('GET', `/api/cases/${c.caseNo}`, { headers: applicantHeaders(c) });
          if (now.status !== 200) throw new HttpFailure(`GET ${c.caseNo}: ${now.status} ${JSON.stringify(now.body)}`);
          const { lastSeq, version } = now.body as { lastSeq: number; version: number };
          if (lastSeq >= FINAL_SEQ) return;
          const [user, action] = ROUTE[lastSeq - 1]!;
          const body = { ...action, expectedVersion: version };
          const res =
            user === 'applicant'
              ? await current.request('POST', `/api/cases/${c.caseNo}/actions`, { body, headers: applicantHeaders(c) })
              : await current.act(user, c.caseNo, body);
          if (res.status !== 200) throw new HttpFailure(`${user} ${String(action.type)} on ${c.caseNo}: ${res.status} ${JSON.stringify(res.body)}`);
          done++;
        } catch (err) {
          // A request cut off by the kill (it may or may not have committed): wait for the new process, re-read, go on.
          if (err instanceof HttpFailure || !killing) throw err;
          failed++;
          await backUp;
        }
      }
    };
    const drivers = Promise.all(cases.map(drive));
    drivers.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile

    const total = cases.length * ROUTE.length;
    await waitUntil(`about half of the ${total} actions`, () => done >= total / 2, SLOW_MS, 2);
    killing = true;
    await server.kill('SIGKILL');
    const doneAtKill = done;
    first.close();

    server = await spawnServer({ dbUrl, env });
    api = new Api(server.url);
    restarted();
    // Reconnect as a client would: from the last seq it has of each case.
    await listen(server.url);
    await drivers;

    for (const c of cases) {
      await waitUntil(`${c.caseNo} to reach seq ${FINAL_SEQ} on the socket`, () => lastSeen(c) >= FINAL_SEQ, SLOW_MS);
    }
    for (const c of cases) {
      const got = seqsOf(seen.get(c.caseNo)!);
      expect({ caseNo: c.caseNo, seqs: got }).toEqual({ caseNo: c.caseNo, seqs: range(1, FINAL_SEQ) });
      expect(got).toEqual((await history(api, c)).map((e) => e.seq));
    }
    // Whatever the killed process committed without publishing, the new one published.
    await waitUntil('the outbox to be drained', async () => Number((await knex('case_events').where('unpublished', true).count({ n: '*' }).first())?.n) === 0, SLOW_MS);
    expect(doneAtKill).toBeLessThan(total);
    console.log(`SIGKILL under load: killed after ${doneAtKill}/${total} actions; ${failed} requests cut off and retried after the restart`);
  });
});

describe('two processes with Redis', () => {
  redisIt('a socket on A receives case:updated, queue:changed and stats:changed caused by requests to B', async () => {
    const dbUrl = await sharedDbUrl();
    const env = { REDIS_URL: REDIS_URL!, SCHEDULER: 'off', STATS_INTERVAL_MS: '100' };
    const [a, b] = await Promise.all([spawnServer({ dbUrl, env: { ...env, INSTANCE_ID: 'A' } }), spawnServer({ dbUrl, env: { ...env, INSTANCE_ID: 'B' } })]);
    const apiA = new Api(a.url);
    const apiB = new Api(b.url);

    const village = new Inbox(await socketOn(a.url, { token: await apiA.token('clerk.village') }));
    const town = new Inbox(await socketOn(a.url, { token: await apiA.token('clerk.town') }));
    const supervisor = new Inbox(await socketOn(a.url, { token: await apiA.token('supervisor.county') }));
    const otherTown = new Inbox(await socketOn(a.url, { token: await apiA.token('clerk.othertown') }));
    const baseline = await apiA.as('supervisor.county', 'GET', '/api/stats/overview');
    expect(baseline.status).toBe(200);
    const filedBefore = Number(baseline.body.total);

    // Filed through B: A's village desk hears of it, A's supervisor's counters move.
    const filed: Filed = await apiB.file(buildCase());
    await village.until('the filing to arrive at the village desk on A', (i) => i.queueOf(filed.caseNo).some((q) => q.change === 'arrived'), SLOW_MS);
    expect(village.queueOf(filed.caseNo)).toEqual([
      expect.objectContaining({ desk: `desk:${DEMO.villageCode}:centre`, change: 'arrived', seq: 1, state: 'acceptanceReview' }),
    ]);
    await supervisor.until(
      'stats:changed on A counting the filing made through B',
      (i) => i.stats.some((st) => st.scope === DEMO.countyCode && st.counters.filed === filedBefore + 1),
      SLOW_MS,
    );

    // The applicant follows the case on A while clerks act through B.
    const applicant = new Inbox(await socketOn(a.url, filed));
    expect(await subscribe(applicant.socket, { caseNo: filed.caseNo, sinceSeq: 0 })).toMatchObject({ ok: true, lastSeq: 1 });
    expect((await apiB.act('clerk.village', filed.caseNo, { type: 'ACCEPT' })).status).toBe(200);
    await applicant.untilSeq(filed.caseNo, 2, SLOW_MS);
    await town.until('the case to arrive at the town desk on A', (i) => i.queueOf(filed.caseNo).some((q) => q.change === 'arrived'), SLOW_MS);
    await village.until('the case to leave the village desk on A', (i) => i.queueOf(filed.caseNo).some((q) => q.change === 'left'), SLOW_MS);
    expect((await apiB.act('clerk.town', filed.caseNo, { type: 'FORWARD', opinion: '同意' })).status).toBe(200);
    await applicant.untilSeq(filed.caseNo, 3, SLOW_MS);
    await town.until('the case to leave the town desk on A', (i) => i.queueOf(filed.caseNo).some((q) => q.change === 'left'), SLOW_MS);

    const updates = applicant.updatesOf(filed.caseNo);
    expect(seqsOf(updates)).toEqual([1, 2, 3]);
    expect(updates.slice(1).map((e) => [e.type, e.replay])).toEqual([
      ['ACCEPT', undefined],
      ['FORWARD', undefined],
    ]);
    expect(seqsOf(updates)).toEqual((await history(apiA, filed)).map((e) => e.seq));
    expect(town.queueOf(filed.caseNo).map((q) => [q.seq, q.change])).toEqual([
      [2, 'arrived'],
      [3, 'left'],
    ]);
    expect(village.queueOf(filed.caseNo).map((q) => [q.seq, q.change])).toEqual([
      [1, 'arrived'],
      [2, 'left'],
    ]);
    // Another town's clerk on the same process heard nothing of it.
    expect(otherTown.all()).toEqual([]);
  });
});

/** The scheduler's warnings in a case's history, by light. */
function warnings(events: { type: string; payload: any }[]): { yellow: number; red: number; escalated: number } {
  const w = events.filter((e) => e.type === 'CLOCK_WARNING');
  return { yellow: w.filter((e) => e.payload?.light === 'yellow').length, red: w.filter((e) => e.payload?.light === 'red').length, escalated: events.filter((e) => e.type === 'ESCALATE').length };
}

/** The timers fired ('timer done', fired), over the logs of every scheduler that ran: per timer (case@version:kind), per case, per scheduler. */
function timerFirings(processes: ServerProcess[]) {
  const byTimer = new Map<string, number>();
  const perCase = new Map<number, number>();
  const byOwner: Record<string, number> = {};
  processes.forEach((p, i) => {
    for (const l of p.logs) {
      if (l.msg !== 'timer done' || !l.fired) continue;
      const key = `${l.caseId}@${l.caseVersion}:${l.kind}`;
      byTimer.set(key, (byTimer.get(key) ?? 0) + 1);
      perCase.set(Number(l.caseId), (perCase.get(Number(l.caseId)) ?? 0) + 1);
      byOwner[`scheduler-${i + 1}`] = (byOwner[`scheduler-${i + 1}`] ?? 0) + 1;
    }
  });
  return { byTimer, perCase, byOwner };
}

describe('due timers with two schedulers', () => {
  it('each due timer fires once across two processes, yellow then red, and a red due with its yellow replaces it', async () => {
    const dbUrl = await sharedDbUrl();
    const knex = database(dbUrl);
    const redis = REDIS_URL ? { REDIS_URL } : {};
    const scheduling = (clock: string, instance: string) => ({
      ...redis,
      CLOCK_START: clock,
      SCHEDULER: 'on',
      SCHEDULER_INTERVAL_MS: '20',
      INSTANCE_ID: instance,
    });
    const schedulers: ServerProcess[] = [];
    const both = async (clock: string, phase: string) => {
      const pair = await Promise.all([spawnServer({ dbUrl, env: scheduling(clock, `${phase}-A`) }), spawnServer({ dbUrl, env: scheduling(clock, `${phase}-B`) })]);
      schedulers.push(...pair);
      return pair;
    };
    const ids = async (cs: Filed[]) => Promise.all(cs.map((c) => caseId(knex, c.caseNo)));
    const warningRows = (caseIds: number[]) =>
      knex('case_events').whereIn('case_id', caseIds).where({ type: 'CLOCK_WARNING' }).count({ n: '*' }).first().then((r) => Number(r?.n));
    /** The cases' planned timers (columns of each case, migration 013), with the version they were planned for. */
    const planOf = async (caseIds: number[]) =>
      (await knex('cases').whereIn('id', caseIds).select('id', 'version', 'timers')).flatMap((r: { id: number; version: number; timers: string | null }) =>
        (JSON.parse(r.timers ?? '[]') as { kind: string; dueAt: string }[]).map((t) => ({ caseId: Number(r.id), kind: t.kind, due_at: t.dueAt, case_version: Number(r.version) })),
      );
    const openTimers = async (caseIds: number[], kind?: string) => (await planOf(caseIds)).filter((t) => !kind || t.kind === kind).length;
    const N = 10;
    /**
     * Holds the cases' timers back until both schedulers run (the process that
     * started first would otherwise claim them all in its first pass), then
     * gives them back one case at a time, a few ms apart: each case is a race
     * between two schedulers polling every 20 ms. (Load shaping, not a wait.)
     */
    const park = async (caseIds: number[]) => {
      const rows: { id: number; next_due_at: string }[] = await knex('cases').whereIn('id', caseIds).select('id', 'next_due_at');
      await knex('cases').whereIn('id', caseIds).update({ next_due_at: '2999-12-31 00:00:00.000' });
      return async () => {
        for (const r of rows) {
          // Racing the schedulers' claims, MariaDB may pick this update as a deadlock victim:
          // then it is run again, as any client would.
          for (let attempt = 1; ; attempt++) {
            try {
              await knex('cases').where({ id: r.id }).update({ next_due_at: r.next_due_at });
              break;
            } catch (err) {
              if ((err as { code?: string }).code !== 'ER_LOCK_DEADLOCK' || attempt >= 5) throw err;
            }
          }
          await new Promise((r) => setTimeout(r, Math.random() * 25));
        }
      };
    };

    // Friday 27 September 2024, before the National Day week: accepted; the town's review takes
    // 1 working day (the item's steps fit its promise), Sunday 29th (worked), yellow that day.
    const filer = await spawnServer({ dbUrl, env: { CLOCK_START: '2024-09-27T10:00:00+08:00', SCHEDULER: 'off' } });
    let api = new Api(filer.url);
    const early: Filed[] = [];
    for (let i = 0; i < N; i++) {
      const filed: Filed = await api.file(buildCase());
      const res = await api.act('clerk.village', filed.caseNo, { type: 'ACCEPT' });
      expect(res.status).toBe(200);
      expect(res.body.case.clock).toMatchObject({ deadline: '2024-09-29', light: 'green' });
      early.push(filed);
    }
    await filer.stop();
    const earlyIds = await ids(early);
    const planned = await planOf(earlyIds);
    expect(planned).toHaveLength(3 * N);
    // Yellow from the 29th of September (China time), red from the 30th, the day after the deadline.
    // Promised in 5 working days (09-29*, 09-30, 10-08, 10-09, 10-10), red past it for 3 (10-11,
    // 10-12*, 10-14): raised to the level above (督办) on the 14th of October.
    const due: Record<string, string> = { 'warn-yellow': '2024-09-28 16:00:00.000', 'warn-red': '2024-09-29 16:00:00.000', escalate: '2024-10-13 16:00:00.000' };
    for (const t of planned) expect([t.kind, t.due_at, Number(t.case_version)]).toEqual([t.kind, due[t.kind], 2]);

    // 29 September: every yellow is due, no red. Two schedulers race for them.
    let release = await park(earlyIds);
    const [a1] = await both('2024-09-29T10:00:00+08:00', 'p1');
    await release();
    await waitUntil('every yellow warning to fire', async () => (await openTimers(earlyIds, 'warn-yellow')) === 0 && (await warningRows(earlyIds)) >= N, SLOW_MS);
    // Cases filed now come due later: on the 12th of December their yellow and red are both long due.
    api = new Api(a1!.url);
    const late: Filed[] = [];
    for (let i = 0; i < N; i++) {
      const filed: Filed = await api.file(buildCase());
      expect((await api.act('clerk.village', filed.caseNo, { type: 'ACCEPT' })).status).toBe(200);
      late.push(filed);
    }
    const lateIds = await ids(late);
    // Stopping both is the barrier: whatever they were going to fire, they have fired.
    await stopAllServers();
    for (const id of earlyIds) expect(warnings(await listCaseEvents(knex, id))).toEqual({ yellow: 1, red: 0, escalated: 0 });
    expect(await warningRows(lateIds)).toBe(0);
    // The red planned with the yellow's version, due on the 30th, waits.
    expect(await openTimers(earlyIds, 'warn-red')).toBe(N);

    // 12 December: the early cases' reds and escalations are due; the late cases' yellow and red are
    // due together, with their escalations.
    release = await park([...earlyIds, ...lateIds]);
    await both('2024-12-12T10:00:00+08:00', 'p2');
    await release();
    await waitUntil(
      'every due timer to fire',
      async () => (await openTimers([...earlyIds, ...lateIds])) === 0 && (await warningRows([...earlyIds, ...lateIds])) >= 3 * N,
      SLOW_MS,
    );
    await stopAllServers();

    // Read back over HTTP from a process that fires nothing.
    const reading = await spawnServer({ dbUrl, env: { SCHEDULER: 'off', PUBLISHER: 'off' } });
    const at = new Api(reading.url);
    for (const c of early) {
      const events = await history(at, c);
      expect({ caseNo: c.caseNo, ...warnings(events) }).toEqual({ caseNo: c.caseNo, yellow: 1, red: 1, escalated: 1 });
      // Red and escalation came due together; two schedulers may record them in either order.
      const warned = events.filter((e) => e.type !== 'ESCALATE').map((e) => (e.type === 'CLOCK_WARNING' ? `${e.type}:${e.payload.light}` : e.type));
      expect(warned).toEqual(['SUBMIT', 'ACCEPT', 'CLOCK_WARNING:yellow', 'CLOCK_WARNING:red']);
    }
    for (const c of late) {
      // No stale yellow announced after the deadline, and the red is not lost.
      const events = await history(at, c);
      expect({ caseNo: c.caseNo, ...warnings(events) }).toEqual({ caseNo: c.caseNo, yellow: 0, red: 1, escalated: 1 });
    }

    // Nothing is left planned, and every firing is logged once, by one of the four schedulers:
    // a timer (case, version, kind) never fired twice, yellow + red + escalation for the early
    // cases, red + escalation for the late ones (their moot yellow dropped, not fired).
    expect(await openTimers([...earlyIds, ...lateIds])).toBe(0);
    const firings = timerFirings(schedulers);
    for (const [timer, n] of firings.byTimer) expect({ timer, n }).toEqual({ timer, n: 1 });
    for (const id of earlyIds) expect({ id, fired: firings.perCase.get(id) }).toEqual({ id, fired: 3 });
    for (const id of lateIds) expect({ id, fired: firings.perCase.get(id) }).toEqual({ id, fired: 2 });
    const byOwner = firings.byOwner;
    const errors = schedulers.flatMap((p) => p.logs.filter((l) => l.level >= 50).map((l) => `${l.msg} ${l.err?.code ?? ''} ${l.err?.message ?? ''}`));
    console.log(`timers fired per scheduler: ${JSON.stringify(byOwner)}; errors logged: ${JSON.stringify(errors)}`);
  });
});
