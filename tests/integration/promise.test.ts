import { Api, buildCase, DEMO } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { WorkCalendar } from '../../workflows/calendar';
import { chineseCalendarDays, CALENDAR_YEARS } from '../../workflows/holidayData';

/*
 * The one promised completion date (承诺办结日期) over real HTTP: counted from
 * acceptance over the item's promised days, moved only by recorded reasons
 * (a special procedure's working days, the one extension of 10), never backwards.
 */
const cal = new WorkCalendar(chineseCalendarDays(), [...CALENDAR_YEARS]);
const chinaMorning = (date: string) => new Date(`${date}T02:00:00Z`);
const ISO = /^\d{4}-\d{2}-\d{2}$/;

describe('the promised completion date', () => {
  let srv: TestServer;
  let api: Api;
  let now = chinaMorning('2024-10-08');
  const on = (d: string) => (now = chinaMorning(d));
  beforeAll(async () => {
    srv = await startTestServer({ now: () => now });
    api = new Api(srv.url);
  });
  afterAll(() => srv.close());
  const get = async (no: string) => (await api.as('clerk.village', 'GET', `/api/cases/${no}`)).body;

  it('starts at acceptance, is an ISO date on GET /api/cases/:caseNo, and never moves backwards', async () => {
    const item = (await api.request('GET', `/api/items/${DEMO.countyItemCode}`)).body;
    on('2024-10-08');
    const filed = await api.file(buildCase({ itemCode: DEMO.countyItemCode }));
    const no = filed.caseNo;
    expect((await get(no)).promise).toMatchObject({ status: 'pending', dueOn: null });
    on('2024-10-09');
    expect((await api.act('clerk.village', no, { type: 'ACCEPT' })).status).toBe(200);
    const accepted = await get(no);
    const due0 = cal.addWorkingDays('2024-10-09', item.promisedDays);
    expect(accepted.promise).toMatchObject({ status: 'running', limitDays: item.promisedDays, dueOn: due0, overdueDays: 0 });
    expect(accepted.step.dueOn).toMatch(ISO);
    const seen: string[] = [due0];

    on('2024-10-10');
    expect((await api.act('clerk.town', no, { type: 'FORWARD', opinion: '初审同意' })).status).toBe(200);
    seen.push((await get(no)).promise.dueOn);
    expect(seen.at(-1)).toBe(due0); // forwarding moves the step clock, not the promise

    on('2024-10-11');
    expect((await api.act('reviewer.county', no, { type: 'START_SPECIAL', procedure: 'inspection', reason: '现场核查' })).status).toBe(200);
    on('2024-10-16');
    const paused = await get(no);
    expect(paused.promise).toMatchObject({ status: 'paused', pauseKind: 'special' });
    seen.push(paused.promise.dueOn);
    on('2024-10-17');
    expect((await api.act('reviewer.county', no, { type: 'END_SPECIAL', opinion: '合格' })).status).toBe(200);
    // Moved by exactly the working days the special procedure lasted (10-12 Sat make-up .. 10-17).
    const resumed = (await get(no)).promise.dueOn;
    expect(resumed).toBe(cal.addWorkingDays(due0, cal.workingDaysBetween('2024-10-11', '2024-10-17')));
    seen.push(resumed);

    expect((await api.act('reviewer.county', no, { type: 'EXTEND', reason: '情况复杂' })).status).toBe(200);
    const extended = await get(no);
    expect(extended.promise.dueOn).toBe(cal.addWorkingDays(resumed, 10));
    expect(extended.promise.limitDays).toBe(item.promisedDays + 10);
    seen.push(extended.promise.dueOn);

    expect((await api.act('reviewer.county', no, { type: 'RETURN', reason: '请补充初审意见' })).status).toBe(200);
    seen.push((await get(no)).promise.dueOn);
    expect(seen.every((d) => ISO.test(d))).toBe(true);
    expect(seen).toEqual([...seen].sort());
  });

  it('past the promised date a case is overdue on the dashboard, by the promise and not by a step light', async () => {
    const item = (await api.request('GET', `/api/items/${DEMO.countyItemCode}`)).body;
    on('2025-03-03');
    const before = (await api.as('supervisor.county', 'GET', '/api/stats/dashboard')).body.counters.overdue;
    const filed = await api.file(buildCase({ itemCode: DEMO.countyItemCode }));
    expect((await api.act('clerk.village', filed.caseNo, { type: 'ACCEPT' })).status).toBe(200);
    const due = cal.addWorkingDays('2025-03-03', item.promisedDays);
    on(due);
    expect((await api.as('supervisor.county', 'GET', '/api/stats/dashboard')).body.counters.overdue).toBe(before);
    on(cal.addWorkingDays(due, 3));
    const late = await get(filed.caseNo);
    expect(late.promise).toMatchObject({ status: 'running', light: 'red', overdueDays: 3, dueOn: due });
    expect((await api.as('supervisor.county', 'GET', '/api/stats/dashboard')).body.counters.overdue).toBe(before + 1);
  });
});
