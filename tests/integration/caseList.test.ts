import { Api, buildCase, DEMO } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/testServer';

describe('GET /api/cases: lists by jurisdiction and for an applicant account', () => {
  let srv: TestServer;
  let api: Api;
  let filed: any;
  beforeAll(async () => {
    srv = await startTestServer();
    api = new Api(srv.url);
    filed = await api.file(buildCase({ applicant: { name: '列表测试甲', idNumber: '330302199001011235', phone: '13812345678' } }));
  });
  afterAll(() => srv.close());

  const nos = (res: any) => res.body.cases.map((c: any) => c.caseNo);

  it('finds a case by its number for the county supervisor, with the ID number masked', async () => {
    const res = await api.as('supervisor.county', 'GET', `/api/cases?q=${filed.caseNo}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(nos(res)).toEqual([filed.caseNo]);
    expect(res.body.cases[0].applicant.idNumber).toBe('330***********1235');
    // A list row offers no actions (none are computed for it); the case itself does.
    expect(res.body.cases[0]).not.toHaveProperty('actions');
    expect((await api.as('supervisor.county', 'GET', `/api/cases/${filed.caseNo}`)).body.actions).toEqual(expect.any(Array));
  });

  it('finds a case by the applicant’s name for the village clerk, who sees the full ID number', async () => {
    const res = await api.as('clerk.village', 'GET', `/api/cases?q=${encodeURIComponent('列表测试甲')}`);
    expect(nos(res)).toContain(filed.caseNo);
    expect(res.body.cases.find((c: any) => c.caseNo === filed.caseNo).applicant.idNumber).toBe('330302199001011235');
  });

  it('never shows another town’s cases, and refuses a scope outside the caller’s jurisdiction', async () => {
    const other = await api.as('clerk.othertown', 'GET', `/api/cases?q=${filed.caseNo}`);
    expect(other.status).toBe(200);
    expect(other.body.total).toBe(0);
    const out = await api.as('supervisor.county', 'GET', '/api/cases?scope=330381000000');
    expect(out.status).toBe(403);
    expect(out.body.error.code).toBe('FORBIDDEN');
  });

  it('filters by state and light, and pages', async () => {
    const open = await api.as('supervisor.city', 'GET', `/api/cases?state=acceptanceReview&light=green&scope=${DEMO.villageCode}&pageSize=1`);
    expect(open.status).toBe(200);
    expect(open.body.cases).toHaveLength(1);
    expect(open.body.total).toBeGreaterThanOrEqual(1);
    for (const c of open.body.cases) expect(c).toMatchObject({ state: 'acceptanceReview', light: 'green' });
    const none = await api.as('supervisor.city', 'GET', `/api/cases?state=completed&q=${filed.caseNo}`);
    expect(none.body.total).toBe(0);
  });

  it('shows an applicant account only the cases it filed itself', async () => {
    const mine = await api.file(buildCase(), 'applicant');
    const res = await api.as('applicant', 'GET', '/api/cases?scope=330000000000');
    expect(res.status).toBe(200);
    expect(nos(res)).toContain(mine.caseNo);
    expect(nos(res)).not.toContain(filed.caseNo);
  });

  // Issue 9: reviewers search too (the cases on their desk's routes; tests/integration/caseSearch.test.ts).
  it('is for reviewers too, within their desk’s reach, but not without a token', async () => {
    const res = await api.as('reviewer.county', 'GET', `/api/cases?q=${filed.caseNo}`);
    expect(res.status).toBe(200);
    expect(nos(res)).toEqual([filed.caseNo]);
    expect((await api.as('reviewer.health.county', 'GET', `/api/cases?q=${filed.caseNo}`)).body.total).toBe(0);
    expect((await api.request('GET', '/api/cases')).status).toBe(401);
  });
});
