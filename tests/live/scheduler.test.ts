import { dbTime } from '../../db/connection';
import { claimDueCases, pendingTimers, type DueCase } from '../../db/repositories/timers';
import { Scheduler } from '../../server/scheduler';
import { chinaStartOf } from '../../workflows/deadlineTimers';
import { rooms } from '../../workflows/socketContract';
import { Api, buildCase, DEMO } from '../helpers/api';
import { closeAll, connect, Inbox, startLiveServer, subscribe, waitUntil, type ClientSocket } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * Durable deadlines: timer rows planned with every transition, fired by the
 * scheduler (every 50 ms here) through the command path, with the server's
 * time under the test's control. Expected dates were counted by hand on the
 * State Council's calendar (see tests/integration/clock.test.ts):
 *
 *   2024 National Day: Tue 10-01 … Mon 10-07 off; Sun 09-29 and Sat 10-12 worked.
 *   Working days after Fri 09-27: 09-29* (1), 09-30 (2), 10-08 … 10-11 (6), 10-12* (7).
 *   The county item's town review takes 2 working days (its steps fit its promise of 10):
 *   accepted on 09-27 it is due Mon 09-30, yellow that day (2 of 2 used, past 80 %), red
 *   from Tue 10-01: a holiday, but a day past the deadline is overdue all the same.
 *
 * A timer is due at 00:00 China time of its day.
 */
const chinaMorning = (date: string) => new Date(`${date}T02:00:00Z`);
/** The stored due time of a timer on a China calendar date. */
const dueOn = (date: string) => dbTime(chinaStartOf(date));

