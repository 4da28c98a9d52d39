import { Api, buildCase, DEMO } from '../helpers/api';
import { isMysql, startTestServer, type TestServer } from '../helpers/testServer';
import { pendingTimers } from '../../db/repositories/timers';

/*
 * The time-limit clock and the warning lights over real HTTP, with the
 * server's time source under the test's control. Every expected date below
 * was counted by hand on the State Council's published calendar (not with
 * the code under test):
 *
 *   2024 National Day: Tue 10-01 … Mon 10-07 off; Sun 09-29 and Sat 10-12 worked.
 *   Nothing else is off between 09-18 and 11-30 2024 (Mid-Autumn was 09-15..17).
 *
 * Working days after Fri 2024-09-27 (the day of acceptance does not count):
 *    1 Sun 09-29*   2 Mon 09-30   — 10-01..10-07 off —
 *    3 Tue 10-08    4 Wed 10-09    5 Thu 10-10    6 Fri 10-11    7 Sat 10-12*
 *    8 Mon 10-14    9 Tue 10-15   10 Wed 10-16                (* make-up days)
 * The seeded item shares its promise of 10 working days among its steps
 * (read from the item below): town review 2, county decision 6, issue 1,
 * deliver 1. So the town's 2-day review runs to Mon 2024-09-30, the light
 * turns yellow when 2 days (80 % of 2, rounded up) are used, on 09-30 itself,
 * and red the calendar day after, Tue 10-01, in the holiday; the promise
 * (10 days) falls on Wed 2024-10-16.
 */

/** 10:00 in China (UTC+8) on that date. */
const chinaMorning = (date: string) => new Date(`${date}T02:00:00Z`);

