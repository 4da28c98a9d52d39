import { Api, buildCase, DEMO, type ApiResponse } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/testServer';

// Nobody sees or touches a case outside their jurisdiction and role, nor learns that it exists:
// a case one may not see answers exactly as a case number that was never given out (404).

/** 瑞安市, the county-level city that 安阳街道 (clerk.othertown) belongs to. */
const RUIAN = '330381000000';

function expectError(res: ApiResponse, status: number, code: string) {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
}

/** A case number that was never given out. */
const NO_SUCH_CASE = '20000101-999999';

describe('jurisdiction isolation', () => {
  let srv: TestServer;
  let api: Api;
  /** A case filed online at the demo village (鹿城区 · 五马街道 · 安澜社区). */
  let village: { caseNo: string; queryCode: string };

  beforeAll(async () => {
    srv = await startTestServer();
    api = new Api(srv.url);
    village = await api.file(buildCase());
  });
  afterAll(() => srv.close());

  /** The case row and its history, read by a user who may see it. */
  async function stateOf(caseNo: string) {
    const c = await api.as('supervisor.city', 'GET', `/api/cases/${caseNo}`);
    const e = await api.as('supervisor.city', 'GET', `/api/cases/${caseNo}/events`);
    expect([c.status, e.status]).toEqual([200, 200]);
    return { state: c.body.state, version: c.body.version, lastSeq: c.body.lastSeq, step: c.body.step, events: e.body.events };
  }

  /**
   * The answer gives the user nothing of the case, not even that it exists: 404
   * CASE_NOT_FOUND, word for word what the same request about a case number that
   * was never given out gets.
   */
  async function expectHidden(user: string, method: 'GET' | 'POST', path: string, body?: Record<string, unknown>) {
    const res = await api.as(user, method, path, body);
    const none = await api.as(user, method, path.replace(/\/api\/cases\/[^/]+/, `/api/cases/${NO_SUCH_CASE}`), body);
    expect({ user, path, status: res.status, body: res.body }).toEqual({ user, path, status: 404, body: none.body });
    expect(res.body.error.code).toBe('CASE_NOT_FOUND');
  }
  const hiddenAction = (user: string, caseNo: string, action: Record<string, unknown>) => expectHidden(user, 'POST', `/api/cases/${caseNo}/actions`, action);

  const inQueue = async (user: string, caseNo: string) => {
    const res = await api.as(user, 'GET', '/api/queue?limit=200');
    expect(res.status).toBe(200);
    return res.body.cases.some((c: { caseNo: string }) => c.caseNo === caseNo);
  };

  describe('a clerk of another town (瑞安市安阳街道)', () => {
    it('cannot read the case or its history, nor tell that it exists: 404 as for no case', async () => {
      await expectHidden('clerk.othertown', 'GET', `/api/cases/${village.caseNo}`);
      await expectHidden('clerk.othertown', 'GET', `/api/cases/${village.caseNo}/events`);
    });

    it('does not find the case in their queue, while the village clerk does', async () => {
      expect(await inQueue('clerk.village', village.caseNo)).toBe(true);
      expect(await inQueue('clerk.othertown', village.caseNo)).toBe(false);
    });

    it('cannot act on the case, whatever the action and version: 404 as for no case, and nothing changes', async () => {
      const before = await stateOf(village.caseNo);
      const actions = [
        { type: 'ACCEPT' },
        { type: 'ACCEPT', expectedVersion: before.version },
        { type: 'REFUSE', reasons: '不属于本中心受理范围', rightsNotice: '可申请行政复议' },
        { type: 'REQUEST_MATERIALS', missing: ['身份证复印件'] },
        { type: 'WITHDRAW' },
      ];
      for (const action of actions) await hiddenAction('clerk.othertown', village.caseNo, action);
      expect(await stateOf(village.caseNo)).toEqual(before);
    });

    it('cannot act on the case once it has climbed to the town above the village either', async () => {
      const c = await api.file(buildCase());
      expect((await api.act('clerk.village', c.caseNo, { type: 'ACCEPT' })).status).toBe(200);
      const before = await stateOf(c.caseNo);
      expect(before.step.jurisdictionCode).toBe(DEMO.townCode);
      await hiddenAction('clerk.othertown', c.caseNo, { type: 'FORWARD', opinion: '同意' });
      expect(await stateOf(c.caseNo)).toEqual(before);
      expect(await inQueue('clerk.othertown', c.caseNo)).toBe(false);
      expect(await inQueue('clerk.town', c.caseNo)).toBe(true);
    });

    it('is kept out in the other direction too: a 瑞安 case is invisible to the 鹿城 clerks and county supervisor', async () => {
      const res = await api.as('clerk.othertown', 'POST', '/api/cases', buildCase({ centreCode: DEMO.otherTownCode }));
      expect(res.status).toBe(201);
      const ruian = res.body;
      expect(await inQueue('clerk.othertown', ruian.caseNo)).toBe(true);
      expect(await inQueue('clerk.town', ruian.caseNo)).toBe(false);
      for (const user of ['clerk.village', 'clerk.town', 'supervisor.county', 'reviewer.county']) {
        await expectHidden(user, 'GET', `/api/cases/${ruian.caseNo}`);
        await expectHidden(user, 'GET', `/api/cases/${ruian.caseNo}/events`);
      }
      expect((await api.as('supervisor.city', 'GET', `/api/cases/${ruian.caseNo}`)).status).toBe(200);
      const before = await stateOf(ruian.caseNo);
      await hiddenAction('clerk.town', ruian.caseNo, { type: 'ACCEPT' });
      expect(await stateOf(ruian.caseNo)).toEqual(before);
    });
  });

  describe('a reviewer of another department', () => {
    it('gets 404 on a market case (as for no case), cannot act on it at its own level, and never queues it', async () => {
      const c = await api.file(buildCase({ itemCode: DEMO.countyItemCode }));
      expect((await api.act('clerk.village', c.caseNo, { type: 'ACCEPT' })).status).toBe(200);
      expect((await api.act('clerk.town', c.caseNo, { type: 'FORWARD', opinion: '初审同意' })).status).toBe(200);
      const before = await stateOf(c.caseNo);
      expect(before.step).toMatchObject({ level: 'county', department: DEMO.department, jurisdictionCode: DEMO.countyCode });
      await expectHidden('reviewer.health.county', 'GET', `/api/cases/${c.caseNo}`);
      await expectHidden('reviewer.health.county', 'GET', `/api/cases/${c.caseNo}/events`);
      await hiddenAction('reviewer.health.county', c.caseNo, { type: 'APPROVE', opinion: '准予许可' });
      expect(await inQueue('reviewer.health.county', c.caseNo)).toBe(false);
      expect(await inQueue('reviewer.county', c.caseNo)).toBe(true);
      expect(await stateOf(c.caseNo)).toEqual(before);
      // The market reviewer of the same county may see it.
      expect((await api.as('reviewer.county', 'GET', `/api/cases/${c.caseNo}`)).status).toBe(200);
    });
  });

  describe('supervisors', () => {
    it('lets the county supervisor see a 鹿城区 case, but not act on it', async () => {
      const res = await api.as('supervisor.county', 'GET', `/api/cases/${village.caseNo}`);
      expect(res.status).toBe(200);
      expect(res.body.centreCode).toBe(DEMO.villageCode);
      expect((await api.as('supervisor.county', 'GET', `/api/cases/${village.caseNo}/events`)).status).toBe(200);
      const before = await stateOf(village.caseNo);
      expectError(await api.act('supervisor.county', village.caseNo, { type: 'ACCEPT' }), 403, 'FORBIDDEN');
      expect(await stateOf(village.caseNo)).toEqual(before);
    });

    it('refuses the 瑞安市 overview to the 鹿城区 supervisor and gives it to the city supervisor', async () => {
      expectError(await api.as('supervisor.county', 'GET', `/api/stats/overview?scope=${RUIAN}`), 403, 'FORBIDDEN');
      expectError(await api.as('supervisor.county', 'GET', `/api/stats/overview?scope=${DEMO.cityCode}`), 403, 'FORBIDDEN');
      const city = await api.as('supervisor.city', 'GET', `/api/stats/overview?scope=${RUIAN}`);
      expect(city.status).toBe(200);
      expect(city.body).toMatchObject({ scope: RUIAN, name: '瑞安市', level: 'county' });
      expect(typeof city.body.total).toBe('number');
      const own = await api.as('supervisor.county', 'GET', '/api/stats/overview');
      expect(own.status).toBe(200);
      expect(own.body.scope).toBe(DEMO.countyCode);
      expect(own.body.total).toBeGreaterThanOrEqual(1);
    });
  });

  describe('query codes', () => {
    it('does not open case B with the query code of case A: 404, and B is untouched', async () => {
      const a = await api.file(buildCase());
      const b = await api.file(buildCase());
      const before = await stateOf(b.caseNo);
      const withA = { headers: { 'x-query-code': a.queryCode } };
      expectError(await api.request('GET', `/api/cases/${b.caseNo}`, withA), 404, 'CASE_NOT_FOUND');
      expectError(await api.request('GET', `/api/cases/${b.caseNo}/events`, withA), 404, 'CASE_NOT_FOUND');
      expectError(await api.request('POST', `/api/cases/${b.caseNo}/actions`, { ...withA, body: { type: 'WITHDRAW', reason: '撤回' } }), 404, 'CASE_NOT_FOUND');
      expect(await stateOf(b.caseNo)).toEqual(before);
      expect((await api.request('GET', `/api/cases/${a.caseNo}`, withA)).status).toBe(200);
    });
  });

  describe('a logged-in applicant', () => {
    it('sees the case they filed while logged in, and not one filed anonymously, even with the same ID number', async () => {
      const body = buildCase();
      const own = await api.file(body, 'applicant');
      const anonymous = await api.file({ ...body, applicant: { ...(body.applicant as object) } });
      const mine = await api.as('applicant', 'GET', `/api/cases/${own.caseNo}`);
      expect(mine.status).toBe(200);
      expect(mine.body.caseNo).toBe(own.caseNo);
      expect((await api.as('applicant', 'GET', `/api/cases/${own.caseNo}/events`)).status).toBe(200);
      await expectHidden('applicant', 'GET', `/api/cases/${anonymous.caseNo}`);
      await expectHidden('applicant', 'GET', `/api/cases/${anonymous.caseNo}/events`);
      await expectHidden('applicant', 'GET', `/api/cases/${village.caseNo}`);
    });

    it('cannot withdraw someone else’s case, nor accept their own', async () => {
      const own = await api.file(buildCase(), 'applicant');
      const other = await api.file(buildCase());
      const otherBefore = await stateOf(other.caseNo);
      await hiddenAction('applicant', other.caseNo, { type: 'WITHDRAW' });
      expect(await stateOf(other.caseNo)).toEqual(otherBefore);
      const ownBefore = await stateOf(own.caseNo);
      expectError(await api.act('applicant', own.caseNo, { type: 'ACCEPT' }), 403, 'FORBIDDEN');
      expect(await stateOf(own.caseNo)).toEqual(ownBefore);
      const withdrawn = await api.act('applicant', own.caseNo, { type: 'WITHDRAW', reason: '不再需要' });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.case.state).toBe('withdrawn');
    });
  });
});