describe('the deadline scheduler', () => {
  let srv: TestServer;
  let api: Api;
  let now = chinaMorning('2024-09-27');
  const on = (date: string) => {
    now = chinaMorning(date);
  };
  const sockets: ClientSocket[] = [];

  /** A case filed online now, with a socket following it. */
  const fileFollowed = async (overrides: Record<string, unknown> = {}) => {
    const filed = await api.file(buildCase(overrides));
    const s = await connect(srv.url, { caseNo: filed.caseNo, queryCode: filed.queryCode });
    sockets.push(s);
    const inbox = new Inbox(s);
    expect(await subscribe(s, { caseNo: filed.caseNo, sinceSeq: 0 })).toMatchObject({ ok: true });
    return { no: filed.caseNo as string, queryCode: filed.queryCode as string, inbox };
  };
  const act = async (user: string, caseNo: string, action: Record<string, unknown>) => {
    const res = await api.act(user, caseNo, action);
    expect({ user, type: action.type, status: res.status }).toEqual({ user, type: action.type, status: 200 });
    return res.body.case;
  };
  const caseId = async (caseNo: string) => Number((await srv.ctx.db.knex('cases').where({ case_no: caseNo }).first('id')).id);
  // The step clock's timers; the escalation past the promise (kind 'escalate') is tested in
  // tests/integration/returnsAndUrging.test.ts.
  const timers = async (caseNo: string) =>
    (await pendingTimers(srv.ctx.db.knex, await caseId(caseNo))).filter((t) => t.kind !== 'escalate').map((t) => ({ kind: t.kind, dueAt: t.dueAt, caseVersion: t.caseVersion }));
  const events = async (caseNo: string) => {
    const res = await api.as('supervisor.city', 'GET', `/api/cases/${caseNo}/events`);
    expect(res.status).toBe(200);
    return res.body.events as { seq: number; type: string; actor: { role: string }; payload: Record<string, unknown>; opinion: string | null; at: string }[];
  };
  const view = async (caseNo: string) => (await api.as('supervisor.city', 'GET', `/api/cases/${caseNo}`)).body;
  const warnings = async (caseNo: string) => (await events(caseNo)).filter((e) => e.type === 'CLOCK_WARNING').map((e) => [e.payload.light, e.actor.role, e.at.slice(0, 10)]);
  /** A claim on the case by a scheduler that died mid-fire (claimed long ago): any scheduler may take it over. */
  const claimByDeadScheduler = async (caseNo: string) =>
    srv.ctx.db.knex('cases').where({ case_no: caseNo }).update({ timer_claimed_by: 'a-process-that-died', timer_claimed_at: dbTime(new Date('2024-09-01T00:00:00Z')) });

  beforeAll(async () => {
    srv = await startLiveServer('scheduler', { now: () => now, env: { SCHEDULER: 'on', SCHEDULER_INTERVAL_MS: '50' } });
    api = new Api(srv.url);
  });
  afterEach(() => closeAll(sockets));
  afterAll(() => srv.close());

  it('warns yellow when 80 % of the town review is used (09-30) and red the day after its deadline (10-01), exactly once each', async () => {
    on('2024-09-27');
    const { no, inbox } = await fileFollowed({ itemCode: DEMO.countyItemCode });
    const accepted = await act('clerk.village', no, { type: 'ACCEPT', opinion: '材料齐全，予以受理' });
    expect(accepted.clock).toMatchObject({ phase: 'review', deadline: '2024-09-30' });
    expect(await timers(no)).toEqual([
      { kind: 'warn-yellow', dueAt: dueOn('2024-09-30'), caseVersion: 2 },
      { kind: 'warn-red', dueAt: dueOn('2024-10-01'), caseVersion: 2 },
    ]);
    const townDesk = new Inbox(await connect(srv.url, { token: await api.token('clerk.town') }));
    sockets.push(townDesk.socket);

    on('2024-09-30');
    await inbox.until('the yellow warning', (i) => i.updatesOf(no).some((e) => e.type === 'CLOCK_WARNING'));
    expect(inbox.updatesOf(no).at(-1)).toMatchObject({ seq: 3, type: 'CLOCK_WARNING', state: 'review', light: 'yellow', deadline: '2024-09-30' });
    // The town clerk's desk hears the light change of a case in its queue.
    await townDesk.until('the light change at the town desk', (i) => i.queueOf(no).length > 0);
    expect(townDesk.queueOf(no)).toEqual([expect.objectContaining({ desk: rooms.desk(DEMO.townCode, null), change: 'updated', light: 'yellow', seq: 3 })]);
    // The yellow timer is spent; what is left is the red one, planned anew for this version:
    // on the deadline day itself the red is not due.
    expect(await timers(no)).toEqual([{ kind: 'warn-red', dueAt: dueOn('2024-10-01'), caseVersion: 3 }]);
    expect(await warnings(no)).toEqual([['yellow', 'system', '2024-09-30']]);
    expect((await view(no)).clock).toMatchObject({ light: 'yellow', deadline: '2024-09-30' });

    on('2024-10-01');
    await inbox.until('the red warning', (i) => i.updatesOf(no).some((e) => e.type === 'CLOCK_WARNING' && e.light === 'red'));
    expect(inbox.updatesOf(no).at(-1)).toMatchObject({ seq: 4, type: 'CLOCK_WARNING', light: 'red' });
    // Nothing is left to fire: neither warning can come again.
    expect(await timers(no)).toEqual([]);
    expect(await warnings(no)).toEqual([
      ['yellow', 'system', '2024-09-30'],
      ['red', 'system', '2024-10-01'],
    ]);
    expect(inbox.updatesOf(no).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect((await view(no)).clock).toMatchObject({ light: 'red', deadline: '2024-09-30' });
  });

  /*
   * Filed Mon 09-23: acceptance (5) 09-24, 09-25, 09-26, 09-27 (4 → yellow), 09-29* → due 09-29,
   * deemed accepted from 09-30. Materials requested Wed 09-25, supplied Wed 10-09: acceptance
   * restarts, 10-10, 10-11, 10-12*, 10-14 (4 → yellow), 10-15 → due 10-15, deemed from 10-16.
   */
  it('fires no warning while the clock is paused for materials; the timers come back, moved, on supply', async () => {
    on('2024-09-23');
    const paused = await fileFollowed({ itemCode: DEMO.countyItemCode });
    const canary = await fileFollowed({ itemCode: DEMO.countyItemCode });
    expect(await timers(paused.no)).toEqual([
      { kind: 'warn-yellow', dueAt: dueOn('2024-09-27'), caseVersion: 1 },
      { kind: 'deem-accepted', dueAt: dueOn('2024-09-30'), caseVersion: 1 },
    ]);

    on('2024-09-25');
    const req = await act('clerk.village', paused.no, { type: 'REQUEST_MATERIALS', missing: ['场地平面图'], opinion: '请一次性补正' });
    expect(req.clock).toMatchObject({ paused: true, pauseKind: 'materials', deadline: null });
    expect(await timers(paused.no)).toEqual([]);

    // Well past both dates. The case filed the same day and not paused gets its warning and is
    // then deemed accepted: the scheduler has run past the paused case's old dates.
    on('2024-10-08');
    await canary.inbox.until('the canary deemed accepted', (i) => i.updatesOf(canary.no).some((e) => e.type === 'ACCEPT'));
    expect((await events(canary.no)).at(-1)).toMatchObject({ type: 'ACCEPT', actor: { role: 'system' } });
    expect((await events(paused.no)).map((e) => e.type)).toEqual(['SUBMIT', 'REQUEST_MATERIALS']);
    await paused.inbox.untilSeq(paused.no, 2);
    expect(paused.inbox.updatesOf(paused.no).map((e) => e.type)).toEqual(['SUBMIT', 'REQUEST_MATERIALS']);
    expect(await view(paused.no)).toMatchObject({ state: 'awaitingMaterials', version: 2 });

    on('2024-10-09');
    const supplied = await api.request('POST', `/api/cases/${paused.no}/actions`, {
      body: { type: 'SUPPLY_MATERIALS', materials: ['场地平面图'] },
      headers: { 'x-query-code': paused.queryCode },
    });
    expect(supplied.status).toBe(200);
    expect(supplied.body.case.clock).toMatchObject({ phase: 'acceptance', paused: false, deadline: '2024-10-15' });
    expect(await timers(paused.no)).toEqual([
      { kind: 'warn-yellow', dueAt: dueOn('2024-10-14'), caseVersion: 3 },
      { kind: 'deem-accepted', dueAt: dueOn('2024-10-16'), caseVersion: 3 },
    ]);

    // The moved timer fires on its new date.
    on('2024-10-14');
    await paused.inbox.until('the yellow warning after the pause', (i) => i.updatesOf(paused.no).some((e) => e.type === 'CLOCK_WARNING'));
    expect(await warnings(paused.no)).toEqual([['yellow', 'system', '2024-10-14']]);
  });

  it('deems a case accepted when its 5-day notice period passed without a materials request, counting the clock from arrival', async () => {
    on('2024-09-23');
    const { no, inbox } = await fileFollowed({ itemCode: DEMO.countyItemCode });
    on('2024-09-27');
    await inbox.until('the yellow warning in acceptance', (i) => i.updatesOf(no).some((e) => e.type === 'CLOCK_WARNING'));
    expect(await timers(no)).toEqual([{ kind: 'deem-accepted', dueAt: dueOn('2024-09-30'), caseVersion: 2 }]);

    on('2024-09-30');
    await inbox.until('the acceptance by the system', (i) => i.updatesOf(no).some((e) => e.type === 'ACCEPT'));
    const accept = (await events(no)).at(-1)!;
    expect(accept).toMatchObject({ seq: 3, type: 'ACCEPT', actor: { role: 'system' } });
    expect(accept.opinion).toContain('第三十二条');
    expect(accept.at.slice(0, 10)).toBe('2024-09-30');
    expect(inbox.updatesOf(no).at(-1)).toMatchObject({ seq: 3, type: 'ACCEPT', state: 'review', level: 'town', jurisdictionCode: DEMO.townCode });
    // Town review, 2 working days counted from arrival (09-23), not from 09-30: 09-24 (1),
    // 09-25 (2). The case reaches the town already past its step's deadline.
    const c = await view(no);
    expect(c).toMatchObject({ state: 'review', step: { level: 'town' } });
    expect(c.clock).toMatchObject({ phase: 'review', limitDays: 2, usedDays: 6, deadline: '2024-09-25', light: 'red' });
    // It arrives red: the acceptance itself carries the light, and no warning is left to fire.
    expect(inbox.updatesOf(no).at(-1)).toMatchObject({ seq: 3, type: 'ACCEPT', light: 'red', deadline: '2024-09-25' });
    expect(await timers(no)).toEqual([]);
    expect(await warnings(no)).toEqual([['yellow', 'system', '2024-09-27']]);
  });

  it('completes an electronic delivery by itself at the start of the next working day (after National Day)', async () => {
    on('2024-09-30');
    const { no, inbox } = await fileFollowed({ delivery: { mode: 'electronic' } });
    await act('clerk.village', no, { type: 'ACCEPT' });
    await act('clerk.town', no, { type: 'FORWARD', opinion: '初审同意，报区局' });
    await act('reviewer.county', no, { type: 'FORWARD', opinion: '审查同意，报市局' });
    await act('reviewer.city', no, { type: 'APPROVE', opinion: '符合条件，准予许可' });
    await act('reviewer.city', no, { type: 'ISSUE', licenceNo: 'YP33030020240003' });
    const delivered = await act('clerk.village', no, { type: 'DELIVER', mode: 'electronic' });
    expect(delivered.state).toBe('delivered');
    // Delivered Mon 09-30; 10-01..10-07 are off: the next working day is Tue 10-08.
    expect(await timers(no)).toEqual([{ kind: 'auto-complete', dueAt: dueOn('2024-10-08'), caseVersion: 7 }]);

    // A scheduler that died had claimed the case: its claim is long stale and is taken over.
    expect(await claimByDeadScheduler(no)).toBe(1);
    on('2024-10-08');
    await inbox.until('the completion', (i) => i.updatesOf(no).some((e) => e.type === 'COMPLETE'));
    const done = (await events(no)).at(-1)!;
    expect(done).toMatchObject({ seq: 8, type: 'COMPLETE', actor: { role: 'system' } });
    expect(done.at.slice(0, 10)).toBe('2024-10-08');
    expect(inbox.updatesOf(no).at(-1)).toMatchObject({ seq: 8, state: 'completed' });
    expect(await view(no)).toMatchObject({ state: 'completed', version: 8 });
    expect(await timers(no)).toEqual([]);
  });

  it('fires nothing for a stale claim: the case moved on between a scheduler\'s claim and its firing', async () => {
    on('2024-09-27');
    const { no, inbox } = await fileFollowed({ itemCode: DEMO.countyItemCode });
    await act('clerk.village', no, { type: 'ACCEPT' });
    expect(await timers(no)).toEqual([
      { kind: 'warn-yellow', dueAt: dueOn('2024-09-30'), caseVersion: 2 },
      { kind: 'warn-red', dueAt: dueOn('2024-10-01'), caseVersion: 2 },
    ]);

    // Sun 09-29 (worked) for the server. A scheduler whose clock already reads 09-30 claims the
    // case with its yellow due, and stalls before firing.
    on('2024-09-29');
    const stalled = new Scheduler(srv.ctx, 'stalled-scheduler');
    // On MySQL the claim's SKIP LOCKED passes over a row that the server's own scheduler pass
    // holds locked at that instant (its range scan locks the next key): claim again until ours
    // is taken, as the stalled scheduler's next pass would.
    let mine: DueCase | undefined;
    await waitUntil('the stalled scheduler claims the case', async () => {
      const claimed = await claimDueCases(srv.ctx.db.knex, srv.ctx.db.dialect, { owner: 'stalled-scheduler', now: dueOn('2024-09-30'), staleBefore: dueOn('2024-09-01'), limit: 100 });
      mine = claimed.find((c) => c.caseNo === no) ?? mine;
      return mine !== undefined;
    });
    expect(mine).toMatchObject({ caseVersion: 2, timers: [{ kind: 'warn-yellow' }, { kind: 'warn-red' }, { kind: 'escalate' }] });

    // The town forwards meanwhile: the county decides in 6 working days: 09-30 (1), 10-08 (2),
    // 10-09 (3), 10-10 (4), 10-11 (5 → yellow, past 80 %), 10-12* (6) → due Sat 10-12, red from
    // 10-13. The town's timers (09-30, 10-01) are gone, and so is the claim.
    const fwd = await act('clerk.town', no, { type: 'FORWARD', opinion: '初审同意，报区局' });
    expect(fwd.clock).toMatchObject({ phase: 'decision', limitDays: 6, deadline: '2024-10-12' });
    // The outbox publishes after the commit: wait for the forward's push before the stale firing.
    await inbox.untilSeq(no, 3);

    // The stalled scheduler wakes up and fires what it claimed: refused as stale, nothing changes.
    on('2024-09-30');
    expect(await stalled.fire(mine!)).toBe(false);
    expect((await events(no)).map((e) => e.type)).toEqual(['SUBMIT', 'ACCEPT', 'FORWARD']);
    expect(await view(no)).toMatchObject({ version: 3, lastSeq: 3, state: 'decision' });
    expect(inbox.updatesOf(no).map((e) => e.seq)).toEqual([1, 2, 3]);
    // The current version's timers are untouched.
    expect(await timers(no)).toEqual([
      { kind: 'warn-yellow', dueAt: dueOn('2024-10-11'), caseVersion: 3 },
      { kind: 'warn-red', dueAt: dueOn('2024-10-13'), caseVersion: 3 },
    ]);
  });
});