describe('the clock and the lights across National Day 2024', () => {
  let srv: TestServer;
  let api: Api;
  let now = new Date('2024-09-27T02:00:00Z');
  const on = (date: string) => {
    now = chinaMorning(date);
  };
  beforeAll(async () => {
    srv = await startTestServer({ now: () => now });
    api = new Api(srv.url);
  });
  afterAll(() => srv.close());

  const clockOf = async (caseNo: string) => {
    const res = await api.as('clerk.village', 'GET', `/api/cases/${caseNo}`);
    expect(res.status).toBe(200);
    return res.body.clock;
  };
  const inQueue = async (user: string, light: string, caseNo: string) => {
    const res = await api.as(user, 'GET', `/api/queue?light=${light}&limit=200`);
    expect(res.status).toBe(200);
    for (const c of res.body.cases) expect(c.light).toBe(light);
    return res.body.cases.some((c: any) => c.caseNo === caseNo);
  };

  it('uses an item that the village accepts, the town reviews and the county decides, promised in 10 days', async () => {
    const item = await api.request('GET', `/api/items/${DEMO.countyItemCode}`);
    expect(item.status).toBe(200);
    expect(item.body.route.map((s: any) => `${s.kind}@${s.level}`)).toEqual([
      'accept@village', 'review@town', 'decide@county', 'issue@county', 'deliver@village',
    ]);
    // The internal limits (环节时限) every date below was counted on: they add up to the promise.
    expect(item.body.route.slice(1).map((s: any) => s.limitDays)).toEqual([2, 6, 1, 1]);
    expect(item.body.promisedDays).toBe(10);
  });

  it('counts the town review across National Day: green, yellow at 80 %, red the day after the deadline', async () => {
    on('2024-09-27'); // Friday
    const filed = await api.file(buildCase({ itemCode: DEMO.countyItemCode }));
    expect(filed.caseNo.startsWith('20240927-')).toBe(true);
    // Acceptance: 5 working days after Fri 09-27 → 09-29*, 09-30, 10-08, 10-09, 10-10.
    expect(filed.clock).toMatchObject({ phase: 'acceptance', limitDays: 5, usedDays: 0, deadline: '2024-10-10', light: 'green' });
    const acc = await api.act('clerk.village', filed.caseNo, { type: 'ACCEPT', opinion: '材料齐全，予以受理' });
    expect(acc.status).toBe(200);
    expect(acc.body.case.step).toMatchObject({ kind: 'review', level: 'town', jurisdictionCode: DEMO.townCode });
    const no = filed.caseNo;

    expect(await clockOf(no)).toMatchObject({
      phase: 'review', limitDays: 2, usedDays: 0, leftDays: 2, deadline: '2024-09-30', light: 'green', paused: false, provisional: false,
    });
    const promised = await api.as('clerk.village', 'GET', `/api/cases/${no}`);
    expect(promised.body.promise).toMatchObject({ status: 'running', limitDays: 10, dueOn: '2024-10-16', usedDays: 0, leftDays: 10, overdueDays: 0, light: 'green' });

    on('2024-09-29'); // Sunday, a make-up working day: it counts
    expect(await clockOf(no)).toMatchObject({ usedDays: 1, leftDays: 1, light: 'green', deadline: '2024-09-30' });
    expect(await inQueue('clerk.town', 'green', no)).toBe(true);
    expect(await inQueue('clerk.town', 'yellow', no)).toBe(false);

    // 00:30 on 09-30 in China is still 09-29 in UTC: the clock follows China's date.
    now = new Date('2024-09-29T16:30:00Z');
    expect(await clockOf(no)).toMatchObject({ usedDays: 2, leftDays: 0, light: 'yellow' });
    on('2024-09-30'); // the deadline itself: yellow, not yet red
    expect(await clockOf(no)).toMatchObject({ usedDays: 2, leftDays: 0, light: 'yellow', deadline: '2024-09-30' });
    expect(await inQueue('clerk.town', 'yellow', no)).toBe(true);
    expect(await inQueue('clerk.town', 'green', no)).toBe(false);
    expect(await inQueue('clerk.town', 'red', no)).toBe(false);

    on('2024-10-01'); // the day after the deadline, a holiday: red, though no working day has passed
    expect(await clockOf(no)).toMatchObject({ usedDays: 2, leftDays: 0, light: 'red', deadline: '2024-09-30' });
    on('2024-10-07'); // last day of the holiday: nothing counted since 09-30
    expect(await clockOf(no)).toMatchObject({ usedDays: 2, leftDays: 0, light: 'red' });
    on('2024-10-08');
    expect(await clockOf(no)).toMatchObject({ usedDays: 3, leftDays: -1, light: 'red', deadline: '2024-09-30' });
    expect(await inQueue('clerk.town', 'red', no)).toBe(true);
    expect(await inQueue('clerk.town', 'yellow', no)).toBe(false);
    // The case waits at the town, not at the village.
    expect(await inQueue('clerk.village', 'red', no)).toBe(false);
    const red = await api.as('clerk.town', 'GET', '/api/queue?light=red&limit=200');
    expect(red.body.cases.find((c: any) => c.caseNo === no)).toMatchObject({ light: 'red', clock: { light: 'red', usedDays: 3 } });
    // The step is late; the promise is not: 3 of its 10 days used.
    const later = await api.as('clerk.village', 'GET', `/api/cases/${no}`);
    expect(later.body.promise).toMatchObject({ dueOn: '2024-10-16', usedDays: 3, leftDays: 7, overdueDays: 0, light: 'green' });
  });

  /*
   * Materials and the special procedure, on one case of the same item:
   *   filed Mon 2024-09-23; acceptance (5): 09-24, 09-25, 09-26, 09-27, 09-29* → 2024-09-29.
   *   materials requested Wed 09-25 (2 days used: 09-24, 09-25), supplied Wed 10-09:
   *   acceptance restarts, 5 days after 10-09: 10-10, 10-11, 10-12*, 10-14, 10-15 → 2024-10-15.
   *   accepted Thu 10-10; town forwards Fri 10-11: the county's decision period (its step limit 6) runs
   *   10-12*, 10-14, 10-15, 10-16, 10-17, 10-18 → 2024-10-18.
   *   special procedure Tue 10-15 (3 days used: 10-12*, 10-14, 10-15) to Tue 10-22: it lasted
   *   5 working days (10-16, 10-17, 10-18, 10-21, 10-22), so the deadline moves 5 working days:
   *   10-21, 10-22, 10-23, 10-24, 10-25 → 2024-10-25.
   *   extension by 10: 10-28, 10-29, 10-30, 10-31, 11-01, 11-04, 11-05, 11-06, 11-07, 11-08 → 2024-11-08.
   *   The promise (10) from the acceptance on 10-10: 10-11, 10-12*, 10-14 … 10-18, 10-21, 10-22, 10-23
   *   → 2024-10-23; the same 5 paused days → 10-24, 10-25, 10-28, 10-29, 10-30 → 2024-10-30; the
   *   extension → 10-31, 11-01, 11-04 … 11-08, 11-11, 11-12, 11-13 → 2024-11-13.
   */
  it('pauses for materials, freezes while time passes, and restarts the acceptance period on supply', async () => {
    on('2024-09-23');
    const filed = await api.file(buildCase({ itemCode: DEMO.countyItemCode }));
    const no = filed.caseNo;
    expect(filed.clock).toMatchObject({ phase: 'acceptance', limitDays: 5, deadline: '2024-09-29', paused: false });

    on('2024-09-25');
    const req = await api.act('clerk.village', no, { type: 'REQUEST_MATERIALS', missing: ['经营场所使用证明', '食品安全管理制度'], opinion: '请一次性补正' });
    expect(req.status).toBe(200);
    expect(req.body.case.state).toBe('awaitingMaterials');
    expect(req.body.case.clock).toMatchObject({ paused: true, pauseKind: 'materials', deadline: null, usedDays: 2, leftDays: 3 });

    for (const date of ['2024-09-30', '2024-10-08']) {
      on(date);
      expect(await clockOf(no)).toMatchObject({ phase: 'acceptance', paused: true, pauseKind: 'materials', deadline: null, usedDays: 2, leftDays: 3 });
    }
    // A paused case has no running deadline: it never turns red in the queue.
    expect(await inQueue('clerk.village', 'red', no)).toBe(false);

    on('2024-10-09');
    const supply = await api.request('POST', `/api/cases/${no}/actions`, {
      body: { type: 'SUPPLY_MATERIALS', materials: ['经营场所使用证明', '食品安全管理制度'] },
      headers: { 'x-query-code': filed.queryCode },
    });
    expect(supply.status).toBe(200);
    expect(supply.body.case.state).toBe('acceptanceReview');
    expect(supply.body.case.clock).toMatchObject({ phase: 'acceptance', paused: false, pauseKind: null, limitDays: 5, usedDays: 0, leftDays: 5, deadline: '2024-10-15', light: 'green' });

    const events = await api.request('GET', `/api/cases/${no}/events`, { headers: { 'x-query-code': filed.queryCode } });
    expect(events.status).toBe(200);
    expect(events.body.events.map((e: any) => [e.type, e.fromState, e.toState])).toEqual([
      ['SUBMIT', 'submitted', 'acceptanceReview'],
      ['REQUEST_MATERIALS', 'acceptanceReview', 'awaitingMaterials'],
      ['SUPPLY_MATERIALS', 'awaitingMaterials', 'acceptanceReview'],
    ]);
    expect(events.body.events[1]).toMatchObject({ actor: { role: 'clerk' }, level: 'village', opinion: '请一次性补正', payload: { missing: ['经营场所使用证明', '食品安全管理制度'] } });
    expect(events.body.events[1].at).toContain('2024-09-25');
    expect(events.body.events[2].actor.role).toBe('applicant');
    expect(events.body.events[2].at).toContain('2024-10-09');
  });

  it('does not count a special procedure: the decision deadline moves by exactly the working days it lasted; one extension of 10', async () => {
    on('2024-09-23');
    const filed = await api.file(buildCase({ itemCode: DEMO.countyItemCode }));
    const no = filed.caseNo;
    on('2024-09-25');
    await api.act('clerk.village', no, { type: 'REQUEST_MATERIALS', missing: ['营业执照'] });
    on('2024-10-09');
    await api.request('POST', `/api/cases/${no}/actions`, { body: { type: 'SUPPLY_MATERIALS', materials: ['营业执照'] }, headers: { 'x-query-code': filed.queryCode } });
    on('2024-10-10');
    expect((await api.act('clerk.village', no, { type: 'ACCEPT' })).status).toBe(200);
    on('2024-10-11');
    const fwd = await api.act('clerk.town', no, { type: 'FORWARD', opinion: '初审同意，报区局' });
    expect(fwd.status).toBe(200);
    expect(fwd.body.case.state).toBe('decision');
    expect(fwd.body.case.clock).toMatchObject({ phase: 'decision', limitDays: 6, usedDays: 0, deadline: '2024-10-18' });
    expect(fwd.body.case.promise).toMatchObject({ status: 'running', limitDays: 10, dueOn: '2024-10-23' });

    on('2024-10-15');
    const sp = await api.act('reviewer.county', no, { type: 'START_SPECIAL', procedure: 'inspection', reason: '需现场核查经营场所' });
    expect(sp.status).toBe(200);
    expect(sp.body.case.state).toBe('special');
    expect(sp.body.case.clock).toMatchObject({ paused: true, pauseKind: 'special', deadline: null, usedDays: 3, leftDays: 3 });
    on('2024-10-21');
    expect(await clockOf(no)).toMatchObject({ paused: true, pauseKind: 'special', deadline: null, usedDays: 3, leftDays: 3 });

    on('2024-10-22');
    const end = await api.act('reviewer.county', no, { type: 'END_SPECIAL', opinion: '现场核查合格' });
    expect(end.status).toBe(200);
    expect(end.body.case.state).toBe('decision');
    // 10-18 pushed by the 5 working days 10-16..10-22 (not by the 7 calendar days).
    expect(end.body.case.clock).toMatchObject({ phase: 'decision', paused: false, limitDays: 6, usedDays: 3, leftDays: 3, deadline: '2024-10-25' });
    expect(end.body.case.promise).toMatchObject({ status: 'running', dueOn: '2024-10-30' });

    const ext = await api.act('reviewer.county', no, { type: 'EXTEND', reason: '情况复杂，经负责人批准延长十个工作日' });
    expect(ext.status).toBe(200);
    expect(ext.body.case.extended).toBe(true);
    expect(ext.body.case.clock).toMatchObject({ limitDays: 16, usedDays: 3, leftDays: 13, deadline: '2024-11-08' });
    expect(ext.body.case.promise).toMatchObject({ limitDays: 20, dueOn: '2024-11-13' });
    const again = await api.act('reviewer.county', no, { type: 'EXTEND', reason: '再次延长' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INVALID_TRANSITION');
    expect((await clockOf(no)).deadline).toBe('2024-11-08');

    const events = await api.as('reviewer.county', 'GET', `/api/cases/${no}/events`);
    expect(events.status).toBe(200);
    const tail = events.body.events.slice(-3);
    expect(tail.map((e: any) => [e.type, e.fromState, e.toState])).toEqual([
      ['START_SPECIAL', 'decision', 'special'],
      ['END_SPECIAL', 'special', 'decision'],
      ['EXTEND', 'decision', 'decision'],
    ]);
    expect(tail[0]).toMatchObject({ opinion: '需现场核查经营场所', level: 'county', payload: { procedure: 'inspection' } });
    expect(tail[0].at).toContain('2024-10-15');
    expect(tail[1].at).toContain('2024-10-22');
    expect(tail[2].opinion).toBe('情况复杂，经负责人批准延长十个工作日');
    expect(events.body.events.map((e: any) => e.type)).toEqual([
      'SUBMIT', 'REQUEST_MATERIALS', 'SUPPLY_MATERIALS', 'ACCEPT', 'FORWARD', 'START_SPECIAL', 'END_SPECIAL', 'EXTEND',
    ]);
  });
});

/*
 * Deadlines in 2027, a year the State Council has not published yet: counted
 * by weekdays and flagged until an administrator adds the year; publishing it
 * recounts the stored step deadline, the promised date and the timers.
 *   filed Sun 2026-12-20 (acceptance 12-21..12-25: a published year), accepted Mon 12-21.
 *   Promise (10) from 12-21: 12-22..12-25 (4), 12-28..12-31 (8), Fri 2027-01-01 (9), Mon 01-04 (10)
 *   → 2027-01-04, provisional. With 2027-01-01 a holiday the 10th day is Tue 2027-01-05.
 *   The town forwards on Wed 12-30; the county's decision (6) by weekdays: 12-31 (1), 01-01 (2),
 *   01-04..01-07 (6) → 2027-01-07, provisional; yellow on the 5th day, Wed 01-06. With 01-01 off:
 *   12-31 (1), 01-04..01-08 (6) → Fri 2027-01-08, yellow on Thu 01-07.
 *   Raised to the level above (督办) 3 working days after the promised date: 01-07, then 01-08.
 */
describe('a deadline in the next, unpublished year', () => {
  let srv: TestServer;
  let api: Api;
  let now = new Date('2026-12-20T02:00:00Z');
  beforeAll(async () => {
    srv = await startTestServer({ now: () => now });
    api = new Api(srv.url);
  });
  afterAll(async () => {
    if (isMysql()) {
      // The MariaDB database is shared by every test file: take the made-up 2027 back out.
      await srv.ctx.db.knex('calendar_days').where('date', 'like', '2027-%').delete();
      await srv.ctx.db.knex('calendar_years').where({ year: 2027 }).delete();
    }
    await srv.close();
  });

  it('is provisional until an administrator publishes 2027, then recounted and firm', async () => {
    const years = await api.request('GET', '/api/calendar/years');
    expect(years.status).toBe(200);
    expect(years.body.years).toEqual(expect.arrayContaining([2013, 2024, 2026]));
    expect(years.body.years).not.toContain(2027);

    const filed = await api.file(buildCase({ itemCode: DEMO.countyItemCode }));
    // Acceptance ends 2026-12-25: still in a published year.
    expect(filed.clock).toMatchObject({ phase: 'acceptance', deadline: '2026-12-25', provisional: false });
    now = new Date('2026-12-21T02:00:00Z');
    const acc = await api.act('clerk.village', filed.caseNo, { type: 'ACCEPT' });
    expect(acc.status).toBe(200);
    expect(acc.body.case.promise).toMatchObject({ status: 'running', limitDays: 10, dueOn: '2027-01-04', provisional: true });
    now = new Date('2026-12-30T02:00:00Z');
    const fwd = await api.act('clerk.town', filed.caseNo, { type: 'FORWARD', opinion: '初审同意' });
    expect(fwd.status).toBe(200);
    expect(fwd.body.case.clock).toMatchObject({ phase: 'decision', limitDays: 6, deadline: '2027-01-07', provisional: true });
    const before = await api.as('reviewer.county', 'GET', `/api/cases/${filed.caseNo}`);
    expect(before.body.clock).toMatchObject({ deadline: '2027-01-07', provisional: true });
    expect(before.body.promise).toMatchObject({ dueOn: '2027-01-04', provisional: true });
    // Timers at midnight China time (16:00 UTC the day before): yellow when 5 of 6 days are used
    // (Wed 2027-01-06, provisional count), red the day after the deadline (Fri 2027-01-08),
    // escalation on the morning of 2027-01-07.
    const caseId = Number((await srv.ctx.db.knex('cases').where({ case_no: filed.caseNo }).first('id')).id);
    const timers = async () =>
      (await pendingTimers(srv.ctx.db.knex, caseId)).map((t) => `${t.kind} ${t.dueAt}`).sort();
    expect(await timers()).toEqual(['escalate 2027-01-06 16:00:00.000', 'warn-red 2027-01-07 16:00:00.000', 'warn-yellow 2027-01-05 16:00:00.000']);
    const stored = async () => srv.ctx.db.knex('cases').where({ id: caseId }).first('deadline_on', 'promise_due_on');
    expect(await stored()).toEqual({ deadline_on: '2027-01-07', promise_due_on: '2027-01-04' });

    const forbidden = await api.as('clerk.town', 'PUT', '/api/calendar/years/2027', { days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] });
    expect(forbidden.status).toBe(403);

    // A holiday published inside the running promise: the promised date moves out by it.
    const put = await api.as('admin', 'PUT', '/api/calendar/years/2027', {
      days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }],
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ year: 2027, days: 1 });
    expect(put.body.refreshedCases).toBeGreaterThanOrEqual(1);

    const after = await api.request('GET', '/api/calendar/years');
    expect(after.body.years).toContain(2027);
    const c = await api.as('reviewer.county', 'GET', `/api/cases/${filed.caseNo}`);
    expect(c.body.clock).toMatchObject({ phase: 'decision', deadline: '2027-01-08', provisional: false, usedDays: 0, leftDays: 6 });
    expect(c.body.promise).toMatchObject({ status: 'running', dueOn: '2027-01-05', provisional: false });
    // The stored dates were recounted too: queues, lights and overdue counts read them.
    expect(await stored()).toEqual({ deadline_on: '2027-01-08', promise_due_on: '2027-01-05' });
    // The timers moved with them: 01-01 off, so yellow on Thu 01-07, red on Sat 01-09, escalation on Fri 01-08.
    expect(await timers()).toEqual(['escalate 2027-01-07 16:00:00.000', 'warn-red 2027-01-08 16:00:00.000', 'warn-yellow 2027-01-06 16:00:00.000']);
    now = new Date('2027-01-08T02:00:00Z');
    const q = await api.as('reviewer.county', 'GET', '/api/queue?light=yellow&limit=200');
    expect(q.body.cases.find((x: any) => x.caseNo === filed.caseNo)).toMatchObject({ clock: { deadline: '2027-01-08', light: 'yellow' } });
    const red = await api.as('reviewer.county', 'GET', '/api/queue?light=red&limit=200');
    expect(red.body.cases.some((x: any) => x.caseNo === filed.caseNo)).toBe(false);
    // The promise passed on 01-05: overdue by 01-06, 01-07, 01-08.
    const late = await api.as('reviewer.county', 'GET', `/api/cases/${filed.caseNo}`);
    expect(late.body.promise).toMatchObject({ dueOn: '2027-01-05', overdueDays: 3, light: 'red' });
  });
});
