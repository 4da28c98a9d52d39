import { RectificationScheduler } from '../../server/ratings/rectificationScheduler';
import { Api, buildCase, DEMO } from '../helpers/api';
import { acceptedCase, closedCase, ratingBody } from '../helpers/ratingsFactories';
import { startLiveServer } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * 问责 over real HTTP: a supervisor follows a case that went wrong (a bad
 * rating, an overdue promise, a rectification left past its deadline) to the
 * power its item implements and the responsibility matters it reaches, with
 * the desk and the staff who handled it. Only supervisors and administrators
 * whose jurisdiction holds the case read it.
 */
const T0 = Date.parse('2026-03-02T01:00:00Z'); // Monday 09:00 in Wenzhou

type Duty = { matter: string; accountability: string; targets: string; reachedBy: string[] };
const reachedMatters = (body: { responsibilities: Duty[] }, kind: string) => body.responsibilities.filter((d) => d.reachedBy.includes(kind)).map((d) => d.matter.split('：')[0]);

describe('accountability of a case (问责)', () => {
  const api = new Api('');
  let srv: TestServer;
  let now = T0;
  const read = (caseNo: string, user = 'supervisor.city') => api.as(user, 'GET', `/api/cases/${caseNo}/accountability`);

  beforeAll(async () => {
    srv = await startLiveServer('accountability', { now: () => new Date(now) });
    api.baseUrl = srv.url;
  }, 60_000);
  afterAll(async () => {
    await srv?.close();
  });

  it('follows a bad final rating to the power, the matters it reaches and the desk and staff who handled it', async () => {
    const c = await closedCase(api);
    expect((await api.as('applicant', 'POST', `/api/cases/${c.caseNo}/rating`, ratingBody('final', 1, { comment: '审查太慢' }))).status).toBe(201);
    const res = await read(c.caseNo);
    expect(res.status).toBe(200);
    const item = (await api.request('GET', `/api/items/${DEMO.cityItemCode}`)).body;
    expect(res.body.power).toMatchObject({ code: item.power.code, type: '行政许可', level: 'city' });
    expect(res.body.power.supervision.text).toBeTruthy();
    const [t] = res.body.triggers;
    expect(t).toMatchObject({ kind: 'bad_rating', stage: 'final', overall: 1, desk: { jurisdictionCode: DEMO.cityCode, department: 'market' }, rectification: { state: 'verifying', overdue: false } });
    expect(t.handlers.map((h: { type: string }) => h.type)).toContain('APPROVE');
    expect(reachedMatters(res.body, 'bad_rating')).toEqual(['审查责任', '决定责任', '送达责任']);
    expect(res.body.responsibilities.find((d: Duty) => d.matter.startsWith('决定责任')).accountability).toMatch(/不予许可|法定期限/);
    expect(res.body.unmatched).toEqual([]);
  });

  it('takes a bad rating at acceptance to the acceptance and the village desk that accepted', async () => {
    const c = await acceptedCase(api);
    expect((await api.as('applicant', 'POST', `/api/cases/${c.caseNo}/rating`, ratingBody('accept', 2))).status).toBe(201);
    const res = await read(c.caseNo, 'supervisor.county');
    expect(res.status).toBe(200);
    expect(res.body.triggers).toEqual([expect.objectContaining({ kind: 'bad_rating', stage: 'accept', desk: expect.objectContaining({ jurisdictionCode: DEMO.villageCode }) })]);
    expect(reachedMatters(res.body, 'bad_rating')).toEqual(['受理责任']);
  });

  it('names no trigger for a case that went well, and reaches no matter', async () => {
    const c = await closedCase(api);
    expect((await api.as('applicant', 'POST', `/api/cases/${c.caseNo}/rating`, ratingBody('final', 5))).status).toBe(201);
    const res = await read(c.caseNo, 'admin');
    expect([res.status, res.body.triggers, res.body.responsibilities.some((d: Duty) => d.reachedBy.length > 0), res.body.responsibilities.length > 0]).toEqual([200, [], false, true]);
  });

  it('is the supervisors’ and administrators’ of the case’s jurisdiction alone', async () => {
    const c = await acceptedCase(api);
    const away = await api.file(buildCase({ centreCode: DEMO.otherTownCode }), 'applicant');
    for (const user of ['reviewer.city', 'clerk.village', 'applicant']) expect([user, (await read(c.caseNo, user)).body.error?.code]).toEqual([user, 'FORBIDDEN']);
    const byCode = await api.request('GET', `/api/cases/${c.caseNo}/accountability`, { headers: { 'x-query-code': c.queryCode } });
    expect([byCode.status, byCode.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const outside = await read(away.caseNo, 'supervisor.county');
    expect([outside.status, outside.body.error.code]).toEqual([404, 'CASE_NOT_FOUND']);
    expect((await read(away.caseNo, 'supervisor.city')).status).toBe(200);
    expect((await api.request('GET', `/api/cases/${c.caseNo}/accountability`)).status).toBe(401);
    expect((await read('2026-bad', 'supervisor.city')).status).toBe(400);
  });

  it('follows an overdue case to the step holding it, and a rectification left past its deadline', async () => {
    const running = await acceptedCase(api);
    const rated = await closedCase(api);
    const task = (await api.as('applicant', 'POST', `/api/cases/${rated.caseNo}/rating`, ratingBody('final', 1))).body.rectification;
    expect((await read(running.caseNo)).body.triggers).toEqual([]);
    now = Date.parse(`${task.dueOn}T01:00:00Z`) + 120 * 86_400_000;
    const late = await read(running.caseNo);
    expect(late.body.triggers).toEqual([expect.objectContaining({ kind: 'overdue_case', desk: expect.objectContaining({ jurisdictionCode: DEMO.townCode }) })]);
    expect(late.body.triggers[0].overdueDays).toBeGreaterThan(0);
    expect(reachedMatters(late.body, 'overdue_case')).toEqual(['审查责任']);
    expect(await new RectificationScheduler(srv.ctx).tick()).toBeGreaterThanOrEqual(1);
    const kinds = (await read(rated.caseNo)).body.triggers.map((t: { kind: string; rectification?: { overdue: boolean } }) => [t.kind, t.rectification?.overdue]);
    expect(kinds).toEqual([['bad_rating', true], ['rectification_overdue', true]]);
  });
});
