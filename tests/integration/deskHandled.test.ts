import { Api, buildCase } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/testServer';

/*
 * GET /api/desk/handled (已办): the cases a desk acted on, with its last act
 * (the outcome) and where the case is now; 待办 (GET /api/queue) keeps what
 * waits at the desk.
 */
describe('GET /api/desk/handled: what a desk has handled', () => {
  let srv: TestServer;
  let api: Api;
  let forwarded: any;
  let refused: any;
  let untouched: any;

  const act = async (user: string, caseNo: string, action: Record<string, unknown>) => {
    const res = await api.act(user, caseNo, action);
    if (res.status !== 200) throw new Error(`${user} ${action.type}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const handled = async (user: string, query = '') => {
    const res = await api.as(user, 'GET', `/api/desk/handled?pageSize=100${query}`);
    expect(res.status).toBe(200);
    return res.body as { total: number; cases: any[] };
  };
  const find = (list: { cases: any[] }, caseNo: string) => list.cases.find((c) => c.caseNo === caseNo);

  beforeAll(async () => {
    srv = await startTestServer();
    api = new Api(srv.url);
    forwarded = await api.file(buildCase());
    refused = await api.file(buildCase());
    untouched = await api.file(buildCase());
    await act('clerk.village', forwarded.caseNo, { type: 'ACCEPT', opinion: '材料齐全' });
    await act('clerk.town', forwarded.caseNo, { type: 'FORWARD', opinion: '初审同意' });
    await act('clerk.village', refused.caseNo, { type: 'REFUSE', reasons: '不属于本机关职权范围', rightsNotice: '可依法申请行政复议或者提起行政诉讼' });
  });
  afterAll(() => srv.close());

  it('lists the cases the desk acted on, newest act first, with its last act and where the case is now', async () => {
    const village = await handled('clerk.village');
    const nos = village.cases.map((c) => c.caseNo);
    expect(nos).toEqual(expect.arrayContaining([forwarded.caseNo, refused.caseNo]));
    expect(nos).not.toContain(untouched.caseNo);
    expect(nos.indexOf(refused.caseNo)).toBeLessThan(nos.indexOf(forwarded.caseNo));
    // The total counts what the pages list (on a shared database other suites' cases are there too).
    expect(village.cases).toHaveLength(Math.min(village.total, 100));
    const f = find(village, forwarded.caseNo);
    expect(f.handled).toMatchObject({ type: 'ACCEPT', toState: expect.any(String), opinion: '材料齐全', actorName: expect.any(String), at: expect.any(String) });
    // It has moved on: the town forwarded it to the county.
    expect(f.step).toMatchObject({ level: 'county' });
    const r = find(village, refused.caseNo);
    expect(r.handled).toMatchObject({ type: 'REFUSE' });
    expect(r.state).toBe(r.handled.toState);
  });

  it('is the desk’s own: the town sees what it forwarded, the county and another town nothing of these', async () => {
    const town = await handled('clerk.town');
    expect(find(town, forwarded.caseNo)?.handled).toMatchObject({ type: 'FORWARD', opinion: '初审同意' });
    expect(find(town, refused.caseNo)).toBeUndefined();
    for (const user of ['reviewer.county', 'clerk.othertown']) {
      const list = await handled(user);
      expect(find(list, forwarded.caseNo)).toBeUndefined();
    }
  });

  it('leaves 待办 to the queue: a handled case that moved on is no longer in it', async () => {
    const queue = await api.as('clerk.village', 'GET', '/api/queue?limit=200');
    const waiting = queue.body.cases.map((c: any) => c.caseNo);
    expect(waiting).toContain(untouched.caseNo);
    expect(waiting).not.toContain(forwarded.caseNo);
  });

  it('pages, with the total', async () => {
    const page = await api.as('clerk.village', 'GET', '/api/desk/handled?pageSize=1&page=2');
    expect(page.body).toMatchObject({ page: 2, pageSize: 1 });
    expect(page.body.total).toBeGreaterThanOrEqual(2);
    expect(page.body.cases).toHaveLength(1);
  });

  it('is for desks only', async () => {
    expect((await api.as('supervisor.county', 'GET', '/api/desk/handled')).status).toBe(403);
    expect((await api.request('GET', '/api/desk/handled')).status).toBe(401);
  });
});
